// Building KMS state the way the API does, for the KMS handlers and for scenarios alike: a key with
// AWS's defaults (symmetric, ENCRYPT_DECRYPT, the default key policy) and aliases pointing at it.
import { mintUuid } from '../ids';
import type {
  KeySpec,
  KeyState,
  KeyUsage,
  KmsAlias,
  KmsKey,
  SandboxWorld,
  AccountId,
  Region,
} from '../world';
import { defaultKeyPolicy } from './default-policies';

export interface CreateKmsKeyOptions {
  readonly accountId?: AccountId; // default: the world's account
  readonly region: Region;
  readonly now: number; // simulated epoch ms
  readonly description?: string;
  readonly keySpec?: KeySpec;
  readonly keyUsage?: KeyUsage;
  readonly keyManager?: 'AWS' | 'CUSTOMER';
  readonly policy?: string; // JSON text; default: the default key policy
  readonly state?: KeyState;
  readonly deletionDate?: number; // with state PendingDeletion
  readonly pendingWindowInDays?: number;
  readonly rotationEnabled?: boolean;
  readonly multiRegion?: boolean;
  readonly origin?: KmsKey['origin'];
  readonly tags?: KmsKey['tags'];
  readonly keyId?: string; // to reproduce a key id from a document (the seeds' b9c76fe7-…)
}

export function kmsKeyArn(accountId: string, region: string, keyId: string): string {
  return `arn:aws:kms:${region}:${accountId}:key/${keyId}`;
}

export function kmsAliasArn(accountId: string, region: string, aliasName: string): string {
  return `arn:aws:kms:${region}:${accountId}:${aliasName}`;
}

// The usage AWS assigns when CreateKey gets a KeySpec but no KeyUsage.
function defaultUsage(keySpec: KeySpec): KeyUsage {
  if (keySpec === 'HMAC_256') return 'GENERATE_VERIFY_MAC';
  if (keySpec.startsWith('ECC_')) return 'SIGN_VERIFY';
  return 'ENCRYPT_DECRYPT';
}

export function createKmsKey(world: SandboxWorld, options: CreateKmsKeyOptions): KmsKey {
  const accountId = options.accountId ?? world.defaultAccountId;
  const keyId = options.keyId ?? mintUuid(world);
  const keySpec = options.keySpec ?? 'SYMMETRIC_DEFAULT';
  const state = options.state ?? 'Enabled';
  const key: KmsKey = {
    keyId,
    arn: kmsKeyArn(accountId, options.region, keyId),
    accountId,
    region: options.region,
    description: options.description ?? '',
    keyManager: options.keyManager ?? 'CUSTOMER',
    keySpec,
    keyUsage: options.keyUsage ?? defaultUsage(keySpec),
    origin: options.origin ?? 'AWS_KMS',
    state,
    creationDate: options.now,
    rotationEnabled: options.rotationEnabled ?? false,
    policy: options.policy ?? defaultKeyPolicy(accountId),
    grants: [],
    multiRegion: options.multiRegion ?? false,
    tags: options.tags ? [...options.tags] : [],
  };
  if (state === 'PendingDeletion') {
    const days = options.pendingWindowInDays ?? 30;
    key.pendingWindowInDays = days;
    key.deletionDate = options.deletionDate ?? options.now + days * 86_400_000;
  }
  world.kmsKeys.set(key.arn, key);
  return key;
}

export interface CreateAliasOptions {
  readonly accountId?: AccountId;
  readonly region: Region;
  readonly now: number;
  readonly aliasName: string; // 'alias/NAME'
  readonly targetKeyId: string; // key id (uuid)
}

export function createAlias(world: SandboxWorld, options: CreateAliasOptions): KmsAlias {
  const accountId = options.accountId ?? world.defaultAccountId;
  const aliasName = options.aliasName.startsWith('alias/') ? options.aliasName : `alias/${options.aliasName}`;
  const alias: KmsAlias = {
    aliasName,
    aliasArn: kmsAliasArn(accountId, options.region, aliasName),
    targetKeyId: options.targetKeyId,
    accountId,
    region: options.region,
    creationDate: options.now,
    lastUpdatedDate: options.now,
  };
  world.kmsAliases.set(alias.aliasArn, alias);
  return alias;
}

// A key and its alias in one call, the common case in scenarios.
export function createKmsKeyWithAlias(
  world: SandboxWorld,
  aliasName: string,
  options: CreateKmsKeyOptions,
): { key: KmsKey; alias: KmsAlias } {
  const key = createKmsKey(world, options);
  const alias = createAlias(world, {
    accountId: key.accountId,
    region: key.region,
    now: options.now,
    aliasName,
    targetKeyId: key.keyId,
  });
  return { key, alias };
}
