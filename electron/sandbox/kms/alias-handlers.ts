// ListAliases (optionally for one key) and CreateAlias.
import { AwsError, type JsonHandler } from '../context';
import type { KmsAlias } from '../world';
import { authorizeIamAction, authorizeKeyAction } from './authorize';
import { createAlias, kmsAliasArn } from './factory';
import { invalidState } from './key-state';
import { epochSeconds, optionalString, requiredString, validationError } from './input';
import { kmsPage } from './page';
import { PREDEFINED_AWS_ALIASES } from './aws-managed';
import { resolveKeyIdOrArn } from './resolve';

// AWS lists the aliases of the AWS managed keys a region can hold even before the service has
// created the key: such an entry has no TargetKeyId (and no dates). See aws-managed.ts.
function aliasEntry(alias: KmsAlias): Record<string, unknown> {
  return {
    AliasName: alias.aliasName,
    AliasArn: alias.aliasArn,
    ...(alias.targetKeyId ? { TargetKeyId: alias.targetKeyId } : {}),
    CreationDate: epochSeconds(alias.creationDate),
    LastUpdatedDate: epochSeconds(alias.lastUpdatedDate),
  };
}

export const listAliases: JsonHandler = (ctx, body) => {
  const keyRef = optionalString(body, 'KeyId');
  let entries: Record<string, unknown>[];
  const inScope = [...ctx.world.kmsAliases.values()].filter(
    (a) => a.accountId === ctx.accountId && a.region === ctx.region,
  );
  if (keyRef !== undefined) {
    const key = resolveKeyIdOrArn(ctx, keyRef);
    authorizeKeyAction(ctx, key, 'kms:ListAliases');
    entries = inScope.filter((a) => a.targetKeyId === key.keyId).map(aliasEntry);
  } else {
    authorizeIamAction(ctx, 'kms:ListAliases');
    const names = new Set(inScope.map((a) => a.aliasName));
    entries = [
      ...inScope.map(aliasEntry),
      ...Object.keys(PREDEFINED_AWS_ALIASES)
        .filter((name) => !names.has(name))
        .map((name) => ({
          AliasName: name,
          AliasArn: kmsAliasArn(ctx.accountId, ctx.region, name),
        })),
    ];
  }
  entries.sort((a, b) => String(a.AliasName).localeCompare(String(b.AliasName)));
  const { items, ...page } = kmsPage(body, entries, 'ListAliases');
  return { Aliases: items, ...page };
};

const ALIAS_PATTERN = /^[a-zA-Z0-9:/_-]+$/;

export const createAlias_: JsonHandler = (ctx, body) => {
  const aliasName = requiredString(body, 'AliasName');
  const targetRef = requiredString(body, 'TargetKeyId');
  if (!ALIAS_PATTERN.test(aliasName) || aliasName.length > 256) {
    throw validationError(
      'AliasName',
      aliasName,
      'Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$',
    );
  }
  if (!aliasName.startsWith('alias/') || aliasName === 'alias/') {
    throw new AwsError(
      'ValidationException',
      'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
    );
  }
  if (aliasName.startsWith('alias/aws/')) {
    throw new AwsError(
      'NotAuthorizedException',
      'The alias prefix alias/aws/ is reserved for AWS managed keys.',
    );
  }
  const key = resolveKeyIdOrArn(ctx, targetRef);
  authorizeKeyAction(ctx, key, 'kms:CreateAlias');
  if (key.keyManager === 'AWS') {
    throw new AwsError('NotAuthorizedException', `You cannot create an alias for an AWS managed key.`);
  }
  if (key.state === 'PendingDeletion') throw invalidState(key);
  const aliasArn = kmsAliasArn(ctx.accountId, ctx.region, aliasName);
  if (ctx.world.kmsAliases.has(aliasArn)) {
    throw new AwsError('AlreadyExistsException', `An alias with the name ${aliasArn} already exists`);
  }
  const count = [...ctx.world.kmsAliases.values()].filter(
    (a) => a.accountId === ctx.accountId && a.region === ctx.region,
  ).length;
  // Default quota: 50 aliases per key, 10,000 per account and region (adjustable).
  if (count >= 10_000)
    throw new AwsError('LimitExceededException', 'Alias quota exceeded for this account and region.');
  createAlias(ctx.world, {
    accountId: ctx.accountId,
    region: ctx.region,
    now: ctx.clock.now(),
    aliasName,
    targetKeyId: key.keyId,
  });
  return {};
};
