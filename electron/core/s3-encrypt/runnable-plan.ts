// What start() and run() accept: an s3-encrypt plan whose seal holds and whose preflight, asked
// again now, has no denial (nothing starts while AWS would refuse one of the calls).
import { hasValidSeal, planSchema, type Plan } from '../../../shared/plans/plan-document';
import { s3EncryptPlanInput } from '../../../shared/plans/render/s3-batch-job';
import { AppError } from '../errors/app-error';
import { assertPreflightPasses } from '../preflight/index';
import type { S3EncryptDeps } from './deps';
import { s3EncryptPreflight } from './s3-preflight';

export async function acceptRunnablePlan(deps: S3EncryptDeps, input: unknown): Promise<Plan> {
  const parsed = planSchema.safeParse(input);
  if (!parsed.success || parsed.data.kind !== 's3-encrypt')
    throw new AppError('invalid-plan', 'This is not an S3 re-encryption plan.', 'Plan the bucket again.');
  const plan = parsed.data;
  if (!(await hasValidSeal(plan)))
    throw new AppError(
      'plan-tampered',
      'The plan was changed after it was made (its SHA-256 does not match).',
      'Plan the bucket again.',
    );
  let input_: ReturnType<typeof s3EncryptPlanInput>;
  try {
    input_ = s3EncryptPlanInput(plan);
  } catch (error) {
    throw new AppError('invalid-plan', (error as Error).message, 'Plan the bucket again.');
  }
  const { request, view } = input_;
  const caller = await deps.caller();
  if (caller.accountId !== plan.accountId)
    throw new AppError(
      'wrong-account',
      `The plan is for account ${plan.accountId}, but you are signed in to ${caller.accountId}.`,
      'Sign in to the account the plan was made in.',
    );
  if (view.engine === 'local' && !input_.objects)
    throw new AppError(
      'invalid-plan',
      'The plan names no objects for the local engine.',
      'Plan the bucket again.',
    );
  // The role S3 assumes must exist and trust S3 Batch Operations before a job is created; its
  // policies are in the plan (batchRole) to create or attach.
  const role = view.batchRole;
  if (view.engine === 'batch' && role && (role.status === 'missing' || role.status === 'lacks-permissions'))
    throw new AppError(
      'batch-role-unusable',
      role.explanation,
      'Create or fix the role with the policies the plan shows, then plan again with --batch-role.',
    );
  assertPreflightPasses(
    await s3EncryptPreflight(await deps.preflight(), {
      bucket: view.bucket,
      region: view.region,
      ...(view.prefix ? { prefix: view.prefix } : {}),
      keyArn: view.key.arn,
      engine: view.engine,
      includeVersions: request.includeVersions ?? false,
      ...((request.batchRoleArn ?? view.batchRole?.arn)
        ? { batchRoleArn: request.batchRoleArn ?? view.batchRole?.arn }
        : {}),
      reportBucket: request.reportBucket ?? view.bucket,
      // The keys the objects were under when planned, as the plan's preflight named them.
      sourceKeyArns: (plan.preflight?.rows ?? [])
        .filter((r) => r.call === 'kms:Decrypt')
        .map((r) => r.target.split(' ')[0] ?? '')
        .filter((k) => k !== '' && k !== view.key.arn),
    }),
  );
  return plan;
}
