// Reads a finished job's completion report (S3 user guide, "Examples: S3 Batch Operations
// completion reports"): <prefix>/job-<id>/manifest.json names the results CSVs; each row is
// Bucket,Key,VersionId,TaskStatus,HTTPStatus,ErrorCode,ResultMessage with the key URL-encoded.
// Failed rows become the result's failures, in words.
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { csvFields } from '../../../../shared/csv';
import type { S3EncryptResult } from '../../../../shared/domain/s3-encrypt';

type Failure = S3EncryptResult['failed'][number];

// At most this many failures are listed in the result (the report holds them all).
export const LISTED_FAILURES = 1_000;

const reportManifestSchema = z.object({
  Results: z.array(z.object({ TaskExecutionStatus: z.string(), Bucket: z.string(), Key: z.string() })),
});

// S3's error codes a copy task meets, and what the user does about each.
const WORDS: Readonly<Record<string, string>> = {
  'KMS.DisabledException':
    'the KMS key is disabled: enable it (or choose another key) and run the plan again',
  'KMS.KMSInvalidStateException': 'the KMS key cannot be used in its state (pending deletion or import)',
  'KMS.NotFoundException': 'the KMS key does not exist in this region',
  AccessDenied: 'the role S3 assumes was refused (its permissions, the bucket policy or the key policy)',
  InvalidObjectState: 'the object is archived (Glacier classes): restore it first',
  NoSuchKey: 'the object was deleted after the job listed it',
  InvalidRequest:
    'S3 refused the copy (an object over 5 GB cannot be copied by the job; the local engine copies it in parts)',
  SlowDown: 'S3 asked the job to slow down and the task ran out of retries',
};

export function failureInWords(code: string, message: string): string {
  const words = WORDS[code];
  return words ? `${words} (S3: ${code}${message ? `, ${message}` : ''})` : `${code || 'failed'}: ${message}`;
}

function decodeKey(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch {
    return key;
  }
}

export function failuresOf(csv: string): Failure[] {
  const failures: Failure[] = [];
  for (const line of csv.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const [, key = '', versionId = '', status = '', , code = '', message = ''] = csvFields(line);
    if (status !== 'failed') continue;
    failures.push({
      key: decodeKey(key),
      ...(versionId ? { versionId } : {}),
      code,
      message: failureInWords(code, message),
    });
  }
  return failures;
}

async function text(s3: S3Client, bucket: string, key: string): Promise<string> {
  const { Body } = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return (await Body?.transformToString('utf8')) ?? '';
}

export function reportManifestKey(prefix: string, jobId: string): string {
  return `${prefix ? `${prefix.replace(/\/$/, '')}/` : ''}job-${jobId}/manifest.json`;
}

// The failed tasks the report lists (none when it lists none, or when no task ran and S3 wrote
// no report).
export async function readFailures(
  s3: S3Client,
  bucket: string,
  prefix: string,
  jobId: string,
): Promise<{ location: string; failures: Failure[] } | undefined> {
  const key = reportManifestKey(prefix, jobId);
  let manifestText: string;
  try {
    manifestText = await text(s3, bucket, key);
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
    throw error;
  }
  const manifest = reportManifestSchema.parse(JSON.parse(manifestText));
  const failures: Failure[] = [];
  for (const result of manifest.Results) {
    if (result.TaskExecutionStatus !== 'failed') continue;
    failures.push(...failuresOf(await text(s3, result.Bucket, result.Key)));
  }
  return { location: `s3://${bucket}/${key}`, failures };
}
