// AWS managed keys (aws/ebs, aws/s3): AWS creates one per account and region the first time a
// service needs it (EBS: the first encrypted volume without a KmsKeyId), with the service's
// managed-key policy. They cannot be disabled, deleted or have their policy changed.
import type { CallContext } from '../context';
import type { KmsKey, SandboxWorld } from '../world';
import { awsManagedKeyDescription, awsManagedKeyPolicy, type AwsManagedService } from './default-policies';
import { createAlias, createKmsKey, kmsAliasArn } from './factory';

export function findAwsManagedKey(
  world: SandboxWorld,
  accountId: string,
  region: string,
  service: AwsManagedService,
): KmsKey | undefined {
  const alias = world.kmsAliases.get(kmsAliasArn(accountId, region, `alias/aws/${service}`));
  if (!alias?.targetKeyId) return undefined;
  return world.kmsKeys.get(`arn:aws:kms:${region}:${accountId}:key/${alias.targetKeyId}`);
}

export function ensureAwsManagedKeyIn(
  world: SandboxWorld,
  accountId: string,
  region: string,
  service: AwsManagedService,
  now: number,
): KmsKey {
  const existing = findAwsManagedKey(world, accountId, region, service);
  if (existing) return existing;
  const key = createKmsKey(world, {
    accountId,
    region,
    now,
    description: awsManagedKeyDescription(service),
    keyManager: 'AWS',
    policy: awsManagedKeyPolicy(service, accountId, region),
    // AWS managed keys rotate every year, and that cannot be turned off.
    rotationEnabled: true,
  });
  createAlias(world, { accountId, region, now, aliasName: `alias/aws/${service}`, targetKeyId: key.keyId });
  return key;
}

export function ensureAwsManagedKey(ctx: CallContext, service: AwsManagedService): KmsKey {
  return ensureAwsManagedKeyIn(ctx.world, ctx.accountId, ctx.region, service, ctx.clock.now());
}

export type { AwsManagedService };
