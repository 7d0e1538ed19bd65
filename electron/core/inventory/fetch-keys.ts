// KMS keys of one region with their aliases and metadata. ListKeys and ListAliases run side by
// side; then one DescribeKey per key (and GetKeyRotationStatus where rotation applies), a bounded
// number at a time. Key policies are not read here: kms:keyPolicy fetches one on demand.
import type { KeyMetadata, KMSClient } from '@aws-sdk/client-kms';
import {
  DescribeKeyCommand,
  GetKeyRotationStatusCommand,
  paginateListAliases,
  paginateListKeys,
} from '@aws-sdk/client-kms';
import type { KeyRecord } from '../../../shared/domain/inventory';
import { mapLimit } from './concurrency';
import { MAX_PAGE } from './scan-clients';

export async function fetchKeys(
  client: KMSClient,
  concurrency: number,
  signal?: AbortSignal,
): Promise<KeyRecord[]> {
  const [keyIds, aliases] = await Promise.all([listKeyIds(client, signal), listAliasesByKey(client, signal)]);
  return mapLimit(
    keyIds,
    concurrency,
    async (keyId) => {
      const answer = await client.send(new DescribeKeyCommand({ KeyId: keyId }));
      const metadata = answer.KeyMetadata;
      const rotation = await rotationOf(client, metadata);
      return toKey(metadata, keyId, aliases.get(keyId) ?? [], rotation);
    },
    signal,
  );
}

async function listKeyIds(client: KMSClient, signal?: AbortSignal): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of paginateListKeys({ client, pageSize: MAX_PAGE.listKeys }, {})) {
    signal?.throwIfAborted();
    for (const key of page.Keys ?? []) if (key.KeyId) ids.push(key.KeyId);
  }
  return ids;
}

// Alias names by target key id. Predefined AWS aliases with no key yet have no TargetKeyId.
export async function listAliasesByKey(
  client: KMSClient,
  signal?: AbortSignal,
): Promise<Map<string, string[]>> {
  const byKey = new Map<string, string[]>();
  for await (const page of paginateListAliases({ client, pageSize: MAX_PAGE.listAliases }, {})) {
    signal?.throwIfAborted();
    for (const alias of page.Aliases ?? []) {
      if (!alias.TargetKeyId || !alias.AliasName) continue;
      const list = byKey.get(alias.TargetKeyId);
      if (list) list.push(alias.AliasName);
      else byKey.set(alias.TargetKeyId, [alias.AliasName]);
    }
  }
  return byKey;
}

const keyRefusals = new Set([
  'AccessDeniedException',
  'UnsupportedOperationException',
  'KMSInvalidStateException',
  'NotFoundException',
]);

// AWS managed keys rotate every year and cannot be changed; rotation does not apply to asymmetric,
// HMAC or imported keys, nor can it be read while a key is pending deletion.
async function rotationOf(client: KMSClient, m: KeyMetadata | undefined): Promise<boolean | undefined> {
  if (!m) return undefined;
  if (m.KeyManager === 'AWS') return true;
  const applies =
    m.KeySpec === 'SYMMETRIC_DEFAULT' &&
    m.Origin === 'AWS_KMS' &&
    (m.KeyState === 'Enabled' || m.KeyState === 'Disabled');
  if (!applies) return undefined;
  try {
    const answer = await client.send(new GetKeyRotationStatusCommand({ KeyId: m.KeyId }));
    return answer.KeyRotationEnabled ?? false;
  } catch (error) {
    // A refusal for this one key (AccessDenied, an unsupported key) leaves rotation unknown.
    if (keyRefusals.has((error as { name?: string }).name ?? '')) return undefined;
    throw error;
  }
}

function toKey(
  m: KeyMetadata | undefined,
  keyId: string,
  aliases: string[],
  rotation: boolean | undefined,
): KeyRecord {
  return {
    arn: m?.Arn ?? '',
    keyId: m?.KeyId ?? keyId,
    account: m?.AWSAccountId ?? '',
    aliases,
    state: m?.KeyState ?? 'Unknown',
    spec: m?.KeySpec ?? 'SYMMETRIC_DEFAULT',
    ...(m?.KeyUsage ? { usage: m.KeyUsage } : {}),
    manager: m?.KeyManager === 'AWS' ? 'AWS' : 'CUSTOMER',
    ...(rotation === undefined ? {} : { rotation }),
    ...(m?.Description ? { description: m.Description } : {}),
    ...(m?.DeletionDate ? { deletionDate: m.DeletionDate.getTime() } : {}),
    ...(m?.MultiRegion ? { multiRegion: true } : {}),
  };
}
