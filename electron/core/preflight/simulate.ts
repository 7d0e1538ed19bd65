// The fallback for what DryRun cannot answer: iam:SimulatePrincipalPolicy over the caller's identity
// policies (IAM API reference). It sees no service control policy, permissions boundary, session
// policy or resource condition, so its rows are labelled a simulation; when the caller may not
// simulate, the row says the call could not be checked and why.
import { SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import type { PreflightRow } from '../../../shared/domain/preflight';
import { policyPrincipalOf } from '../ami-copy/key-access';
import type { PreflightContext } from './preflight-context';

export async function simulateRow(
  ctx: PreflightContext,
  action: string,
  resource: string,
  region: string,
  why: string,
  // The service that uses the key on the caller's behalf (kms:ViaService); EBS unless told.
  viaService = `ec2.${region}.amazonaws.com`,
): Promise<PreflightRow> {
  const base = { call: action, target: resource, method: 'simulation' as const };
  if (!ctx.iam)
    return { ...base, result: 'could-not-check', reason: `${why}; no IAM client to simulate with` };
  try {
    const answer = await ctx.iam().send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: policyPrincipalOf(ctx.callerArn),
        ActionNames: [action],
        ResourceArns: [resource],
        ContextEntries: action.startsWith('kms:')
          ? [
              {
                ContextKeyName: 'kms:ViaService',
                ContextKeyType: 'string',
                ContextKeyValues: [viaService],
              },
              {
                ContextKeyName: 'kms:CallerAccount',
                ContextKeyType: 'string',
                ContextKeyValues: [ctx.accountId],
              },
            ]
          : [],
      }),
    );
    const decision = answer.EvaluationResults?.[0]?.EvalDecision;
    if (decision === 'allowed')
      return { ...base, result: 'allowed', reason: `${why}; your IAM policies allow it (simulated)` };
    return {
      ...base,
      result: 'denied',
      reason: `${why}; your IAM policies ${decision === 'explicitDeny' ? 'explicitly deny' : 'do not allow'} it (simulated)`,
    };
  } catch (error) {
    const e = error as { name?: string; message?: string };
    return {
      ...base,
      result: 'could-not-check',
      reason: `${why}; iam:SimulatePrincipalPolicy failed (${e.name ?? 'error'}: ${e.message ?? ''})`,
    };
  }
}
