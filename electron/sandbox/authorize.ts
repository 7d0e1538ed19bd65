// Identity-policy authorization of the caller for STS, IAM and Auto Scaling calls: allowed when
// one of the caller's identity policies allows the action on the resource and none denies it.
import { awsCaller, evaluateIdentityPolicies, identityPoliciesOf } from './policy/index';
import { AwsError, type CallContext } from './context';

export function isAllowed(ctx: CallContext, action: string, resource: string): boolean {
  const result = evaluateIdentityPolicies(identityPoliciesOf(ctx.world, ctx.principalArn), {
    caller: awsCaller(ctx.principalArn),
    action,
    resource,
    context: { 'aws:PrincipalArn': ctx.principalArn, 'aws:PrincipalAccount': ctx.accountId },
  });
  return result.allow !== undefined && result.explicitDeny === undefined;
}

// AWS's wording: "User: ARN is not authorized to perform: ACTION on resource: RESOURCE".
export function requireAllowed(
  ctx: CallContext,
  action: string,
  resource: string,
  code = 'AccessDenied',
  status = 403,
): void {
  if (isAllowed(ctx, action, resource)) return;
  throw new AwsError(
    code,
    `User: ${ctx.principalArn} is not authorized to perform: ${action} on resource: ${resource}`,
    status,
  );
}
