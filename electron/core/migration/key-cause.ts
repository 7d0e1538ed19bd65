// Naming the cause of an asynchronous failure. EC2 accepts CreateVolume, CopySnapshot and CopyImage
// with a KMS key it cannot use and fails the work later (EC2 API reference, KmsKeyId: "the action
// can appear to complete, but eventually fails"); StartInstances and RunInstances fall back to
// stopped or terminated. What EC2 then shows (a volume gone, a snapshot in error, a state reason)
// rarely names the key, so the executor reads the key's state itself (DescribeKey works in every
// key state) and says it: "the KMS key alias/lab-ebs (arn:…) is Disabled".
import { DescribeKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import { formatTime } from '../../../shared/format/time';
import { AppError } from '../errors/app-error';

// Failures of EC2 work that an unusable key explains (waits.ts raises them; the AMI copy names the
// key's state itself, ami-copy/copy-image.ts).
const KEY_SENSITIVE_CODES = new Set([
  'volume-failed',
  'snapshot-failed',
  'image-failed',
  'instance-start-failed',
]);

export interface KeyCause {
  // The key's state as KMS reports it (Enabled, Disabled, PendingDeletion, …); undefined when
  // DescribeKey could not be answered.
  readonly state?: string;
  readonly sentence: string;
  readonly hint: string;
}

// Where each state of the key leaves the person: what to do about it.
function hintFor(state: string | undefined, arn: string, region: string): string {
  if (state === 'Disabled')
    return `Enable the key (aws kms enable-key --key-id ${arn}) or choose another key.`;
  if (state === 'PendingDeletion') {
    return `Cancel its deletion (aws kms cancel-key-deletion --key-id ${arn}), enable it (aws kms enable-key), or choose another key.`;
  }
  if (state === 'Enabled') {
    return `Check that the key policy or a grant lets you use the key through ec2.${region}.amazonaws.com (kms:CreateGrant, kms:GenerateDataKeyWithoutPlaintext, kms:Decrypt, kms:DescribeKey).`;
  }
  return 'Check the key in the KMS console, or choose another key.';
}

export async function keyCause(
  kms: KMSClient,
  keyArn: string,
  label: string,
  region: string,
): Promise<KeyCause> {
  const name = label && label !== keyArn ? `${label} (${keyArn})` : keyArn;
  try {
    const answer = await kms.send(new DescribeKeyCommand({ KeyId: keyArn }));
    const meta = answer.KeyMetadata;
    const state = meta?.KeyState ?? 'unknown';
    const deletion =
      state === 'PendingDeletion' && meta?.DeletionDate
        ? `, to be deleted on ${formatTime(meta.DeletionDate)}`
        : '';
    const sentence =
      state === 'Enabled'
        ? `the KMS key ${name} is Enabled, so EC2 was probably not allowed to use it under its key policy or grants`
        : `the KMS key ${name} is ${state}${deletion}`;
    return { state, sentence, hint: hintFor(state, keyArn, region) };
  } catch (error) {
    const code = (error as { name?: string }).name ?? 'an error';
    return {
      sentence: `the state of the KMS key ${name} could not be read (${code})`,
      hint: hintFor(undefined, keyArn, region),
    };
  }
}

// Does AWS's own reason point at the key (or say nothing)? Then an Enabled key is worth naming as
// the likely cause; a capacity or a type failure is not.
const mentionsKey = (message: string) =>
  /KMS|key|Client error on launch|no longer exists|is deleted|no reason given/i.test(message);

// The failure with its cause named, when it is one an unusable key explains; otherwise as it was.
export async function explainKeyFailure(
  error: unknown,
  key: { readonly kms: KMSClient; readonly arn: string; readonly label: string; readonly region: string },
): Promise<unknown> {
  if (!(error instanceof AppError) || !KEY_SENSITIVE_CODES.has(error.code)) return error;
  const cause = await keyCause(key.kms, key.arn, key.label, key.region);
  if (cause.state === 'Enabled' && !mentionsKey(error.message)) return error;
  const code = cause.state && cause.state !== 'Enabled' ? 'key-not-usable' : error.code;
  const message = `${error.message.replace(/\.$/, '')}: ${cause.sentence}.`;
  return Object.assign(new AppError(code, message, cause.hint), { cause: error });
}
