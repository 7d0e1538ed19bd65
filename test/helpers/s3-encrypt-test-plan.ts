// The plan document around a test's s3-encrypt input, sealed as the planner seals it: one wrapper
// for the local engine's, the batch engine's and the exports' test plans.
import type { S3EncryptPlanInput } from '../../shared/domain/s3-encrypt';
import { PLAN_SCHEMA_ID, sealPlan, type Plan } from '../../shared/plans/plan-document';

export interface TestPlanDocument {
  readonly id: string;
  readonly accountId: string;
  readonly region: string;
  readonly bucket: string;
}

export function sealS3EncryptTestPlan(d: TestPlanDocument, input: S3EncryptPlanInput): Promise<Plan> {
  return sealPlan({
    schema: PLAN_SCHEMA_ID,
    id: d.id,
    kind: 's3-encrypt',
    title: `Re-encrypt ${d.bucket}`,
    accountId: d.accountId,
    regions: [d.region],
    createdAt: new Date(0).toISOString(),
    createdBy: `arn:aws:iam::${d.accountId}:user/test`,
    source: 'live',
    facts: [],
    steps: [],
    rollback: [],
    estimatedSeconds: 0,
    warnings: [],
    input,
  });
}
