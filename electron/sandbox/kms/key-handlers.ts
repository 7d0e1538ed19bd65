// ListKeys, DescribeKey, CreateKey, EnableKey, DisableKey, ScheduleKeyDeletion, CancelKeyDeletion.
import { AwsError, type CallContext, type JsonHandler } from '../context';
import { parsePolicy, awsCaller, evaluateKeyAccess } from '../policy';
import { identityPoliciesOf } from '../policy/identity';
import type { KeySpec, KeyUsage } from '../world';
import { authorizeIamAction, authorizeKeyAction } from './authorize';
import { materializePredefinedAlias } from './aws-managed';
import { createKmsKey } from './factory';
import { invalidState } from './key-state';
import {
  epochSeconds,
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  optionalString,
  requiredString,
} from './input';
import { keyMetadata } from './metadata';
import { kmsPage } from './page';
import { resolveKey, resolveKeyIdOrArn } from './resolve';

const KEY_SPECS: readonly KeySpec[] = [
  'SYMMETRIC_DEFAULT',
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'ECC_NIST_P256',
  'ECC_NIST_P384',
  'ECC_NIST_P521',
  'ECC_SECG_P256K1',
  'HMAC_256',
];
const KEY_USAGES: readonly KeyUsage[] = ['ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'GENERATE_VERIFY_MAC'];

// Which usages each key spec allows (KMS developer guide, "Key spec reference").
function usageAllowed(spec: KeySpec, usage: KeyUsage): boolean {
  if (spec === 'SYMMETRIC_DEFAULT') return usage === 'ENCRYPT_DECRYPT';
  if (spec.startsWith('RSA_')) return usage === 'ENCRYPT_DECRYPT' || usage === 'SIGN_VERIFY';
  if (spec === 'HMAC_256') return usage === 'GENERATE_VERIFY_MAC';
  return usage === 'SIGN_VERIFY';
}

// The policy lockout safety check: the new policy must still let the caller change it.
export function checkLockout(ctx: CallContext, policyText: string, keyArn: string, bypass: boolean): void {
  const parsed = parsePolicy(policyText);
  if (!parsed.ok) throw new AwsError('MalformedPolicyDocumentException', parsed.message);
  if (bypass) return;
  const decision = evaluateKeyAccess(
    {
      keyPolicy: parsed.policy,
      identityPolicies: identityPoliciesOf(ctx.world, ctx.principalArn),
      grants: [],
    },
    {
      caller: awsCaller(ctx.principalArn),
      action: 'kms:PutKeyPolicy',
      keyArn,
      keyAccountId: ctx.accountId,
      context: { 'kms:CallerAccount': ctx.accountId },
    },
  );
  if (!decision.allowed) {
    throw new AwsError(
      'MalformedPolicyDocumentException',
      'The new key policy will not allow you to update the key policy in the future.',
    );
  }
}

export const listKeys: JsonHandler = (ctx, body) => {
  authorizeIamAction(ctx, 'kms:ListKeys');
  const keys = [...ctx.world.kmsKeys.values()]
    .filter((k) => k.accountId === ctx.accountId && k.region === ctx.region)
    .sort((a, b) => a.creationDate - b.creationDate || a.keyId.localeCompare(b.keyId));
  const { items, ...page } = kmsPage(body, keys, 'ListKeys');
  return { Keys: items.map((k) => ({ KeyId: k.keyId, KeyArn: k.arn })), ...page };
};

export const describeKey: JsonHandler = (ctx, body) => {
  const ref = requiredString(body, 'KeyId');
  materializePredefinedAlias(ctx, ref);
  const key = resolveKey(ctx, ref);
  authorizeKeyAction(ctx, key, 'kms:DescribeKey');
  return { KeyMetadata: keyMetadata(key) };
};

export const createKey: JsonHandler = (ctx, body) => {
  authorizeIamAction(ctx, 'kms:CreateKey');
  const spec =
    optionalEnum(body, 'KeySpec', KEY_SPECS) ??
    optionalEnum(body, 'CustomerMasterKeySpec', KEY_SPECS) ??
    'SYMMETRIC_DEFAULT';
  const usage =
    optionalEnum(body, 'KeyUsage', KEY_USAGES) ??
    (spec === 'HMAC_256'
      ? 'GENERATE_VERIFY_MAC'
      : spec.startsWith('ECC_')
        ? 'SIGN_VERIFY'
        : 'ENCRYPT_DECRYPT');
  if (!usageAllowed(spec, usage)) {
    throw new AwsError('ValidationException', `KeyUsage ${usage} is not compatible with KeySpec ${spec}`);
  }
  const description = optionalString(body, 'Description');
  if (description !== undefined && description.length > 8192) {
    throw new AwsError(
      'ValidationException',
      "1 validation error detected: Value at 'description' failed to satisfy constraint: Member must have length less than or equal to 8192",
    );
  }
  const origin = optionalEnum(body, 'Origin', [
    'AWS_KMS',
    'EXTERNAL',
    'AWS_CLOUDHSM',
    'EXTERNAL_KEY_STORE',
  ] as const);
  if (origin === 'AWS_CLOUDHSM' || origin === 'EXTERNAL_KEY_STORE') {
    throw new AwsError(
      'UnsupportedOperationException',
      `Origin ${origin} needs a custom key store, which the sandbox does not model.`,
    );
  }
  const policy = optionalString(body, 'Policy');
  const tags = parseTags(body.Tags);
  // The lockout check evaluates the new policy against a key ARN that does not exist yet; its
  // statements use Resource "*" in practice.
  if (policy !== undefined)
    checkLockout(
      ctx,
      policy,
      `arn:aws:kms:${ctx.region}:${ctx.accountId}:key/*`,
      optionalBoolean(body, 'BypassPolicyLockoutSafetyCheck') ?? false,
    );
  const key = createKmsKey(ctx.world, {
    accountId: ctx.accountId,
    region: ctx.region,
    now: ctx.clock.now(),
    keySpec: spec,
    keyUsage: usage,
    ...(description === undefined ? {} : { description }),
    ...(policy === undefined ? {} : { policy }),
    ...(origin === 'EXTERNAL' ? { origin: 'EXTERNAL' as const, state: 'PendingImport' as const } : {}),
    multiRegion: optionalBoolean(body, 'MultiRegion') ?? false,
    tags,
  });
  return { KeyMetadata: keyMetadata(key) };
};

export function parseTags(value: unknown): { TagKey: string; TagValue: string }[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new AwsError('SerializationException', 'Unexpected value for Tags');
  return value.map((tag: unknown) => {
    const t = tag as { TagKey?: unknown; TagValue?: unknown };
    if (typeof t.TagKey !== 'string' || typeof t.TagValue !== 'string') {
      throw new AwsError('TagException', 'Each tag needs a TagKey and a TagValue.');
    }
    if (t.TagKey.startsWith('aws:'))
      throw new AwsError('TagException', 'Tags beginning with aws: are reserved');
    return { TagKey: t.TagKey, TagValue: t.TagValue };
  });
}

export const enableKey: JsonHandler = (ctx, body) => {
  const key = resolveKeyIdOrArn(ctx, requiredString(body, 'KeyId'));
  authorizeKeyAction(ctx, key, 'kms:EnableKey');
  if (key.state === 'PendingDeletion' || key.state === 'PendingImport') throw invalidState(key);
  key.state = 'Enabled';
  return {};
};

export const disableKey: JsonHandler = (ctx, body) => {
  const key = resolveKeyIdOrArn(ctx, requiredString(body, 'KeyId'));
  authorizeKeyAction(ctx, key, 'kms:DisableKey');
  if (key.state === 'PendingDeletion' || key.state === 'PendingImport') throw invalidState(key);
  key.state = 'Disabled';
  return {};
};

export const scheduleKeyDeletion: JsonHandler = (ctx, body) => {
  // Input validation comes before the key lookup, as in KMS.
  const days = optionalInteger(body, 'PendingWindowInDays', 7, 30) ?? 30;
  const key = resolveKeyIdOrArn(ctx, requiredString(body, 'KeyId'));
  authorizeKeyAction(ctx, key, 'kms:ScheduleKeyDeletion');
  if (key.state === 'PendingDeletion') throw invalidState(key);
  key.state = 'PendingDeletion';
  key.pendingWindowInDays = days;
  key.deletionDate = ctx.clock.now() + days * 86_400_000;
  return {
    KeyId: key.arn,
    DeletionDate: epochSeconds(key.deletionDate),
    KeyState: key.state,
    PendingWindowInDays: days,
  };
};

export const cancelKeyDeletion: JsonHandler = (ctx, body) => {
  const key = resolveKeyIdOrArn(ctx, requiredString(body, 'KeyId'));
  authorizeKeyAction(ctx, key, 'kms:CancelKeyDeletion');
  if (key.state !== 'PendingDeletion') {
    throw new AwsError('KMSInvalidStateException', `${key.arn} is not pending deletion.`);
  }
  // A key whose deletion is cancelled comes back Disabled, as KMS documents.
  key.state = 'Disabled';
  delete key.deletionDate;
  delete key.pendingWindowInDays;
  return { KeyId: key.arn };
};
