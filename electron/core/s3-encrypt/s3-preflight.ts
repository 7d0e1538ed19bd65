// The preflight of an S3 re-encryption plan. S3 has no DryRun, so each S3 call the run makes is
// checked by IAM policy simulation (iam:SimulatePrincipalPolicy, labelled a simulation: it sees no
// bucket policy, SCP or permissions boundary). The key's side is the key-policy analysis of
// kms:GenerateDataKey and kms:Decrypt through S3 (kms:ViaService s3.<region>.amazonaws.com: S3
// calls KMS on the caller's behalf, "How Amazon S3 uses AWS KMS"); where the key policy leaves it
// to IAM, the simulation with that context answers.
import type { Preflight, PreflightRow } from '../../../shared/domain/preflight';
import { parsePolicy } from '../../../shared/policy';
import { fetchKeyPolicy } from '../kms/key-reference';
import { runPreflight, type PreflightContext } from '../preflight/index';
import { decideKeyPolicy, delegatedToIam, statementName } from '../preflight/key-policy-decision';
import { simulateRow } from '../preflight/simulate';

export const S3_KMS_ACTIONS = ['kms:GenerateDataKey', 'kms:Decrypt'] as const;

export interface S3PreflightInput {
  readonly bucket: string;
  readonly region: string;
  readonly prefix?: string;
  readonly keyArn: string;
  readonly engine: 'local' | 'batch';
  readonly includeVersions: boolean;
  readonly batchRoleArn?: string;
  readonly reportBucket?: string;
  // Keys objects are under now (SSE-KMS under another key): reading each for its copy needs
  // kms:Decrypt on it through S3.
  readonly sourceKeyArns?: readonly string[];
}

// Source keys checked by name; beyond this many the first ones stand for the rest.
const SOURCE_KEYS_CHECKED = 10;

const NO_DRY_RUN = 'S3 has no DryRun';

function s3Calls(ctx: PreflightContext, p: S3PreflightInput) {
  const bucketArn = `arn:aws:s3:::${p.bucket}`;
  const objects = `${bucketArn}/${p.prefix ?? ''}*`;
  if (p.engine === 'batch') {
    const calls = [
      { action: 's3:CreateJob', resource: `arn:aws:s3:${p.region}:${ctx.accountId}:job/*` },
      { action: 's3:DescribeJob', resource: `arn:aws:s3:${p.region}:${ctx.accountId}:job/*` },
      { action: 's3:UpdateJobStatus', resource: `arn:aws:s3:${p.region}:${ctx.accountId}:job/*` },
      // The completion report is read back for the failed tasks.
      { action: 's3:GetObject', resource: `arn:aws:s3:::${p.reportBucket ?? p.bucket}/*` },
    ];
    return p.batchRoleArn ? [...calls, { action: 'iam:PassRole', resource: p.batchRoleArn }] : calls;
  }
  const calls = [
    { action: 's3:ListBucket', resource: bucketArn },
    { action: 's3:GetObject', resource: objects },
    { action: 's3:PutObject', resource: objects },
    { action: 's3:GetObjectTagging', resource: objects },
    { action: 's3:PutObjectTagging', resource: objects },
  ];
  return p.includeVersions
    ? [
        ...calls,
        { action: 's3:ListBucketVersions', resource: bucketArn },
        { action: 's3:GetObjectVersion', resource: objects },
        { action: 's3:DeleteObjectVersion', resource: objects },
      ]
    : calls;
}

// The key policy's answer for each action through S3, or the simulation where it delegates to IAM.
async function keyRows(
  ctx: PreflightContext,
  region: string,
  keyArn: string,
  actions: readonly string[] = S3_KMS_ACTIONS,
): Promise<PreflightRow[]> {
  const via = `s3.${region}.amazonaws.com`;
  let text: string;
  try {
    text = await fetchKeyPolicy(ctx.kms(region), keyArn);
  } catch (error) {
    const why = `the key policy could not be read (${error instanceof Error ? error.message : String(error)})`;
    return Promise.all(actions.map((a) => simulateRow(ctx, a, keyArn, region, why, via)));
  }
  const parsed = parsePolicy(text);
  const rows: PreflightRow[] = [];
  for (const action of actions) {
    if (!parsed.ok) {
      rows.push(
        await simulateRow(
          ctx,
          action,
          keyArn,
          region,
          `the key policy is unreadable (${parsed.message})`,
          via,
        ),
      );
      continue;
    }
    const decision = decideKeyPolicy(ctx, { policy: parsed.policy, keyArn, action, viaService: via });
    if (delegatedToIam(decision)) {
      rows.push(
        await simulateRow(
          ctx,
          action,
          keyArn,
          region,
          `the key policy (${statementName(decision)}) leaves it to your IAM policies, and KMS has no DryRun for it through S3`,
          via,
        ),
      );
      continue;
    }
    rows.push({
      call: action,
      target: `${keyArn} through ${via}`,
      method: 'key-policy-analysis',
      result: decision.allowed ? 'allowed' : 'denied',
      reason: decision.allowed
        ? `the key policy allows it through S3 (${statementName(decision)})`
        : `the key policy refuses it through S3 (${statementName(decision)})`,
    });
  }
  return rows;
}

export async function s3EncryptPreflight(ctx: PreflightContext, p: S3PreflightInput): Promise<Preflight> {
  const simulate = s3Calls(ctx, p).map((c) => ({ ...c, region: p.region, why: NO_DRY_RUN }));
  // For batch the role S3 assumes uses the key, and the plan's batchRole checks it.
  const sources = (p.sourceKeyArns ?? []).filter((k) => k !== p.keyArn).slice(0, SOURCE_KEYS_CHECKED);
  const rows =
    p.engine === 'local'
      ? [
          ...(await keyRows(ctx, p.region, p.keyArn)),
          ...(await Promise.all(sources.map((k) => keyRows(ctx, p.region, k, ['kms:Decrypt'])))).flat(),
        ]
      : [];
  return runPreflight(ctx, { probes: [], simulate, rows, keys: [] });
}
