// S3 objects moved to SSE-KMS (issue M): what the wizard, the CLI and the plan document share.
// A bucket's default encryption governs only new objects (S3 user guide, "Setting default
// server-side encryption behavior for Amazon S3 buckets"); the objects already there keep theirs
// until each is copied over itself with the new encryption (CopyObject in place, or S3 Batch
// Operations' S3PutObjectCopy at scale). Pure, so the renderer, core and the CLI read one contract.
import { z } from 'zod';
import { planKeySchema } from './ami-copy';

const bucketName = z
  .string()
  .min(3, 'a bucket name is 3 to 63 characters')
  .max(63, 'a bucket name is 3 to 63 characters')
  .regex(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/, 'a bucket name: lower-case letters, digits, dots and hyphens');

// Above either bound the work goes to S3 Batch Operations (engine 'auto'); both are shown in the
// plan, and a plan overrides them by naming its engine (local or batch).
export const S3_BATCH_THRESHOLD = { objects: 10_000, bytes: 100 * 1024 ** 3 } as const;

export const s3EngineSchema = z.enum(['auto', 'local', 'batch']);
export type S3Engine = z.infer<typeof s3EngineSchema>;

export const s3EncryptRequestSchema = z.object({
  bucket: bucketName,
  // Any key reference form (id, ARN, alias, alias ARN) in the bucket's region. Required: SSE-KMS
  // with aws/s3 is chosen by writing alias/aws/s3.
  kmsKeyRef: z.string().min(1, 'a KMS key (id, ARN or alias)').max(2048),
  prefix: z.string().max(1024).optional(),
  // Also re-encrypt noncurrent versions (default false: older versions are kept as they are; the
  // plan's `changes` says what including them means).
  includeVersions: z.boolean().optional(),
  engine: s3EngineSchema.optional(), // default 'auto'
  // S3 Bucket Key on the copies (default: the plan's recommendation).
  bucketKey: z.boolean().optional(),
  // Batch Operations only: the role S3 assumes to run the job, and where its report goes
  // (default: the same bucket under envelope-reports/).
  batchRoleArn: z.string().max(2048).optional(),
  reportBucket: bucketName.optional(),
});
export type S3EncryptRequest = z.infer<typeof s3EncryptRequestSchema>;

// How an object is encrypted now, as HeadObject answers (ServerSideEncryption, SSEKMSKeyId,
// SSECustomerAlgorithm). 'kms-target' is already under the chosen key: nothing to do.
export const objectEncryptionSchema = z.enum([
  'none',
  'sse-s3',
  'kms-other',
  'kms-target',
  'dsse-kms',
  'sse-c',
]);
export type ObjectEncryption = z.infer<typeof objectEncryptionSchema>;

export const OBJECT_ENCRYPTION_LABELS: Record<ObjectEncryption, string> = {
  none: 'Not encrypted',
  'sse-s3': 'SSE-S3 (S3 managed keys)',
  'kms-other': 'SSE-KMS, another key',
  'kms-target': 'SSE-KMS, the chosen key',
  'dsse-kms': 'DSSE-KMS',
  'sse-c': 'SSE-C (customer-provided key)',
};

export const encryptionTallySchema = z.object({
  encryption: objectEncryptionSchema,
  objects: z.number().int().nonnegative(),
  bytes: z.number().nonnegative(),
});
export type EncryptionTally = z.infer<typeof encryptionTallySchema>;

// Why an object cannot be copied in place (it is left as it is and listed).
export const skipReasonSchema = z.enum([
  'sse-c', // the customer's key is needed to read it; Envelope never holds it
  'object-lock', // retention or legal hold: an in-place copy is a new version, allowed, but flagged
  'archived', // GLACIER / DEEP_ARCHIVE / archived Intelligent-Tiering: restore first
  'other-owner', // written by another account (ACLs enabled, object owner differs)
  'already-target', // already under the chosen key
]);
export type SkipReason = z.infer<typeof skipReasonSchema>;

export const skippedObjectSchema = z.object({
  key: z.string(),
  versionId: z.string().optional(),
  reason: skipReasonSchema,
  detail: z.string(), // in words, for the table
});
export type SkippedObject = z.infer<typeof skippedObjectSchema>;

export const requestCostSchema = z.object({
  // Requests the run makes, by S3 operation (ListObjectsV2, HeadObject, CopyObject, UploadPartCopy,
  // CreateJob…), and the KMS calls S3 makes for it (GenerateDataKey and Decrypt; far fewer with a
  // bucket key).
  requests: z.record(z.string(), z.number().int().nonnegative()),
  kmsCalls: z.number().int().nonnegative(),
  // US dollars at the published us-east-1 prices the plan names in costNote; an estimate.
  costUsd: z.number().nonnegative(),
  costNote: z.string(),
});
export type RequestCost = z.infer<typeof requestCostSchema>;

