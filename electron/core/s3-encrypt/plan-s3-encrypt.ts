// The plan of an S3 re-encryption: everything is read and checked BEFORE anything changes (the
// bucket is the caller's, its region, not Requester Pays; the key in the bucket's region, Enabled,
// symmetric; each object's encryption; the role S3 Batch Operations would assume; the preflight),
// then written down as a sealed plan document whose input the engines run from. For the local
// engine the plan carries the objects reviewed, so Run copies exactly those (the seal covers them).
import { randomUUID } from 'node:crypto';
import {
  s3EncryptRequestSchema,
  S3_BATCH_THRESHOLD,
  type S3EncryptPlanInput,
  type S3EncryptPlanView,
  type S3EncryptProgress,
  type S3EncryptRequest,
} from '../../../shared/domain/s3-encrypt';
import { keyLabel } from '../../../shared/kms/key-reference';
import { PLAN_SCHEMA_ID, sealPlan, type Plan } from '../../../shared/plans/plan-document';
import { S3_BATCH_STORAGE_CLASS } from '../../../shared/plans/render/s3-batch-job';
import { AppError } from '../errors/app-error';
import { checkBatchRole } from './batch/batch-role';
import { canonicalUserId, readBucketFacts } from './bucket-facts';
import type { S3EncryptDeps } from './deps';
import { listAndRead } from './list-objects';
import { COPY_LIMIT_BYTES, estimateCost } from './plan-cost';
import { planSteps, planFacts } from './plan-document-parts';
import { bucketKeyChoice, changesOf, chooseEngine } from './plan-terms';
import { s3EncryptPreflight } from './s3-preflight';
import { plannedObject, selectObjects } from './select-objects';
import { resolveTargetKey } from './target-key';

export interface S3EncryptPlanResult {
  readonly plan: Plan;
  readonly view: S3EncryptPlanView;
}

const SKIPPED_SAMPLES = 50;

export function parseRequest(input: unknown): S3EncryptRequest {
  const parsed = s3EncryptRequestSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError(
    'invalid-request',
    `The S3 re-encryption request is not valid: ${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'invalid'}.`,
    'Give a bucket name and a KMS key (id, ARN or alias).',
  );
}

