// Resolving a KMS key reference the way KMS does. Accepted forms: key id (uuid or mrk-…), key ARN,
// alias name (alias/NAME, only in the caller's account and region), alias ARN. Errors as KMS
// sends them:
// - unknown key id / ARN: NotFoundException "Key 'arn:aws:kms:R:A:key/ID' does not exist"
// - key ARN or alias ARN in another region: NotFoundException "Invalid arn R2"
// - unknown alias: NotFoundException "Alias arn:aws:kms:R:A:alias/NAME is not found."
// - a string that is none of these: NotFoundException "Invalid keyId 'x'"
import { AwsError } from '../context';
import type { KmsAlias, KmsKey, SandboxWorld } from '../world';
import { kmsAliasArn, kmsKeyArn } from './factory';

export interface KeyScope {
  readonly world: SandboxWorld;
  readonly accountId: string;
  readonly region: string;
}

const KEY_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/i;
const KEY_ARN = /^arn:aws[\w-]*:kms:([a-z0-9-]+):(\d{12}):key\/(.+)$/;
export const ALIAS_ARN = /^arn:aws[\w-]*:kms:([a-z0-9-]+):(\d{12}):(alias\/.+)$/;

export function notFoundKey(arn: string): AwsError {
  return new AwsError('NotFoundException', `Key '${arn}' does not exist`);
}

function notFoundAlias(aliasArn: string): AwsError {
  return new AwsError('NotFoundException', `Alias ${aliasArn} is not found.`);
}

function keyByArn(scope: KeyScope, arn: string): KmsKey {
  const key = scope.world.kmsKeys.get(arn);
  if (!key) throw notFoundKey(arn);
  return key;
}

function keyOfAlias(scope: KeyScope, alias: KmsAlias | undefined, aliasArn: string): KmsKey {
  if (!alias?.targetKeyId) throw notFoundAlias(aliasArn);
  return keyByArn(scope, kmsKeyArn(alias.accountId, alias.region, alias.targetKeyId));
}

export function findAlias(scope: KeyScope, aliasName: string): KmsAlias | undefined {
  return scope.world.kmsAliases.get(kmsAliasArn(scope.accountId, scope.region, aliasName));
}

export function resolveKey(scope: KeyScope, ref: string): KmsKey {
  const keyArn = KEY_ARN.exec(ref);
  if (keyArn) {
    if (keyArn[1] !== scope.region) throw new AwsError('NotFoundException', `Invalid arn ${keyArn[1]}`);
    return keyByArn(scope, ref);
  }
  const aliasArn = ALIAS_ARN.exec(ref);
  if (aliasArn) {
    if (aliasArn[1] !== scope.region) throw new AwsError('NotFoundException', `Invalid arn ${aliasArn[1]}`);
    return keyOfAlias(scope, scope.world.kmsAliases.get(ref), ref);
  }
  if (ref.startsWith('alias/')) {
    return keyOfAlias(scope, findAlias(scope, ref), kmsAliasArn(scope.accountId, scope.region, ref));
  }
  if (KEY_ID.test(ref)) return keyByArn(scope, kmsKeyArn(scope.accountId, scope.region, ref));
  throw new AwsError('NotFoundException', `Invalid keyId '${ref}'`);
}

// The operations that manage a key (not those that use it) accept only a key id or key ARN:
// EnableKey, DisableKey, ScheduleKeyDeletion, CancelKeyDeletion, GetKeyPolicy, PutKeyPolicy,
// ListGrants, GetKeyRotationStatus, … An alias there is refused.
export function resolveKeyIdOrArn(scope: KeyScope, ref: string): KmsKey {
  if (ref.startsWith('alias/') || ALIAS_ARN.test(ref)) {
    throw new AwsError('NotFoundException', `Invalid keyId '${ref}'`);
  }
  return resolveKey(scope, ref);
}
