// IAM (awsQuery, 2010-05-08): users, access keys, roles and inline policies (entities.ts), and
// SimulatePrincipalPolicy over the principals' identity policies in
// the world, with the same evaluator the app's diagnostics use. Only identity policies are
// simulated (as AWS does when no ResourcePolicy is passed); permissions boundaries and SCPs are
// not modeled.
import { requireAllowed } from '../authorize';
import { iamEntityHandlers } from './entities';
import { AwsError, type QueryHandler, type QueryParams } from '../context';
import {
  awsCaller,
  evaluateIdentityPolicies,
  findPrincipal,
  parsePolicy,
  type ConditionContext,
  type PolicyDocument,
  type StatementRef,
} from '../policy/index';
import { paginate } from '../protocol/paginate';
import { optionalInt, readMemberList, readStructList, requireParam } from '../protocol/query-params';

interface SourcedPolicy {
  readonly id: string;
  readonly type: string;
  readonly document: PolicyDocument;
}

function contextEntries(params: QueryParams): ConditionContext {
  const context: Record<string, string[]> = {};
  for (const entry of readStructList(params, 'ContextEntries.member')) {
    const name = entry.ContextKeyName;
    if (name) context[name] = readMemberList(entry, 'ContextKeyValues');
  }
  return context;
}

function policiesOf(
  params: QueryParams,
  sourceArn: string,
  principalPolicies: readonly string[],
): SourcedPolicy[] {
  const type = sourceArn.includes(':role/') ? 'role' : sourceArn.includes(':group/') ? 'group' : 'user';
  const name = sourceArn.split('/').pop() ?? 'principal';
  const fromWorld = principalPolicies.flatMap((text, i) => {
    const parsed = parsePolicy(text);
    return parsed.ok ? [{ id: `${name}-policy-${i + 1}`, type, document: parsed.policy }] : [];
  });
  const fromInput = readMemberList(params, 'PolicyInputList').map((text, i) => {
    const parsed = parsePolicy(text);
    if (!parsed.ok) throw new AwsError('MalformedPolicyDocument', parsed.message);
    return { id: `PolicyInputList.${i + 1}`, type: 'none', document: parsed.policy };
  });
  return [...fromWorld, ...fromInput];
}

function matched(ref: StatementRef | undefined, policies: readonly SourcedPolicy[]): { member: unknown[] } {
  const policy = ref ? policies[ref.policyIndex] : undefined;
  if (!ref || !policy) return { member: [] };
  return { member: [{ SourcePolicyId: policy.id, SourcePolicyType: policy.type }] };
}

const simulatePrincipalPolicy: QueryHandler = (ctx, params) => {
  const sourceArn = requireParam(params, 'PolicySourceArn');
  const actions = readMemberList(params, 'ActionNames');
  if (actions.length === 0)
    throw new AwsError('MissingParameter', 'The request must contain the parameter ActionNames');
  requireAllowed(ctx, 'iam:SimulatePrincipalPolicy', sourceArn);
  const principal = findPrincipal(ctx.world, sourceArn);
  if (!principal) {
    const kind = sourceArn.includes(':role/') ? 'role' : 'user';
    throw new AwsError(
      'NoSuchEntity',
      `The ${kind} with name ${sourceArn.split('/').pop() ?? sourceArn} cannot be found.`,
      404,
    );
  }
  const resources = readMemberList(params, 'ResourceArns');
  const policies = policiesOf(params, sourceArn, [
    ...principal.policies,
    ...Object.values(principal.inlinePolicies ?? {}),
  ]);
  const context = contextEntries(params);
  const caller = awsCaller(sourceArn);
  const results = actions.flatMap((action) =>
    (resources.length > 0 ? resources : ['*']).map((resource) => {
      const result = evaluateIdentityPolicies(
        policies.map((p) => p.document),
        { caller, action, resource, context },
      );
      const decision = result.explicitDeny ? 'explicitDeny' : result.allow ? 'allowed' : 'implicitDeny';
      return {
        EvalActionName: action,
        EvalResourceName: resource,
        EvalDecision: decision,
        MatchedStatements: matched(result.explicitDeny ?? result.allow, policies),
        MissingContextValues: { member: [] },
      };
    }),
  );
  const page = paginate(results, optionalInt(params, 'MaxItems'), params.Marker, {
    scope: 'iam:SimulatePrincipalPolicy',
    min: 1,
    max: 1000,
    aboveMax: 'reject',
    defaultSize: 100,
    sizeName: 'maxItems',
    sizeErrorCode: 'ValidationError',
    tokenErrorCode: 'InvalidInput',
    tokenErrorMessage: 'Invalid Marker.',
  });
  return {
    EvaluationResults: { member: page.items },
    IsTruncated: page.nextToken !== undefined,
    ...(page.nextToken ? { Marker: page.nextToken } : {}),
  };
};

export const iamHandlers: Record<string, QueryHandler> = {
  SimulatePrincipalPolicy: simulatePrincipalPolicy,
  ...iamEntityHandlers,
};
