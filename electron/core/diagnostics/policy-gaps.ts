// Who can use a KMS key for EBS, and which statements are missing: the caller, EC2 acting for the
// account's principals (kms:ViaService ec2.<region>.amazonaws.com + kms:CallerAccount), and the
// Auto Scaling service-linked role (use + CreateGrant limited to AWS resources). Each answer names
// the statement that decides it; each gap comes with the statement to add, in the shapes of the
// Kublr seed (kublr-kms-key-policy.txt) with account and region filled in. Pure.
import {
  awsCaller,
  evaluateKeyAccess,
  parsePolicyOrThrow,
  type KeyAccessDecision,
  type KmsGrantInput,
  type PolicyDocument,
  type StatementRef,
} from '../../../shared/policy';
import type { SimDecision } from './check-input';
import { ebsViaServiceStatement } from '../../../shared/policy/ebs-statement';

export type PolicyStatementJson = Record<string, unknown>;

export const USE_ACTIONS = [
  'kms:Encrypt',
  'kms:Decrypt',
  'kms:ReEncrypt*',
  'kms:GenerateDataKey*',
  'kms:DescribeKey',
] as const;
export const GRANT_ACTIONS = ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'] as const;
// Concrete actions EBS performs: what the evaluation asks about.
export const EBS_USE_ACTIONS = [
  'kms:Decrypt',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:ReEncryptFrom',
  'kms:DescribeKey',
] as const;

