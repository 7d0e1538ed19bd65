// GetKeyPolicy, PutKeyPolicy, ListGrants, CreateGrant.
import { AwsError, type JsonHandler } from '../context';
import { mintHex } from '../ids';
import type { KmsGrant } from '../world';
import { authorizeKeyAction } from './authorize';
import { dryRunOperation, invalidState } from './key-state';
import { checkLockout } from './key-handlers';
import {
  epochSeconds,
  optionalBoolean,
  optionalString,
  optionalStringList,
  optionalStringMap,
  requiredString,
  validationError,
} from './input';
import { kmsPage } from './page';
import { resolveKeyIdOrArn } from './resolve';

function policyName(body: Record<string, unknown>): string {
  const name = optionalString(body, 'PolicyName') ?? 'default';
  if (!/^[\w]+$/.test(name))
    throw validationError('PolicyName', name, 'Member must satisfy regular expression pattern: [\\w]+');
  // 'default' is the only key policy name KMS supports.
  if (name !== 'default') throw new AwsError('NotFoundException', 'No such policy exists');
  return name;
}

export const getKeyPolicy: JsonHandler = (ctx, body) => {
  const key = resolveKeyIdOrArn(ctx, requiredString(body, 'KeyId'));
  const name = policyName(body);
  authorizeKeyAction(ctx, key, 'kms:GetKeyPolicy');
  return { Policy: key.policy, PolicyName: name };
};

export const putKeyPolicy: JsonHandler = (ctx, body) => {
  const key = resolveKeyIdOrArn(ctx, requiredString(body, 'KeyId'));
  const policy = requiredString(body, 'Policy');
  policyName(body);
  authorizeKeyAction(ctx, key, 'kms:PutKeyPolicy');
  if (policy.length > 32_768)
    throw new AwsError('LimitExceededException', 'The key policy exceeds the 32 KB limit.');
  if (key.state === 'PendingDeletion') throw invalidState(key);
  checkLockout(ctx, policy, key.arn, optionalBoolean(body, 'BypassPolicyLockoutSafetyCheck') ?? false);
  key.policy = policy;
  return {};
};

const GRANT_OPERATIONS = [
  'Decrypt',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'ReEncryptFrom',
  'ReEncryptTo',
  'Sign',
  'Verify',
  'GetPublicKey',
  'CreateGrant',
  'RetireGrant',
  'DescribeKey',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'GenerateMac',
  'VerifyMac',
  'DeriveSharedSecret',
];

function grantEntry(keyArn: string, grant: KmsGrant): Record<string, unknown> {
  const constraints = grant.constraints
    ? {
        Constraints: {
          ...(grant.constraints.encryptionContextSubset
            ? { EncryptionContextSubset: grant.constraints.encryptionContextSubset }
            : {}),
          ...(grant.constraints.encryptionContextEquals
            ? { EncryptionContextEquals: grant.constraints.encryptionContextEquals }
            : {}),
        },
      }
    : {};
  return {
    KeyId: keyArn,
    GrantId: grant.grantId,
    ...(grant.name ? { Name: grant.name } : {}),
    CreationDate: epochSeconds(grant.creationDate),
    GranteePrincipal: grant.granteePrincipal,
    ...(grant.retiringPrincipal ? { RetiringPrincipal: grant.retiringPrincipal } : {}),
    IssuingAccount: grant.issuingAccount,
    Operations: grant.operations,
    ...constraints,
  };
}

export const listGrants: JsonHandler = (ctx, body) => {
  const key = resolveKeyIdOrArn(ctx, requiredString(body, 'KeyId'));
  authorizeKeyAction(ctx, key, 'kms:ListGrants');
  const grantId = optionalString(body, 'GrantId');
  const grantee = optionalString(body, 'GranteePrincipal');
  const grants = key.grants.filter(
    (g) =>
      (grantId === undefined || g.grantId === grantId) &&
      (grantee === undefined || g.granteePrincipal === grantee),
  );
  const { items, ...page } = kmsPage(body, grants, `ListGrants:${key.arn}`);
  return { Grants: items.map((g) => grantEntry(key.arn, g)), ...page };
};

export const createGrant: JsonHandler = (ctx, body) => {
  const key = resolveKeyIdOrArn(ctx, requiredString(body, 'KeyId'));
  const granteePrincipal = requiredString(body, 'GranteePrincipal');
  const operations = optionalStringList(body, 'Operations');
  if (!operations || operations.length === 0)
    throw validationError('Operations', operations, 'Member must not be null');
  const unknown = operations.find((op) => !GRANT_OPERATIONS.includes(op));
  if (unknown)
    throw validationError(
      'Operations',
      unknown,
      `Member must satisfy enum value set: [${GRANT_OPERATIONS.join(', ')}]`,
    );
  const retiringPrincipal = optionalString(body, 'RetiringPrincipal');
  const name = optionalString(body, 'Name');
  const rawConstraints = body.Constraints as Record<string, unknown> | undefined;
  const subset = optionalStringMap(rawConstraints?.EncryptionContextSubset, 'EncryptionContextSubset');
  const equals = optionalStringMap(rawConstraints?.EncryptionContextEquals, 'EncryptionContextEquals');
  authorizeKeyAction(ctx, key, 'kms:CreateGrant', {
    'kms:GrantIsForAWSResource': false,
    'kms:GranteePrincipal': granteePrincipal,
    'kms:GrantOperations': operations,
    ...(retiringPrincipal ? { 'kms:RetiringPrincipal': retiringPrincipal } : {}),
  });
  if (key.state === 'PendingDeletion' || key.state === 'PendingImport') throw invalidState(key);
  if (!/^(arn:aws[\w-]*:(iam|sts)::\d{12}:.+|\d{12}|[\w.-]+\.amazonaws\.com)$/.test(granteePrincipal)) {
    throw new AwsError('InvalidArnException', `ARN ${granteePrincipal} is not a valid principal`);
  }
  // KMS developer guide, "Testing your permissions": with DryRun the request is authorized and its
  // parameters checked, then refused with DryRunOperationException instead of making the grant.
  if (body.DryRun === true) throw dryRunOperation();
  // Grants with the same name, principal, operations and constraints are idempotent.
  const existing = name
    ? key.grants.find((g) => g.name === name && g.granteePrincipal === granteePrincipal)
    : undefined;
  if (existing) return { GrantId: existing.grantId, GrantToken: `${existing.grantId}token` };
  // Default quota: 50,000 grants per KMS key.
  if (key.grants.length >= 50_000)
    throw new AwsError('LimitExceededException', 'Grant quota exceeded for this KMS key.');
  const grant: KmsGrant = {
    grantId: mintHex(ctx.world, 64),
    granteePrincipal,
    ...(retiringPrincipal ? { retiringPrincipal } : {}),
    operations,
    ...(subset || equals
      ? {
          constraints: {
            ...(subset ? { encryptionContextSubset: subset } : {}),
            ...(equals ? { encryptionContextEquals: equals } : {}),
          },
        }
      : {}),
    issuingAccount: `arn:aws:iam::${ctx.accountId}:root`,
    ...(name ? { name } : {}),
    creationDate: ctx.clock.now(),
  };
  key.grants.push(grant);
  return { GrantId: grant.grantId, GrantToken: `${grant.grantId}token` };
};
