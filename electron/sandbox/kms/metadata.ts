// KeyMetadata as DescribeKey, CreateKey and the console show it.
import type { KmsKey, SandboxWorld } from '../world';
import { epochSeconds } from './input';

function encryptionAlgorithms(key: KmsKey): string[] | undefined {
  if (key.keyUsage !== 'ENCRYPT_DECRYPT') return undefined;
  return key.keySpec === 'SYMMETRIC_DEFAULT'
    ? ['SYMMETRIC_DEFAULT']
    : ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'];
}

function signingAlgorithms(key: KmsKey): string[] | undefined {
  if (key.keyUsage !== 'SIGN_VERIFY') return undefined;
  if (key.keySpec.startsWith('RSA_')) {
    return [
      'RSASSA_PKCS1_V1_5_SHA_256',
      'RSASSA_PKCS1_V1_5_SHA_384',
      'RSASSA_PKCS1_V1_5_SHA_512',
      'RSASSA_PSS_SHA_256',
      'RSASSA_PSS_SHA_384',
      'RSASSA_PSS_SHA_512',
    ];
  }
  if (key.keySpec === 'ECC_NIST_P384') return ['ECDSA_SHA_384'];
  if (key.keySpec === 'ECC_NIST_P521') return ['ECDSA_SHA_512'];
  return ['ECDSA_SHA_256'];
}

export function keyMetadata(key: KmsKey): Record<string, unknown> {
  const encryption = encryptionAlgorithms(key);
  const signing = signingAlgorithms(key);
  return {
    AWSAccountId: key.accountId,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: epochSeconds(key.creationDate),
    Enabled: key.state === 'Enabled',
    Description: key.description,
    KeyUsage: key.keyUsage,
    KeyState: key.state,
    ...(key.deletionDate === undefined ? {} : { DeletionDate: epochSeconds(key.deletionDate) }),
    ...(key.pendingWindowInDays === undefined
      ? {}
      : { PendingDeletionWindowInDays: key.pendingWindowInDays }),
    Origin: key.origin,
    KeyManager: key.keyManager,
    CustomerMasterKeySpec: key.keySpec,
    KeySpec: key.keySpec,
    ...(encryption ? { EncryptionAlgorithms: encryption } : {}),
    ...(signing ? { SigningAlgorithms: signing } : {}),
    ...(key.keyUsage === 'GENERATE_VERIFY_MAC' ? { MacAlgorithms: ['HMAC_SHA_256'] } : {}),
    MultiRegion: key.multiRegion,
  };
}

// Keys whose waiting period has passed are deleted, with their aliases, as KMS does at the
// deletion date. Called lazily by the KMS handlers and by anything that lists keys.
export function purgeDeletedKeys(world: SandboxWorld, now: number): void {
  for (const [arn, key] of world.kmsKeys) {
    if (key.state !== 'PendingDeletion' || key.deletionDate === undefined || key.deletionDate > now) continue;
    world.kmsKeys.delete(arn);
    for (const [aliasArn, alias] of world.kmsAliases) {
      if (
        alias.targetKeyId === key.keyId &&
        alias.accountId === key.accountId &&
        alias.region === key.region
      ) {
        world.kmsAliases.delete(aliasArn);
      }
    }
  }
}
