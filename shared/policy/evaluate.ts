// Evaluation of one policy document against one request, reporting which statements matched so
// that a caller can say "statement 2 (Sid …) allows it" or "statement 0 denies it".
import { conditionsHold, type ConditionContext } from './conditions';
import type { PolicyDocument, PolicyStatement, PrincipalSpec } from './document';
import { matchAwsPrincipalEntry, type Caller, type PrincipalMatch } from './principal';
import { actionMatches, wildcardMatch } from './wildcard';

export interface PolicyRequest {
  readonly caller: Caller;
  readonly action: string; // e.g. 'kms:CreateGrant'
  readonly resource: string; // e.g. the key ARN
  readonly context: ConditionContext;
}

export type PolicySource = 'key-policy' | 'resource-policy' | 'identity-policy';

export interface StatementRef {
  readonly source: PolicySource;
  readonly policyIndex: number; // which of several identity policies; 0 for a resource policy
  readonly statementIndex: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
}

export interface ResourcePolicyResult {
  readonly explicitDeny?: StatementRef;
  // Allows that name the caller directly (or "*"): enough on their own in the same account.
  readonly directAllow?: StatementRef;
  // Allows that name the caller's account: they delegate to the account's IAM policies.
  readonly accountAllow?: StatementRef;
}

export interface IdentityPolicyResult {
  readonly explicitDeny?: StatementRef;
  readonly allow?: StatementRef;
}

function principalSpecMatch(spec: PrincipalSpec, caller: Caller): PrincipalMatch {
  if (spec.kind === 'any') return 'direct';
  if (caller.type === 'service') return spec.service.includes(caller.service) ? 'direct' : 'none';
  let best: PrincipalMatch = 'none';
  for (const entry of spec.aws) {
    const match = matchAwsPrincipalEntry(entry, caller);
    if (match === 'direct') return 'direct';
    if (match === 'account') best = 'account';
  }
  return best;
}

function actionApplies(statement: PolicyStatement, action: string): boolean {
  if (statement.action) return statement.action.some((p) => actionMatches(p, action));
  if (statement.notAction) return !statement.notAction.some((p) => actionMatches(p, action));
  return false;
}

function resourceApplies(statement: PolicyStatement, resource: string): boolean {
  if (statement.resource) return statement.resource.some((p) => wildcardMatch(p, resource));
  if (statement.notResource) return !statement.notResource.some((p) => wildcardMatch(p, resource));
  // Key policies may leave Resource out in practice only as "*"; treat a missing one as "*".
  return true;
}

// How a statement names the caller: identity policies have no Principal (the caller is implied).
function statementPrincipalMatch(statement: PolicyStatement, caller: Caller): PrincipalMatch {
  if (statement.principal) return principalSpecMatch(statement.principal, caller);
  if (statement.notPrincipal)
    return principalSpecMatch(statement.notPrincipal, caller) === 'none' ? 'direct' : 'none';
  return 'direct';
}

export function statementApplies(statement: PolicyStatement, request: PolicyRequest): PrincipalMatch {
  if (!actionApplies(statement, request.action)) return 'none';
  if (!resourceApplies(statement, request.resource)) return 'none';
  const principal = statementPrincipalMatch(statement, request.caller);
  if (principal === 'none') return 'none';
  return conditionsHold(statement.conditions, request.context) ? principal : 'none';
}

function ref(source: PolicySource, policyIndex: number, statement: PolicyStatement): StatementRef {
  return {
    source,
    policyIndex,
    statementIndex: statement.index,
    ...(statement.sid === undefined ? {} : { sid: statement.sid }),
    effect: statement.effect,
  };
}

// A resource policy (key policy, bucket policy). A Deny that names the caller's account applies
// to every principal in it.
export function evaluateResourcePolicy(
  policy: PolicyDocument,
  request: PolicyRequest,
  source: PolicySource = 'resource-policy',
): ResourcePolicyResult {
  let directAllow: StatementRef | undefined;
  let accountAllow: StatementRef | undefined;
  for (const statement of policy.statements) {
    const match = statementApplies(statement, request);
    if (match === 'none') continue;
    if (statement.effect === 'Deny') return { explicitDeny: ref(source, 0, statement) };
    if (match === 'direct') directAllow ??= ref(source, 0, statement);
    else accountAllow ??= ref(source, 0, statement);
  }
  return { ...(directAllow ? { directAllow } : {}), ...(accountAllow ? { accountAllow } : {}) };
}

// The caller's identity policies (no Principal element): allowed when one statement allows and
// none denies.
export function evaluateIdentityPolicies(
  policies: readonly PolicyDocument[],
  request: PolicyRequest,
): IdentityPolicyResult {
  let allow: StatementRef | undefined;
  for (const [policyIndex, policy] of policies.entries()) {
    for (const statement of policy.statements) {
      if (statementApplies(statement, request) === 'none') continue;
      const found = ref('identity-policy', policyIndex, statement);
      if (statement.effect === 'Deny') return { explicitDeny: found };
      allow ??= found;
    }
  }
  return allow ? { allow } : {};
}
