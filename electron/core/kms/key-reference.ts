// The one KMS reference resolver: a key id, key ARN, alias name (alias/aws/ebs included), alias
// ARN or another account's ARN becomes one canonical key, through DescribeKey (which accepts all
// four forms) and ListAliases (own-account keys only: KMS does not list another account's
// aliases). Malformed references and references to another region fail before any call, with an
// AppError that says what a valid reference looks like.
import type { KMSClient } from '@aws-sdk/client-kms';
import { DescribeKeyCommand, GetKeyPolicyCommand, paginateListAliases } from '@aws-sdk/client-kms';
import type { CanonicalKey, KeyReference } from '../../../shared/kms/key-reference';
import { parseKeyReference } from '../../../shared/kms/key-reference';
import { AppError } from '../errors/app-error';

export interface ResolveTarget {
  readonly region: string;
  // The caller's account, when known: decides whether aliases can be listed.
  readonly account?: string;
}

export function parseOrThrow(ref: string): KeyReference {
  const parsed = parseKeyReference(ref);
  if (!parsed.ok) throw new AppError(parsed.error.code, parsed.error.message, parsed.error.hint);
  return parsed.ref;
}

export async function resolveKeyReference(
  ref: string,
  target: ResolveTarget,
  kms: KMSClient,
): Promise<CanonicalKey> {
  const parsed = parseOrThrow(ref);
  if ((parsed.kind === 'key-arn' || parsed.kind === 'alias-arn') && parsed.region !== target.region) {
    throw new AppError(
      'key-in-other-region',
      `The key ${ref.trim()} is in ${parsed.region}, not in ${target.region}.`,
      `EBS volumes, snapshots and AMIs in ${target.region} can only use a key of ${target.region}: choose one there, or a multi-Region replica of this key in ${target.region}.`,
    );
  }
  const keyId = parsed.kind === 'key-id' || parsed.kind === 'key-arn' ? parsed.keyId : parsed.aliasName;
  const value = parsed.kind === 'key-arn' || parsed.kind === 'alias-arn' ? ref.trim() : keyId;
  const metadata = await describe(kms, value, target.region);
  const arn = metadata.Arn ?? '';
  const account =
    metadata.AWSAccountId ?? (parsed.kind === 'key-arn' || parsed.kind === 'alias-arn' ? parsed.account : '');
  const ownAccount = target.account === undefined || target.account === account;
  const aliases = ownAccount
    ? await aliasesOf(kms, metadata.KeyId ?? '')
    : parsed.kind === 'alias-arn'
      ? [parsed.aliasName]
      : [];
  return {
    arn,
    keyId: metadata.KeyId ?? '',
    aliases,
    region: arn.split(':')[3] ?? target.region,
    account,
    state: metadata.KeyState ?? 'Unknown',
    spec: metadata.KeySpec ?? 'SYMMETRIC_DEFAULT',
    ...(metadata.KeyUsage ? { usage: metadata.KeyUsage } : {}),
    manager: metadata.KeyManager === 'AWS' ? 'AWS' : 'CUSTOMER',
    ...(metadata.Description ? { description: metadata.Description } : {}),
  };
}

async function describe(kms: KMSClient, keyId: string, region: string) {
  try {
    const answer = await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
    if (!answer.KeyMetadata) throw new AppError('key-not-found', `KMS returned no metadata for ${keyId}.`);
    return answer.KeyMetadata;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'NotFoundException') {
      throw new AppError(
        'key-not-found',
        `There is no KMS key ${keyId} in ${region}.`,
        'Check the spelling, the region and the account; an alias must exist in this region (aliases are per region).',
      );
    }
    if (name === 'AccessDeniedException') {
      throw new AppError(
        'key-access-denied',
        `You may not describe the KMS key ${keyId}.`,
        'For another account’s key, its key policy must allow kms:DescribeKey to your account; for your own, check your IAM policy.',
      );
    }
    throw error;
  }
}

async function aliasesOf(kms: KMSClient, keyId: string): Promise<string[]> {
  const names: string[] = [];
  for await (const page of paginateListAliases({ client: kms, pageSize: 100 }, { KeyId: keyId })) {
    for (const alias of page.Aliases ?? []) if (alias.AliasName) names.push(alias.AliasName);
  }
  return names;
}

// The key policy as JSON text (its only name is 'default').
export async function fetchKeyPolicy(kms: KMSClient, keyArn: string): Promise<string> {
  const answer = await kms.send(new GetKeyPolicyCommand({ KeyId: keyArn, PolicyName: 'default' }));
  return answer.Policy ?? '';
}
