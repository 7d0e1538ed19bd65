// EC2 authorization of the caller, before any handler runs (and so before a DryRun's own checks).
//
// Every EC2 action is allowed when the caller's identity policies allow `ec2:<Action>` on each
// resource the request names and none denies it (IAM user guide, "Policy evaluation logic";
// permissions boundaries, SCPs and session policies are not modelled). A refusal is
// UnauthorizedOperation, HTTP 403 (EC2 API reference, "Error codes"); actions that change something
// carry the encoded authorization failure message that sts:DecodeAuthorizationMessage decodes
// (STS API reference, DecodeAuthorizationMessage: "Some AWS operations additionally return an
// encoded message"); Describe* answers carry none.
//
// DryRun (EC2 API reference, every mutating action: "Checks whether you have the required
// permissions for the action, without actually making the request, and provides an error response.
// If you have the required permissions, the error response is DryRunOperation. Otherwise, it is
// UnauthorizedOperation.") : ec2/index.ts calls authorizeEc2 first, then runs the handler on a copy
// of the world so that parameters and the resources named are checked as the real call would, and
// answers DryRunOperation (HTTP 412) only when that succeeded.
import { AwsError, type CallContext, type QueryParams } from '../context';
import {
  awsCaller,
  evaluateIdentityPolicies,
  findPrincipal,
  identityPoliciesOf,
  type PolicyDocument,
  type StatementRef,
} from '../policy/index';
import {
  encodeAuthorizationMessage,
  UNAUTHORIZED_PREFIX,
  type AuthorizationStatement,
} from '../policy/authorization-message';

const RESOURCE_PARAMS: Record<string, 'instance' | 'volume' | 'snapshot' | 'image'> = {
  InstanceId: 'instance',
  VolumeId: 'volume',
  SnapshotId: 'snapshot',
  ImageId: 'image',
};

const PREFIX_KIND: Record<string, 'instance' | 'volume' | 'snapshot' | 'image'> = {
  i: 'instance',
  vol: 'volume',
  snap: 'snapshot',
  ami: 'image',
};

// EC2 resource ARNs (Service Authorization Reference, "Resource types defined by Amazon EC2"):
// snapshots and images carry no account.
function resourceArn(ctx: CallContext, kind: string, id: string): string {
  const account = kind === 'snapshot' || kind === 'image' ? '' : ctx.accountId;
  return `arn:aws:ec2:${ctx.region}:${account}:${kind}/${id}`;
}

// The resources a request names: InstanceId / InstanceId.N, VolumeId, SnapshotId, ImageId and
// CreateTags' ResourceId.N; '*' when it names none (CreateVolume, RunInstances' new instance …).
export function requestResources(ctx: CallContext, params: QueryParams): string[] {
  const arns: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    const base = name.replace(/\.\d+$/, '');
    const kind = RESOURCE_PARAMS[base];
    if (kind && value) arns.push(resourceArn(ctx, kind, value));
    if (base === 'ResourceId' && value) {
      const prefixKind = PREFIX_KIND[value.split('-')[0] ?? ''];
      if (prefixKind) arns.push(resourceArn(ctx, prefixKind, value));
    }
  }
  return arns.length > 0 ? [...new Set(arns)] : ['*'];
}

function statementOf(policies: readonly PolicyDocument[], ref: StatementRef): AuthorizationStatement {
  const statement = policies[ref.policyIndex]?.statements[ref.statementIndex];
  return {
    ...(ref.sid === undefined ? {} : { sid: ref.sid }),
    effect: ref.effect,
    actions: [...(statement?.action ?? statement?.notAction ?? [])],
    resources: [...(statement?.resource ?? statement?.notResource ?? ['*'])],
  };
}

export function authorizeEc2(ctx: CallContext, action: string, params: QueryParams): void {
  const policies = identityPoliciesOf(ctx.world, ctx.principalArn);
  const iamAction = `ec2:${action}`;
  const conditions = {
    'aws:Region': [ctx.region],
    'ec2:Region': [ctx.region],
    'aws:PrincipalArn': [ctx.principalArn],
    'aws:PrincipalAccount': [ctx.accountId],
  };
  for (const resource of requestResources(ctx, params)) {
    const result = evaluateIdentityPolicies(policies, {
      caller: awsCaller(ctx.principalArn),
      action: iamAction,
      resource,
      context: conditions,
    });
    if (result.allow && !result.explicitDeny) continue;
    if (/^Describe/.test(action))
      throw new AwsError('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403);
    const principal = findPrincipal(ctx.world, ctx.principalArn);
    const encoded = encodeAuthorizationMessage({
      allowed: false,
      explicitDeny: result.explicitDeny !== undefined,
      matchedStatements: result.explicitDeny ? [statementOf(policies, result.explicitDeny)] : [],
      principal: {
        id: principal?.userId ?? ctx.accessKeyId,
        name: ctx.principalArn.split('/').pop() ?? ctx.principalArn,
        arn: ctx.principalArn,
      },
      action: iamAction,
      resource,
      conditions,
    });
    throw new AwsError('UnauthorizedOperation', `${UNAUTHORIZED_PREFIX}${encoded}`, 403);
  }
}
