// The destination key of an encrypted AMI copy, checked before anything is created: it resolves
// in the DESTINATION region, is Enabled (a key pending deletion says when it goes), is a symmetric
// encryption key (EBS supports nothing else), and the caller may use it through EC2. A blank key
// is the region's default EBS key: aws/ebs (AWS managed) unless the account chose another.
import { GetEbsDefaultKmsKeyIdCommand } from '@aws-sdk/client-ec2';
import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { formatTime } from '../../../shared/format/time';
import type { CanonicalKey } from '../../../shared/kms/key-reference';
import { keyLabel } from '../../../shared/kms/key-reference';
import type { PlanKey } from '../../../shared/domain/ami-copy';
import { AppError } from '../errors/app-error';
import { resolveKeyReference } from '../kms/key-reference';
import type { AmiCopyDeps, Caller } from './deps';
import { checkCallerKeyAccess } from './key-access';

export interface CheckedKey {
  readonly key: CanonicalKey;
  readonly view: PlanKey;
  readonly warnings: string[];
}

async function defaultEbsKeyRef(deps: AmiCopyDeps, region: string): Promise<string> {
  const answer = await deps.ec2(region).send(new GetEbsDefaultKmsKeyIdCommand({}));
  return answer.KmsKeyId ?? 'alias/aws/ebs';
}

async function deletionDate(deps: AmiCopyDeps, key: CanonicalKey): Promise<string | undefined> {
  try {
    const answer = await deps.kms(key.region).send(new DescribeKeyCommand({ KeyId: key.arn }));
    const at = answer.KeyMetadata?.DeletionDate;
    return at ? formatTime(at) : undefined;
  } catch {
    return undefined;
  }
}

async function assertUsableState(deps: AmiCopyDeps, key: CanonicalKey): Promise<void> {
  const label = `${keyLabel(key)} (${key.arn})`;
  if (key.state === 'PendingDeletion') {
    const date = await deletionDate(deps, key);
    throw new AppError(
      'key-pending-deletion',
      `The KMS key ${label} is scheduled for deletion${date ? ` on ${date}` : ''}; EBS cannot encrypt with it.`,
      'Cancel the deletion (aws kms cancel-key-deletion) and enable the key (aws kms enable-key), or choose another key.',
    );
  }
  if (key.state === 'Disabled') {
    throw new AppError(
      'key-disabled',
      `The KMS key ${label} is disabled; EBS cannot encrypt with it.`,
      'Enable it (aws kms enable-key) or choose another key.',
    );
  }
  if (key.state !== 'Enabled') {
    throw new AppError(
      'key-not-enabled',
      `The KMS key ${label} is in state ${key.state}; EBS needs an Enabled key.`,
      'Wait until the key is Enabled, or choose another key.',
    );
  }
  if (key.spec !== 'SYMMETRIC_DEFAULT' || (key.usage !== undefined && key.usage !== 'ENCRYPT_DECRYPT')) {
    throw new AppError(
      'key-not-symmetric',
      `The KMS key ${label} is a ${key.spec}${key.usage ? ` ${key.usage}` : ''} key; Amazon EBS supports only symmetric encryption keys (SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT).`,
      'Choose a symmetric encryption key, or leave the key blank for aws/ebs.',
    );
  }
}

function summaryOf(key: CanonicalKey, chosen: PlanKey['chosen']): string {
  const label = keyLabel(key);
  if (chosen === 'default' && key.aliases.includes('alias/aws/ebs')) {
    return `No key chosen: the copy is encrypted with the AWS managed key aws/ebs of ${key.region} (${key.arn}). Only this account can use it, so the copy cannot be shared with other accounts.`;
  }
  if (chosen === 'default') {
    return `No key chosen: the copy is encrypted with this account's default EBS key of ${key.region}, ${label} (${key.arn}).`;
  }
  const manager = key.manager === 'AWS' ? 'AWS managed' : 'customer managed';
  return `${label} (${manager}, ${key.spec}, ${key.state}): ${key.arn}`;
}

export async function checkDestinationKey(
  deps: AmiCopyDeps,
  ref: string | undefined,
  region: string,
  caller: Caller,
): Promise<CheckedKey> {
  const chosen: PlanKey['chosen'] = ref && ref.trim() !== '' ? 'explicit' : 'default';
  const reference = chosen === 'explicit' ? (ref ?? '').trim() : await defaultEbsKeyRef(deps, region);
  const key = await resolveKeyReference(reference, { region, account: caller.accountId }, deps.kms(region));
  await assertUsableState(deps, key);
  const access = await checkCallerKeyAccess(deps, key, caller, region);
  return {
    key,
    view: {
      arn: key.arn,
      keyId: key.keyId,
      aliases: key.aliases,
      region: key.region,
      manager: key.manager,
      chosen,
      summary: summaryOf(key, chosen),
    },
    warnings: access.warnings,
  };
}