export async function planS3Encrypt(
  deps: S3EncryptDeps,
  input: S3EncryptRequest,
  onProgress?: (p: S3EncryptProgress) => void,
): Promise<S3EncryptPlanResult> {
  const request = parseRequest(input);
  const now = (deps.now ?? Date.now)();
  const caller = await deps.caller();
  const facts = await readBucketFacts(deps, request.bucket);
  const { key, view: keyView } = await resolveTargetKey(
    deps,
    request.kmsKeyRef,
    request.bucket,
    facts.region,
    caller.accountId,
  );
  const includeVersions = request.includeVersions ?? false;
  if (includeVersions && request.engine === 'batch') chooseEngine(request, { objects: 0, bytes: 0 });
  const ownerId = await canonicalUserId(deps.s3(facts.region));
  const listing = await listAndRead(deps.s3(facts.region), {
    bucket: request.bucket,
    accountId: caller.accountId,
    ...(request.prefix ? { prefix: request.prefix } : {}),
    includeVersions,
    targetKeyArn: key.arn,
    ...(ownerId ? { ownerId } : {}),
    // The local engine copies the objects the plan lists, so a plan for it lists every one; a
    // sample is enough only where S3 Batch Operations may take the work.
    exact: request.engine === 'local' || includeVersions,
    ...(onProgress ? { onProgress } : {}),
  });
  const selection = selectObjects(listing.headed, includeVersions);
  const sampled = listing.tallyMethod === 'sampled';
  const scale = sampled ? listing.listed.objects / Math.max(1, listing.headed.length) : 1;
  const copyBytes = selection.copies.reduce((sum, o) => sum + o.size, 0);
  const bytesScale = sampled
    ? listing.listed.bytes /
      Math.max(
        1,
        listing.headed.reduce((s, o) => s + o.size, 0),
      )
    : 1;
  const toCopy = {
    objects: Math.round(selection.copies.length * scale),
    bytes: Math.round(copyBytes * bytesScale),
  };
  const skippedCount = Math.round(selection.skipped.length * scale);
  const onlySseC = selection.skipped.length > 0 && selection.skipped.every((s) => s.reason === 'sse-c');
  if (toCopy.objects === 0 && onlySseC)
    throw new AppError(
      'only-sse-c-objects',
      `Every object under s3://${request.bucket}/${request.prefix ?? ''} is encrypted with a customer-provided key (SSE-C): S3 cannot read one without its key, and Envelope never holds it.`,
      'Re-encrypt them with the tool that holds the keys (CopyObject with the x-amz-copy-source-server-side-encryption-customer-* headers), or choose another prefix.',
    );
  const choice = chooseEngine(request, toCopy);
  const bucketKey = bucketKeyChoice(request, toCopy.objects);
  const deletes = includeVersions ? selection.copies.length : 0;
  const reportBucket = request.reportBucket ?? request.bucket;
  const sourceKeyArns = [
    ...new Set(
      selection.copies.flatMap((o) => (o.kmsKeyArn && o.kmsKeyArn !== key.arn ? [o.kmsKeyArn] : [])),
    ),
  ];
  const batchRole =
    choice.engine === 'batch'
      ? await checkBatchRole(deps.iam(), request.batchRoleArn, {
          bucket: request.bucket,
          reportBucket,
          kmsKeyArn: key.arn,
          sourceKeyArns,
        })
      : undefined;
  const byReason: Record<string, number> = {};
  for (const s of selection.skipped) byReason[s.reason] = (byReason[s.reason] ?? 0) + 1;
  for (const reason of Object.keys(byReason)) byReason[reason] = Math.round((byReason[reason] ?? 0) * scale);
  const view: S3EncryptPlanView = {
    bucket: request.bucket,
    region: facts.region,
    ...(request.prefix ? { prefix: request.prefix } : {}),
    versioning: facts.versioning,
    key: keyView,
    tallyMethod: listing.tallyMethod,
    ...(listing.tallyNote ? { tallyNote: listing.tallyNote } : {}),
    tallies: listing.tallies,
    toCopy,
    skipped: { count: skippedCount, byReason, samples: selection.skipped.slice(0, SKIPPED_SAMPLES) },
    engine: choice.engine,
    engineReason: choice.reason,
    threshold: { ...S3_BATCH_THRESHOLD },
    bucketKey,
    changes: changesOf({
      bucket: request.bucket,
      ...(request.prefix ? { prefix: request.prefix } : {}),
      versioning: facts.versioning,
      keyLabel: `${keyLabel(key)} (${key.arn})`,
      copies: toCopy.objects,
      deletes,
      includeVersions,
      engine: choice.engine,
      bucketKey: bucketKey.enabled,
      skipped: skippedCount,
      dsse: Math.round(selection.copies.filter((o) => o.encryption === 'dsse-kms').length * scale),
      batchLeaves: {
        overCopyLimit: Math.round(selection.copies.filter((o) => o.size > COPY_LIMIT_BYTES).length * scale),
        otherClass: Math.round(
          selection.copies.filter((o) => o.storageClass !== S3_BATCH_STORAGE_CLASS).length * scale,
        ),
      },
    }),
    cost: estimateCost({
      engine: choice.engine,
      listed: listing.listed.objects,
      headed: listing.headed.length,
      sizes: selection.copies.map((o) => o.size),
      copies: toCopy.objects,
      kmsSources: Math.round(
        selection.copies.filter((o) => o.encryption === 'kms-other' || o.encryption === 'dsse-kms').length *
          scale,
      ),
      deletes,
      bucketKey: bucketKey.enabled,
    }),
    ...(batchRole ? { batchRole } : {}),
    listedAt: new Date(now).toISOString(),
  };
  const planInput: S3EncryptPlanInput = {
    request,
    view,
    ...(choice.engine === 'local' ? { objects: selection.copies.map(plannedObject) } : {}),
  };
  const preflight = await s3EncryptPreflight(await deps.preflight(), {
    bucket: request.bucket,
    region: facts.region,
    ...(request.prefix ? { prefix: request.prefix } : {}),
    keyArn: key.arn,
    engine: choice.engine,
    includeVersions,
    ...(batchRole?.arn ? { batchRoleArn: batchRole.arn } : {}),
    reportBucket,
    sourceKeyArns,
  });
  const plan = await sealPlan({
    schema: PLAN_SCHEMA_ID,
    id: `plan-${randomUUID()}`,
    kind: 's3-encrypt',
    title: `Re-encrypt s3://${request.bucket}/${request.prefix ?? ''} under ${keyLabel(key)}`,
    accountId: caller.accountId,
    regions: [facts.region],
    createdAt: new Date(now).toISOString(),
    createdBy: caller.arn,
    source: 'live',
    facts: planFacts(view, new Date(now).toISOString()),
    steps: planSteps(view, deletes),
    rollback: [],
    expectedDowntimeSeconds: 0,
    estimatedSeconds: estimatedSeconds(toCopy),
    warnings: [
      ...(listing.tallyNote ? [listing.tallyNote] : []),
      ...(batchRole && batchRole.status !== 'ok' ? [batchRole.explanation] : []),
    ],
    input: planInput,
    preflight,
  });
  return { plan, view };
}

// AWS publishes no copy rate; about 50 objects per second and 100 MiB/s from one computer is the
// planning figure, an estimate for people.
function estimatedSeconds(toCopy: { objects: number; bytes: number }): number {
  return Math.round(toCopy.objects / 50 + toCopy.bytes / (100 * 1024 ** 2));
}