export const s3EncryptPlanViewSchema = z.object({
  bucket: z.string(),
  region: z.string(),
  prefix: z.string().optional(),
  versioning: z.enum(['Enabled', 'Suspended', 'Unversioned']),
  key: planKeySchema,
  // Exact when every object was read; 'sampled' above the threshold (the batch job's generated
  // manifest filters on encryption itself), with the sample size in the note.
  tallyMethod: z.enum(['exact', 'sampled']),
  tallyNote: z.string().optional(),
  tallies: z.array(encryptionTallySchema),
  toCopy: z.object({ objects: z.number(), bytes: z.number() }),
  skipped: z.object({
    count: z.number(),
    byReason: z.record(z.string(), z.number()),
    samples: z.array(skippedObjectSchema),
  }),
  engine: z.enum(['local', 'batch']),
  engineReason: z.string(),
  threshold: z.object({ objects: z.number(), bytes: z.number() }),
  bucketKey: z.object({ enabled: z.boolean(), recommended: z.boolean(), reason: z.string() }),
  // What changes, in sentences: a new version of each object in a versioned bucket, older versions
  // kept unless included; storage class, metadata, content headers, tags and ACL kept.
  changes: z.array(z.string()),
  cost: requestCostSchema,
  // Batch only: the role, whether it was found able to run the job, and the policy it needs.
  batchRole: z
    .object({
      arn: z.string().optional(),
      status: z.enum(['ok', 'missing', 'lacks-permissions', 'unchecked']),
      explanation: z.string(),
      trustPolicy: z.string(), // JSON
      permissionsPolicy: z.string(), // JSON
    })
    .optional(),
  listedAt: z.string(), // ISO 8601
});
export type S3EncryptPlanView = z.infer<typeof s3EncryptPlanViewSchema>;

// One object the local engine will copy, as the plan listed it (HeadObject's answer). The plan
// carries the list when the local engine runs it, so Run copies exactly the objects reviewed (and
// the seal covers them); the engine copies each with CopySourceIfMatch on its planned ETag, so one
// that changed since (already under the key, deleted, a newer version) is left as the report says.
export const plannedObjectSchema = z.object({
  key: z.string(),
  versionId: z.string().optional(), // present when the bucket is or was versioned
  size: z.number().nonnegative(),
  // Kept explicitly on the copy: CopyObject writes STANDARD unless told (S3 API reference,
  // CopyObject, x-amz-storage-class).
  storageClass: z.string().optional(),
  encryption: objectEncryptionSchema,
  etag: z.string().optional(),
});
export type PlannedObject = z.infer<typeof plannedObjectSchema>;

// A sealed s3-encrypt plan's input: the request, its view, and (local engine) the objects to copy.
export const s3EncryptPlanInputSchema = z.object({
  request: s3EncryptRequestSchema,
  view: s3EncryptPlanViewSchema,
  objects: z.array(plannedObjectSchema).optional(),
});
export type S3EncryptPlanInput = z.infer<typeof s3EncryptPlanInputSchema>;

// Live progress of a run (event 's3Encrypt:progress'), also the listing before the plan.
export const s3EncryptProgressSchema = z.object({
  jobId: z.string(),
  bucket: z.string(),
  engine: z.enum(['local', 'batch']),
  phase: z.enum(['listing', 'copying', 'batch-preparing', 'batch-active', 'batch-report', 'done']),
  objectsDone: z.number(),
  objectsTotal: z.number(),
  bytesDone: z.number(),
  bytesTotal: z.number(),
  failed: z.number(),
  batchJobId: z.string().optional(),
  batchStatus: z.string().optional(),
});
export type S3EncryptProgress = z.infer<typeof s3EncryptProgressSchema>;

export const failedObjectSchema = z.object({
  key: z.string(),
  versionId: z.string().optional(),
  code: z.string(),
  message: z.string(), // in words
});

// A finished (or cancelled) run's report: the job's result and what the page and CLI show.
export const s3EncryptResultSchema = z.object({
  bucket: z.string(),
  engine: z.enum(['local', 'batch']),
  copied: z.number(),
  bytesCopied: z.number(),
  skipped: z.number(),
  failed: z.array(failedObjectSchema),
  failedCount: z.number(),
  cancelled: z.boolean(),
  batchJobId: z.string().optional(),
  reportLocation: z.string().optional(), // s3://bucket/key of the completion report
  // Encryption counts read back after the run (the same tally as the plan's).
  after: z.array(encryptionTallySchema).optional(),
  durationMs: z.number(),
});
export type S3EncryptResult = z.infer<typeof s3EncryptResultSchema>;