export const autoScalingRoleArn = (account: string): string =>
  `arn:aws:iam::${account}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;

// An STS session ARN names its role; IAM (and a key policy) name the role itself.
export function iamPrincipalOf(callerArn: string): string {
  const m = /^arn:(aws[\w-]*):sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/.exec(callerArn);
  return m ? `arn:${m[1]}:iam::${m[2]}:role/${m[3]}` : callerArn;
}

export { ebsViaServiceStatement };

export function useStatement(sid: string, principal: string): PolicyStatementJson {
  return {
    Sid: sid,
    Effect: 'Allow',
    Principal: { AWS: principal },
    Action: [...USE_ACTIONS],
    Resource: '*',
  };
}

export function grantStatement(sid: string, principal: string): PolicyStatementJson {
  return {
    Sid: sid,
    Effect: 'Allow',
    Principal: { AWS: principal },
    Action: [...GRANT_ACTIONS],
    Resource: '*',
    Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
  };
}

export type Subject = 'caller' | 'ec2' | 'autoscaling';

export interface ActionAccess {
  readonly action: string;
  readonly allowed: boolean;
  // "statement 2 (Sid "…")", "grant …", "IAM (simulated)", or why not.
  readonly via: string;
}

export interface SubjectAccess {
  readonly subject: Subject;
  readonly principal: string;
  readonly actions: readonly ActionAccess[];
  readonly missing: readonly PolicyStatementJson[];
  // True when an answer rests on an IAM simulation that could not run.
  readonly uncertain: boolean;
}

export function describeRef(ref: StatementRef | undefined): string {
  if (!ref) return 'no statement';
  const where = ref.source === 'identity-policy' ? 'IAM policy statement' : 'key policy statement';
  return `${where} ${ref.statementIndex}${ref.sid ? ` (Sid "${ref.sid}")` : ''}`;
}

function describeDecision(d: KeyAccessDecision): string {
  if (d.allowed) {
    if (d.by === 'grant') return `grant ${d.grantId ?? ''}`.trim();
    if (d.by === 'key-policy') return describeRef(d.keyPolicyStatement);
    return `${describeRef(d.keyPolicyStatement)}, delegated to IAM`;
  }
  if (d.reason === 'explicit-deny') return `denied by ${describeRef(d.denyStatement)}`;
  return d.keyPolicyStatement
    ? `${describeRef(d.keyPolicyStatement)} delegates to IAM, and IAM does not allow it`
    : 'no statement allows it';
}

const ALLOW_ALL_KMS = parsePolicyOrThrow({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }],
});

// The caller's IAM answer per action, as a policy document the evaluator can read.
function simulatedIdentity(
  decide: (action: string) => SimDecision,
  actions: readonly string[],
): PolicyDocument {
  const allow = actions.filter((a) => decide(a) === 'allowed');
  const deny = actions.filter((a) => decide(a) === 'explicitDeny');
  const statements = [
    ...(allow.length ? [{ Effect: 'Allow', Action: allow, Resource: '*' }] : []),
    ...(deny.length ? [{ Effect: 'Deny', Action: deny, Resource: '*' }] : []),
  ];
  return statements.length
    ? parsePolicyOrThrow({ Version: '2012-10-17', Statement: statements })
    : { statements: [] };
}

export interface KeyPolicyContext {
  readonly policy: PolicyDocument;
  readonly grants: readonly KmsGrantInput[];
  readonly keyArn: string;
  readonly keyAccount: string;
  readonly region: string;
  readonly account: string; // the scanned account
}

function evaluate(
  ctx: KeyPolicyContext,
  callerArn: string,
  identity: readonly PolicyDocument[],
  action: string,
  extra: Record<string, string | boolean> = {},
): KeyAccessDecision {
  const caller = awsCaller(callerArn);
  return evaluateKeyAccess(
    { keyPolicy: ctx.policy, identityPolicies: identity, grants: ctx.grants },
    {
      caller,
      action,
      keyArn: ctx.keyArn,
      keyAccountId: ctx.keyAccount,
      context: {
        'kms:CallerAccount': caller.type === 'aws' ? caller.accountId : ctx.account,
        'aws:PrincipalArn': callerArn,
        ...(action === 'kms:CreateGrant' ? { 'kms:GrantIsForAWSResource': true } : {}),
        ...extra,
      },
    },
  );
}

const toAccess = (action: string, d: KeyAccessDecision): ActionAccess => ({
  action,
  allowed: d.allowed,
  via: describeDecision(d),
});

export function callerAccess(
  ctx: KeyPolicyContext,
  callerArn: string,
  iam: (action: string) => SimDecision,
): SubjectAccess {
  const actions = [...EBS_USE_ACTIONS, 'kms:CreateGrant'];
  const identity = [simulatedIdentity(iam, actions)];
  const via = { 'kms:ViaService': `ec2.${ctx.region}.amazonaws.com` };
  const results = actions.map((a) => toAccess(a, evaluate(ctx, callerArn, identity, a, via)));
  const principal = iamPrincipalOf(callerArn);
  const useMissing = results.some((r) => !r.allowed && r.action !== 'kms:CreateGrant');
  const grantMissing = results.some((r) => !r.allowed && r.action === 'kms:CreateGrant');
  return {
    subject: 'caller',
    principal,
    actions: results,
    missing: [
      ...(useMissing ? [useStatement('Allow use of the key by Envelope’s caller', principal)] : []),
      ...(grantMissing
        ? [grantStatement('Allow attachment of persistent resources by Envelope’s caller', principal)]
        : []),
    ],
    uncertain: results.some((r) => !r.allowed) && actions.some((a) => iam(a) === 'unknown'),
  };
}

// EC2 acting for any principal of the account that IAM authorizes to use EBS.
export function ec2ViaServiceAccess(ctx: KeyPolicyContext): SubjectAccess {
  const probe = `arn:aws:iam::${ctx.account}:role/envelope-ebs-probe`;
  const via = { 'kms:ViaService': `ec2.${ctx.region}.amazonaws.com` };
  const actions = [...EBS_USE_ACTIONS, 'kms:CreateGrant'];
  const results = actions.map((a) => toAccess(a, evaluate(ctx, probe, [ALLOW_ALL_KMS], a, via)));
  return {
    subject: 'ec2',
    principal: `ec2.${ctx.region}.amazonaws.com`,
    actions: results,
    missing: results.some((r) => !r.allowed) ? [ebsViaServiceStatement(ctx.account, ctx.region)] : [],
    uncertain: false,
  };
}

// The Auto Scaling service-linked role: its AWS-managed policy grants nothing on KMS keys, so only
// the key policy (or a grant) can let it use the key.
export function autoScalingAccess(ctx: KeyPolicyContext): SubjectAccess & { grantUnlimited: boolean } {
  const role = autoScalingRoleArn(ctx.account);
  const results = [...EBS_USE_ACTIONS, 'kms:CreateGrant'].map((a) => toAccess(a, evaluate(ctx, role, [], a)));
  const useMissing = results.some((r) => !r.allowed && r.action !== 'kms:CreateGrant');
  const grantMissing = results.some((r) => !r.allowed && r.action === 'kms:CreateGrant');
  const unlimited = evaluate(ctx, role, [], 'kms:CreateGrant', { 'kms:GrantIsForAWSResource': false });
  return {
    subject: 'autoscaling',
    principal: role,
    actions: results,
    missing: [
      ...(useMissing ? [useStatement('Allow use of the key by AutoScaling', role)] : []),
      ...(grantMissing
        ? [grantStatement('Allow attachment of persistent resources by AutoScaling', role)]
        : []),
    ],
    uncertain: false,
    grantUnlimited: unlimited.allowed,
  };
}

// Another account that an encrypted AMI is shared with: it needs its own account allowed.
export function crossAccountStatement(accountId: string): PolicyStatementJson {
  return {
    Sid: `Allow use of the key by account ${accountId}`,
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${accountId}:root` },
    Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:CreateGrant', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
    Resource: '*',
  };
}

export function accountCanUse(ctx: KeyPolicyContext, accountId: string): boolean {
  const root = `arn:aws:iam::${accountId}:root`;
  return ['kms:Decrypt', 'kms:CreateGrant'].every((a) => evaluate(ctx, root, [ALLOW_ALL_KMS], a).allowed);
}

// The key policy with statements appended (a Sid already present is renamed, since Sids must be
// unique), pretty-printed as the console shows it.
export function addStatements(policyText: string, statements: readonly PolicyStatementJson[]): string {
  const raw = JSON.parse(policyText) as { Statement?: unknown };
  const existing: unknown[] = Array.isArray(raw.Statement)
    ? raw.Statement
    : raw.Statement
      ? [raw.Statement]
      : [];
  const sids = new Set(
    existing.map((s) => (s as { Sid?: unknown }).Sid).filter((s) => typeof s === 'string'),
  );
  const added = statements.map((s) => {
    let sid = typeof s.Sid === 'string' ? s.Sid : 'Added by Envelope';
    for (let n = 2; sids.has(sid); n++) sid = `${String(s.Sid)} (${n})`;
    sids.add(sid);
    return { ...s, Sid: sid };
  });
  return JSON.stringify({ ...raw, Statement: [...existing, ...added] }, null, 2);
}
