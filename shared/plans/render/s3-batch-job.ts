// An s3-encrypt plan's S3 Batch Operations job: the CreateJob input the batch engine sends
// (electron/core/s3-encrypt/batch) and, rendered as JSON, the file that
// `aws s3control create-job --cli-input-json file://job.json` accepts (the CLI's input names are
// the API's, S3 Control API reference, CreateJob). The job copies each object over itself with
// SSE-KMS under the plan's key (S3PutObjectCopy, metadata and tags copied), on a manifest S3
// generates from the bucket's current objects, filtered on their encryption (JobManifestGenerator
// Filter MatchAnyObjectEncryption), the plan's prefix and the storage class (S3 user guide,
// "Generating an object list automatically"). It needs an AWS CLI that knows those filters
// (2024 and later; Debian's 2.9 refuses them in parameter validation).
import {
  s3EncryptPlanInputSchema,
  type ObjectEncryption,
  type S3EncryptPlanInput,
} from '../../domain/s3-encrypt';
import type { Plan } from '../plan-document';

export const S3_BATCH_REPORT_PREFIX = 'envelope-reports';

// CopyObject writes STANDARD unless told otherwise (S3 API reference, CopyObject,
// x-amz-storage-class), so one job keeps one class: the job copies STANDARD objects and says so;
// objects in other classes are left to the local engine.
export const S3_BATCH_STORAGE_CLASS = 'STANDARD' as const;

export interface S3BatchJobSpec {
  readonly accountId: string;
  readonly region: string;
  readonly bucket: string;
  readonly prefix?: string;
  readonly kmsKeyArn: string;
  readonly bucketKey: boolean;
  readonly roleArn: string;
  readonly reportBucket: string;
  readonly reportPrefix: string;
  // The current encryptions to copy (never the target key's or SSE-C).
  readonly match: readonly ObjectEncryption[];
  readonly clientRequestToken: string;
  readonly description: string;
}

// The encryptions a job can match, as the filter's members name them. SSE-KMS cannot be narrowed
// to "another key than this one", so objects already under the target key are copied again when
// objects under another key are included.
type EncryptionFilter =
  | { readonly NOTSSE: Record<string, never> }
  | { readonly SSES3: Record<string, never> }
  | { readonly SSEKMS: Record<string, never> }
  | { readonly DSSEKMS: Record<string, never> };

function encryptionFilter(encryption: ObjectEncryption): EncryptionFilter | undefined {
  switch (encryption) {
    case 'none':
      return { NOTSSE: {} };
    case 'sse-s3':
      return { SSES3: {} };
    case 'kms-other':
      return { SSEKMS: {} };
    case 'dsse-kms':
      return { DSSEKMS: {} };
    default:
      return undefined; // already under the key, or SSE-C (S3 cannot read it without the key)
  }
}

// The plan's input as the planner writes it: { request, view, objects? }.
export function s3EncryptPlanInput(plan: Plan): S3EncryptPlanInput {
  const parsed = s3EncryptPlanInputSchema.safeParse(plan.input);
  if (!parsed.success)
    throw new Error(
      `Plan ${plan.id} holds no S3 re-encryption request and view: ${parsed.error.issues[0]?.message}`,
    );
  return parsed.data;
}

export function s3BatchJobSpec(plan: Plan): S3BatchJobSpec {
  const { request, view } = s3EncryptPlanInput(plan);
  const roleArn = request.batchRoleArn ?? view.batchRole?.arn;
  if (!roleArn)
    throw new Error(
      `Plan ${plan.id} names no IAM role for S3 Batch Operations: choose the role S3 assumes to run the job (its trust and permissions policies are in the plan).`,
    );
  const present = view.tallies
    .filter((t) => t.objects > 0 && encryptionFilter(t.encryption))
    .map((t) => t.encryption);
  const match: ObjectEncryption[] = present.length > 0 ? present : ['none', 'sse-s3'];
  const where = view.prefix ? `s3://${view.bucket}/${view.prefix}` : `s3://${view.bucket}`;
  return {
    accountId: plan.accountId,
    region: view.region,
    bucket: view.bucket,
    ...(view.prefix ? { prefix: view.prefix } : {}),
    kmsKeyArn: view.key.arn,
    bucketKey: view.bucketKey.enabled,
    roleArn,
    reportBucket: request.reportBucket ?? view.bucket,
    reportPrefix: S3_BATCH_REPORT_PREFIX,
    match,
    // Up to 64 characters; the plan's seal, so the same plan never makes a second job.
    clientRequestToken: `envelope-${plan.sha256.slice(0, 48)}`,
    description: `Envelope ${plan.id}: ${where} to SSE-KMS`.slice(0, 256),
  };
}

// CreateJob's input, with the names the SDK and the CLI's --cli-input-json both use.
export function s3BatchCreateJobInput(spec: S3BatchJobSpec, confirmationRequired: boolean) {
  return {
    AccountId: spec.accountId,
    ConfirmationRequired: confirmationRequired,
    ClientRequestToken: spec.clientRequestToken,
    Description: spec.description,
    Priority: 10,
    RoleArn: spec.roleArn,
    Operation: {
      S3PutObjectCopy: {
        TargetResource: `arn:aws:s3:::${spec.bucket}`,
        SSEAwsKmsKeyId: spec.kmsKeyArn,
        BucketKeyEnabled: spec.bucketKey,
        MetadataDirective: 'COPY' as const,
        StorageClass: S3_BATCH_STORAGE_CLASS,
      },
    },
    ManifestGenerator: {
      S3JobManifestGenerator: {
        SourceBucket: `arn:aws:s3:::${spec.bucket}`,
        EnableManifestOutput: false,
        Filter: {
          ...(spec.prefix ? { KeyNameConstraint: { MatchAnyPrefix: [spec.prefix] } } : {}),
          MatchAnyStorageClass: [S3_BATCH_STORAGE_CLASS],
          MatchAnyObjectEncryption: spec.match.flatMap((e) => {
            const filter = encryptionFilter(e);
            return filter ? [filter] : [];
          }),
        },
      },
    },
    // Failed tasks only: the counts come from DescribeJob; the report is read for what failed.
    Report: {
      Enabled: true,
      Bucket: `arn:aws:s3:::${spec.reportBucket}`,
      Prefix: spec.reportPrefix,
      Format: 'Report_CSV_20180820' as const,
      ReportScope: 'FailedTasksOnly' as const,
    },
  };
}

export type S3BatchCreateJobInput = ReturnType<typeof s3BatchCreateJobInput>;

// The export: the job runs as soon as S3 has prepared it (no confirmation step to remember).
export function renderS3BatchJob(plan: Plan): string {
  return `${JSON.stringify(s3BatchCreateJobInput(s3BatchJobSpec(plan), false), null, 2)}\n`;
}
