// AWS managed keys (aws/ebs, aws/s3): AWS creates one per account and region the first time a
// service needs it (EBS: the first encrypted volume without a KmsKeyId), with the service's
// managed-key policy. They cannot be disabled, deleted or have their policy changed.
// Before that, their aliases are "predefined": ListAliases lists them without a TargetKeyId
// ("aliases that AWS has created but has not yet associated with a KMS key", ListAliases API
// reference), and DescribeKey on one creates the key: "If you specify a predefined AWS alias (an
// AWS alias with no key ID), KMS associates the alias with an AWS managed key and returns its KeyId
// and Arn in the response" (DescribeKey API reference, KeyId). So alias/aws/ebs answers in every
// region from the first DescribeKey, even where nothing was ever encrypted.
import type { CallContext } from '../context';
import { ALIAS_ARN } from './resolve';
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

// The predefined aliases every region lists (a subset of AWS's, the services the sandbox models).
export const PREDEFINED_AWS_ALIASES: Readonly<Record<string, AwsManagedService>> = {
  'alias/aws/ebs': 'ebs',
  'alias/aws/s3': 's3',
};

// DescribeKey's side effect on a predefined alias (name, or alias ARN of the caller's account
// and region): the AWS managed key comes into being. Anything else is left to resolveKey.
export function materializePredefinedAlias(ctx: CallContext, ref: string): void {
  const arn = ALIAS_ARN.exec(ref);
  const name = arn ? (arn[1] === ctx.region && arn[2] === ctx.accountId ? arn[3] : undefined) : ref;
  const service = name === undefined ? undefined : PREDEFINED_AWS_ALIASES[name];
  if (service) ensureAwsManagedKey(ctx, service);
}

export type { AwsManagedService };
