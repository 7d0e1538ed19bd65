// The key-policy analysis of one KMS action as the caller would send it, directly or through an
// AWS service (kms:ViaService; KMS developer guide, "kms:ViaService"): shared by the EBS rows
// (kms-rows.ts) and the S3 re-encryption rows (s3-encrypt/s3-preflight.ts), with the words a row
// names the deciding statement in.
import {
  awsCaller,
  evaluateKeyAccess,
  type ConditionContext,
  type KeyAccessDecision,
  type KmsGrantInput,
  type PolicyDocument,
} from '../../../shared/policy';
import type { PreflightContext } from './preflight-context';

export interface KeyPolicyQuestion {
  readonly policy: PolicyDocument;
  readonly grants?: readonly KmsGrantInput[];
  readonly keyArn: string;
  readonly action: string;
  // The service host the call comes through (ec2.<region>.amazonaws.com, s3.<region>…), if any.
  readonly viaService?: string;
  readonly context?: ConditionContext;
}

export function decideKeyPolicy(ctx: PreflightContext, q: KeyPolicyQuestion): KeyAccessDecision {
  const keyAccountId = /^arn:aws[\w-]*:kms:[^:]+:(\d{12}):/.exec(q.keyArn)?.[1] ?? ctx.accountId;
  return evaluateKeyAccess(
    { keyPolicy: q.policy, identityPolicies: [], grants: q.grants ?? [] },
    {
      caller: awsCaller(ctx.callerArn),
      action: q.action,
      keyArn: q.keyArn,
      keyAccountId,
      context: {
        'kms:CallerAccount': ctx.accountId,
        'aws:PrincipalArn': ctx.callerArn,
        ...(q.viaService ? { 'kms:ViaService': q.viaService } : {}),
        ...q.context,
      },
    },
  );
}

// The key policy neither allows nor denies, but names the account: IAM policies decide.
export const delegatedToIam = (d: KeyAccessDecision): boolean =>
  !d.allowed && d.reason === 'no-allow' && !!d.keyPolicyStatement;

export const statementName = (d: KeyAccessDecision): string => {
  const ref = d.allowed ? d.keyPolicyStatement : (d.denyStatement ?? d.keyPolicyStatement);
  if (!ref) return d.allowed && d.by === 'grant' ? `grant ${d.grantId ?? ''}` : 'no statement';
  return `statement ${ref.statementIndex + 1}${ref.sid ? ` (“${ref.sid}”)` : ''}`;
};
