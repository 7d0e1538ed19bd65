// A sealed s3-encrypt plan for the batch engine's and the export's tests, with the input the
// planner writes ({ request, view }); the numbers are the test's, not a listing's.
import type { S3EncryptPlanView, S3EncryptRequest } from '../../../shared/domain/s3-encrypt';
import type { Plan } from '../../../shared/plans/plan-document';
import { sealS3EncryptTestPlan } from '../../helpers/s3-encrypt-test-plan';
import type { BatchJournalRecord, EngineJournal } from '../../../electron/core/s3-encrypt/engine';

export interface BatchPlanOptions {
  readonly id: string;
  readonly accountId: string;
  readonly region: string;
  readonly bucket: string;
  readonly prefix?: string;
  readonly keyArn: string;
  readonly roleArn: string;
  readonly objects: number;
}

export async function batchPlan(o: BatchPlanOptions): Promise<Plan> {
  const request: S3EncryptRequest = {
    bucket: o.bucket,
    kmsKeyRef: o.keyArn,
    ...(o.prefix ? { prefix: o.prefix } : {}),
    engine: 'batch',
    batchRoleArn: o.roleArn,
  };
  const view: S3EncryptPlanView = {
    bucket: o.bucket,
    region: o.region,
    ...(o.prefix ? { prefix: o.prefix } : {}),
    versioning: 'Unversioned',
    key: {
      arn: o.keyArn,
      keyId: o.keyArn.split('/').pop() ?? '',
      aliases: [],
      region: o.region,
      manager: 'CUSTOMER',
      chosen: 'explicit',
      summary: 'the test key',
    },
    tallyMethod: 'exact',
    tallies: [{ encryption: 'sse-s3', objects: o.objects, bytes: o.objects * 100 }],
    toCopy: { objects: o.objects, bytes: o.objects * 100 },
    skipped: { count: 0, byReason: {}, samples: [] },
    engine: 'batch',
    engineReason: 'chosen',
    threshold: { objects: 10_000, bytes: 100 * 1024 ** 3 },
    bucketKey: { enabled: true, recommended: true, reason: 'fewer KMS calls' },
    changes: [],
    cost: { requests: {}, kmsCalls: 0, costUsd: 0, costNote: '' },
    listedAt: new Date(0).toISOString(),
  };
  return sealS3EncryptTestPlan(o, { request, view });
}

// An in-memory journal; `onWrite` runs after each write (a test throws from it to crash the run).
export function memoryJournal(onWrite?: (record: BatchJournalRecord) => void): EngineJournal & {
  readonly writes: BatchJournalRecord[];
} {
  const writes: BatchJournalRecord[] = [];
  return {
    writes,
    batch: () => writes.at(-1),
    setBatch: (record) => {
      writes.push(record);
      onWrite?.(record);
    },
    // The batch engine keeps no per-object records.
    localRecords: () => [],
    appendLocal: () => undefined,
    flushLocal: () => undefined,
  };
}
