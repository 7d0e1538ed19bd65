// A sealed s3-encrypt plan for the export tests, as the planner writes its input ({ request,
// view, objects }); the view's figures are the test's, not a listing's.
import type { PlannedObject, S3EncryptPlanView, S3EncryptRequest } from '../../../shared/domain/s3-encrypt';
import type { Plan } from '../../../shared/plans/plan-document';
import { sealS3EncryptTestPlan } from '../../helpers/s3-encrypt-test-plan';

export interface S3EncryptPlanOptions {
  readonly accountId: string;
  readonly region: string;
  readonly bucket: string;
  readonly keyArn: string;
  readonly objects: readonly PlannedObject[];
  readonly engine?: 'local' | 'batch';
  readonly view?: Partial<S3EncryptPlanView>;
}

export async function s3EncryptPlan(o: S3EncryptPlanOptions): Promise<Plan> {
  const engine = o.engine ?? 'local';
  const count = o.objects.length || 2;
  const bytes = o.objects.reduce((sum, x) => sum + x.size, 0) || 300;
  const request: S3EncryptRequest = { bucket: o.bucket, kmsKeyRef: o.keyArn, engine };
  const view: S3EncryptPlanView = {
    bucket: o.bucket,
    region: o.region,
    versioning: 'Enabled',
    key: {
      arn: o.keyArn,
      keyId: o.keyArn.split('/').pop() ?? '',
      aliases: [],
      region: o.region,
      manager: 'CUSTOMER',
      chosen: 'explicit',
      summary: 'the test key (customer managed)',
    },
    tallyMethod: 'exact',
    tallies: [{ encryption: 'sse-s3', objects: count, bytes }],
    toCopy: { objects: count, bytes },
    skipped: { count: 0, byReason: {}, samples: [] },
    engine,
    engineReason:
      engine === 'local' ? 'under the threshold' : 'over the threshold (12,000 objects, more than 10,000)',
    threshold: { objects: 10_000, bytes: 100 * 1024 ** 3 },
    bucketKey: { enabled: true, recommended: true, reason: 'one KMS call per bucket key, not per object' },
    changes: [
      'A new version of each object is written; the older versions are kept.',
      'Storage class, user metadata, content headers, tags and ACL are kept.',
    ],
    cost: {
      requests: { ListObjectVersions: 1, HeadObject: count, CopyObject: count },
      kmsCalls: 2,
      costUsd: 0.01,
      costNote: 'us-east-1 prices of December 2026',
    },
    ...(engine === 'batch'
      ? {
          batchRole: {
            arn: `arn:aws:iam::${o.accountId}:role/batch`,
            status: 'ok' as const,
            explanation: 'the role can run the job',
            trustPolicy: JSON.stringify({
              Statement: [{ Principal: { Service: 'batchoperations.s3.amazonaws.com' } }],
            }),
            permissionsPolicy: JSON.stringify({ Statement: [{ Action: 's3:PutObject' }] }),
          },
        }
      : {}),
    listedAt: new Date(0).toISOString(),
    ...o.view,
  };
  return sealS3EncryptTestPlan(
    { ...o, id: 's3e-export-local' },
    { request, view, ...(engine === 'local' ? { objects: [...o.objects] } : {}) },
  );
}
