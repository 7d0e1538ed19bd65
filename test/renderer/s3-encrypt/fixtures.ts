// A bucket, its tally, a sealed-looking plan and its view, and a finished run, for the S3 objects
// page's tests (the fake api parses each with the contract's schemas).
import type { S3EncryptPlanView, S3EncryptResult } from '../../../shared/domain/s3-encrypt';
import type { Plan } from '../../../shared/plans/plan-document';

export const BUCKET = 'avi-se-1a2b3c';

export const tallyAnswer = {
  region: 'us-west-2',
  tallies: [
    { encryption: 'sse-s3' as const, objects: 48, bytes: 48 * 1024 * 1024 },
    { encryption: 'sse-c' as const, objects: 2, bytes: 2048 },
  ],
  tallyMethod: 'exact' as const,
};

export const keysAnswer = {
  region: 'us-west-2',
  keys: [
    {
      arn: 'arn:aws:kms:us-west-2:123456789012:key/1111aaaa-2222-3333-4444-555566667777',
      keyId: '1111aaaa-2222-3333-4444-555566667777',
      account: '123456789012',
      aliases: ['alias/lab-ebs'],
      state: 'Enabled',
      spec: 'SYMMETRIC_DEFAULT',
      manager: 'CUSTOMER' as const,
    },
  ],
};

export const view: S3EncryptPlanView = {
  bucket: BUCKET,
  region: 'us-west-2',
  versioning: 'Enabled',
  key: {
    arn: keysAnswer.keys[0]!.arn,
    keyId: keysAnswer.keys[0]!.keyId,
    aliases: ['alias/lab-ebs'],
    region: 'us-west-2',
    manager: 'CUSTOMER',
    chosen: 'explicit',
    summary: 'alias/lab-ebs (customer managed, enabled)',
  },
  tallyMethod: 'exact',
  tallies: tallyAnswer.tallies,
  toCopy: { objects: 48, bytes: 48 * 1024 * 1024 },
  skipped: {
    count: 2,
    byReason: { 'sse-c': 2 },
    samples: [
      { key: 'images/secret-1.bin', reason: 'sse-c', detail: 'S3 needs the customer key to read it.' },
      { key: 'images/secret-2.bin', reason: 'sse-c', detail: 'S3 needs the customer key to read it.' },
    ],
  },
  engine: 'local',
  engineReason: '48 objects are below the threshold',
  threshold: { objects: 10_000, bytes: 100 * 1024 ** 3 },
  bucketKey: { enabled: true, recommended: true, reason: 'fewer KMS calls for many objects' },
  changes: ['Each object gets a new version under the key; older versions are kept.'],
  cost: {
    requests: { ListObjectVersions: 1, HeadObject: 50, CopyObject: 48 },
    kmsCalls: 96,
    costUsd: 0.01,
    costNote: 'At us-east-1 prices of December 2026.',
  },
  listedAt: '2026-12-04T05:00:00.000Z',
};

export const plan: Plan = {
  schema: 'envelope.plan/v1',
  id: 'plan-s3',
  kind: 's3-encrypt',
  title: `Re-encrypt s3://${BUCKET}`,
  accountId: '123456789012',
  regions: ['us-west-2'],
  createdAt: '2026-12-04T05:00:00.000Z',
  createdBy: 'arn:aws:iam::123456789012:user/sandbox-admin',
  source: 'live',
  facts: [],
  steps: [],
  rollback: [],
  estimatedSeconds: 60,
  warnings: [],
  input: {},
  preflight: {
    checkedAt: '2026-12-04T05:00:00.000Z',
    checkedAs: 'arn:aws:iam::123456789012:user/sandbox-admin',
    rows: [{ call: 's3:PutObject', target: BUCKET, method: 'simulation', result: 'allowed' }],
  },
  sha256: 'b'.repeat(64),
};

export const result: S3EncryptResult = {
  bucket: BUCKET,
  engine: 'local',
  copied: 47,
  bytesCopied: 47 * 1024 * 1024,
  skipped: 2,
  failed: [
    {
      key: 'images/changed.bin',
      code: 'PreconditionFailed',
      message: 'The object changed after the plan listed it; it was left as it is.',
    },
  ],
  failedCount: 1,
  cancelled: false,
  after: [
    { encryption: 'kms-target', objects: 47, bytes: 47 * 1024 * 1024 },
    { encryption: 'sse-s3', objects: 1, bytes: 1024 * 1024 },
    { encryption: 'sse-c', objects: 2, bytes: 2048 },
  ],
  durationMs: 4200,
};
