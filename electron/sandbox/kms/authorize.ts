// Authorization of direct KMS API calls (not through another service): the key policy, the caller's
// IAM policies and grants, with AccessDeniedException messages in KMS's form.
import { AwsError, type CallContext } from '../context';
import type { KmsKey } from '../world';
import {
  awsCaller,
  evaluateIdentityPolicies,
  evaluateKeyAccess,
  parsePolicy,
  type ConditionContext,
  type KeyAccessDecision,
} from '../policy';
import { identityPoliciesOf } from '../policy/identity';

export function keyAccessDecision(
  ctx: CallContext,
  key: KmsKey,
  action: string,
  extraContext: ConditionContext = {},
): KeyAccessDecision {
  const parsed = parsePolicy(key.policy);
  return evaluateKeyAccess(
    {
      keyPolicy: parsed.ok ? parsed.policy : { statements: [] },
      identityPolicies: identityPoliciesOf(ctx.world, ctx.principalArn),
      grants: key.grants,
    },
    {
      caller: awsCaller(ctx.principalArn),
      action,
      keyArn: key.arn,
      keyAccountId: key.accountId,
      context: { 'kms:CallerAccount': ctx.accountId, 'aws:PrincipalArn': ctx.principalArn, ...extraContext },
    },
  );
}

export function accessDenied(ctx: CallContext, action: string, resource: string, why: string): AwsError {
  return new AwsError(
    'AccessDeniedException',
    `User: ${ctx.principalArn} is not authorized to perform: ${action} on resource: ${resource} ${why}`,
  );
}

export function authorizeKeyAction(
  ctx: CallContext,
  key: KmsKey,
  action: string,
  extraContext: ConditionContext = {},
): void {
  const decision = keyAccessDecision(ctx, key, action, extraContext);
  if (decision.allowed) return;
  if (decision.reason === 'explicit-deny') {
    const where =
      decision.denyStatement?.source === 'identity-policy' ? 'an identity-based' : 'a resource-based';
    throw accessDenied(ctx, action, key.arn, `with an explicit deny in ${where} policy`);
  }
  throw accessDenied(ctx, action, key.arn, `because no resource-based policy allows the ${action} action`);
}

// Actions with no key (CreateKey, ListKeys, ListAliases) are authorized by IAM alone.
export function authorizeIamAction(ctx: CallContext, action: string): void {
  const result = evaluateIdentityPolicies(identityPoliciesOf(ctx.world, ctx.principalArn), {
    caller: awsCaller(ctx.principalArn),
    action,
    resource: '*',
    context: { 'kms:CallerAccount': ctx.accountId },
  });
  if (result.allow && !result.explicitDeny) return;
  const why = result.explicitDeny
    ? 'with an explicit deny in an identity-based policy'
    : `because no identity-based policy allows the ${action} action`;
  throw accessDenied(ctx, action, '*', why);
}
