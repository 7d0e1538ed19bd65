// IAM users, access keys, roles and inline policies (IAM API reference: CreateUser, GetUser,
// DeleteUser, CreateAccessKey, ListAccessKeys, DeleteAccessKey, PutUserPolicy, GetUserPolicy,
// ListUserPolicies, DeleteUserPolicy, CreateRole, GetRole, DeleteRole, PutRolePolicy,
// GetRolePolicy, ListRolePolicies, DeleteRolePolicy), so a test can make a principal that lacks
// exactly one permission. Errors as the reference lists them: NoSuchEntity (404),
// EntityAlreadyExists (409), DeleteConflict (409), LimitExceeded (409, two access keys per user,
// IAM user guide "IAM and AWS STS quotas"), MalformedPolicyDocument (400). Policy documents come
// back URL-encoded (RFC 3986), as GetUserPolicy / GetRolePolicy / GetRole document.
// Every call is authorized against the caller's identity policies (iam:<Action> on the entity ARN).
import { requireAllowed } from '../authorize';
import { AwsError, type CallContext, type QueryHandler, type QueryParams } from '../context';
import { mintAccessKeyId, mintSecret, mintUniqueId } from '../ids';
import { parsePolicy } from '../policy/index';
import { requireParam } from '../protocol/query-params';
import { NO_OUTPUT } from '../protocol/xml';
import type { IamPrincipal } from '../world';

type Kind = 'user' | 'role';
const NAME = /^[\w+=,.@-]{1,64}$/;
const PATH = /^\/([\x21-\x7e]*\/)?$/;

const iso = (ms: number | undefined): string => new Date(ms ?? 0).toISOString();
const label = (kind: Kind): string => (kind === 'user' ? 'user' : 'role');

function validName(params: QueryParams, param: string): string {
  const value = requireParam(params, param);
  if (!NAME.test(value)) {
    throw new AwsError(
      'ValidationError',
      `1 validation error detected: Value '${value}' at '${param.charAt(0).toLowerCase()}${param.slice(1)}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`,
    );
  }
  return value;
}

function entityArn(ctx: CallContext, kind: Kind, name: string, path = '/'): string {
  return `arn:aws:iam::${ctx.accountId}:${kind}${path}${name}`;
}

// Made through IAM or set by a scenario: found by account, kind and name (paths differ).
export function findEntity(ctx: CallContext, kind: Kind, name: string): IamPrincipal | undefined {
  for (const principal of ctx.world.principals.values()) {
    if (principal.accountId !== ctx.accountId) continue;
    const match = new RegExp(`^arn:aws:iam::\\d{12}:${kind}(/.*)?/([^/]+)$`).exec(principal.arn);
    if (match?.[2] === name) return principal;
  }
  return undefined;
}

function requireEntity(ctx: CallContext, kind: Kind, name: string): IamPrincipal {
  const found = findEntity(ctx, kind, name);
  if (!found)
    throw new AwsError('NoSuchEntity', `The ${label(kind)} with name ${name} cannot be found.`, 404);
  return found;
}

function parsedDocument(text: string): string {
  const parsed = parsePolicy(text);
  if (!parsed.ok) throw new AwsError('MalformedPolicyDocument', parsed.message);
  return text;
}

function pathOf(principal: IamPrincipal): string {
  return principal.path ?? /:(?:user|role)(\/.*\/|\/)[^/]+$/.exec(principal.arn)?.[1] ?? '/';
}

function userShape(p: IamPrincipal, name: string): Record<string, unknown> {
  return { Path: pathOf(p), UserName: name, UserId: p.userId, Arn: p.arn, CreateDate: iso(p.createDate) };
}

function roleShape(p: IamPrincipal, name: string): Record<string, unknown> {
  return {
    Path: pathOf(p),
    RoleName: name,
    RoleId: p.userId,
    Arn: p.arn,
    CreateDate: iso(p.createDate),
    ...(p.trustPolicy ? { AssumeRolePolicyDocument: encodeURIComponent(p.trustPolicy) } : {}),
    MaxSessionDuration: 3600,
  };
}

function create(kind: Kind): QueryHandler {
  return (ctx, params) => {
    const name = validName(params, kind === 'user' ? 'UserName' : 'RoleName');
    const path = params.Path ?? '/';
    if (!PATH.test(path)) throw new AwsError('ValidationError', `The specified value for path is invalid.`);
    const arn = entityArn(ctx, kind, name, path);
    requireAllowed(ctx, `iam:Create${kind === 'user' ? 'User' : 'Role'}`, arn);
    if (findEntity(ctx, kind, name)) {
      const what = kind === 'user' ? 'User' : 'Role';
      throw new AwsError('EntityAlreadyExists', `${what} with name ${name} already exists.`, 409);
    }
    const trust =
      kind === 'role' ? parsedDocument(requireParam(params, 'AssumeRolePolicyDocument')) : undefined;
    const principal: IamPrincipal = {
      arn,
      accountId: ctx.accountId,
      userId: mintUniqueId(ctx.world, kind === 'user' ? 'AIDA' : 'AROA'),
      policies: [],
      name,
      path,
      createDate: ctx.clock.now(),
      inlinePolicies: {},
      ...(trust ? { trustPolicy: trust } : {}),
    };
    ctx.world.principals.set(arn, principal);
    return kind === 'user' ? { User: userShape(principal, name) } : { Role: roleShape(principal, name) };
  };
}

function get(kind: Kind): QueryHandler {
  return (ctx, params) => {
    if (kind === 'user' && params.UserName === undefined) {
      // GetUser without a name answers for the caller.
      const self = ctx.world.principals.get(ctx.principalArn);
      if (!self)
        throw new AwsError('ValidationError', 'Must specify userName when calling with non-User credentials');
      return { User: userShape(self, self.arn.split('/').pop() ?? '') };
    }
    const name = validName(params, kind === 'user' ? 'UserName' : 'RoleName');
    const principal = requireEntity(ctx, kind, name);
    requireAllowed(ctx, `iam:Get${kind === 'user' ? 'User' : 'Role'}`, principal.arn);
    return kind === 'user' ? { User: userShape(principal, name) } : { Role: roleShape(principal, name) };
  };
}

function remove(kind: Kind): QueryHandler {
  return (ctx, params) => {
    const name = validName(params, kind === 'user' ? 'UserName' : 'RoleName');
    const principal = requireEntity(ctx, kind, name);
    requireAllowed(ctx, `iam:Delete${kind === 'user' ? 'User' : 'Role'}`, principal.arn);
    if (Object.keys(principal.inlinePolicies ?? {}).length > 0 || principal.policies.length > 0)
      throw new AwsError('DeleteConflict', 'Cannot delete entity, must delete policies first.', 409);
    const keys = [...ctx.world.accessKeys.values()].filter((k) => k.principalArn === principal.arn);
    if (kind === 'user' && keys.length > 0)
      throw new AwsError('DeleteConflict', 'Cannot delete entity, must delete access keys first.', 409);
    ctx.world.principals.delete(principal.arn);
    return {};
  };
}

function inlinePolicy(kind: Kind, verb: 'Put' | 'Get' | 'Delete' | 'List'): QueryHandler {
  const who = kind === 'user' ? 'User' : 'Role';
  return (ctx, params) => {
    const name = validName(params, `${who}Name`);
    const principal = requireEntity(ctx, kind, name);
    requireAllowed(ctx, `iam:${verb}${who}Polic${verb === 'List' ? 'ies' : 'y'}`, principal.arn);
    const inline = (principal.inlinePolicies ??= {});
    if (verb === 'List') return { PolicyNames: { member: Object.keys(inline) }, IsTruncated: false };
    const policyName = validName(params, 'PolicyName');
    if (verb === 'Put') {
      inline[policyName] = parsedDocument(requireParam(params, 'PolicyDocument'));
      return NO_OUTPUT;
    }
    const text = inline[policyName];
    if (text === undefined)
      throw new AwsError(
        'NoSuchEntity',
        `The ${label(kind)} policy with name ${policyName} cannot be found.`,
        404,
      );
    if (verb === 'Delete') {
      delete inline[policyName];
      return NO_OUTPUT;
    }
    return { [`${who}Name`]: name, PolicyName: policyName, PolicyDocument: encodeURIComponent(text) };
  };
}

function userOfRequest(ctx: CallContext, params: QueryParams): { principal: IamPrincipal; name: string } {
  if (params.UserName === undefined) {
    const self = ctx.world.principals.get(ctx.principalArn);
    if (!self || !self.arn.includes(':user/'))
      throw new AwsError('ValidationError', 'Must specify userName when calling with non-User credentials');
    return { principal: self, name: self.arn.split('/').pop() ?? '' };
  }
  const name = validName(params, 'UserName');
  return { principal: requireEntity(ctx, 'user', name), name };
}

const createAccessKey: QueryHandler = (ctx, params) => {
  const { principal, name } = userOfRequest(ctx, params);
  requireAllowed(ctx, 'iam:CreateAccessKey', principal.arn);
  const owned = [...ctx.world.accessKeys.values()].filter(
    (k) => k.principalArn === principal.arn && k.sessionToken === undefined,
  );
  if (owned.length >= 2)
    throw new AwsError('LimitExceeded', 'Cannot exceed quota for AccessKeysPerUser: 2', 409);
  const accessKeyId = mintAccessKeyId(ctx.world, 'AKIA');
  const secretAccessKey = mintSecret(ctx.world);
  const createdAt = ctx.clock.now();
  ctx.world.accessKeys.set(accessKeyId, {
    accessKeyId,
    secretAccessKey,
    principalArn: principal.arn,
    createdAt,
  });
  return {
    AccessKey: {
      UserName: name,
      AccessKeyId: accessKeyId,
      Status: 'Active',
      SecretAccessKey: secretAccessKey,
      CreateDate: iso(createdAt),
    },
  };
};

const listAccessKeys: QueryHandler = (ctx, params) => {
  const { principal, name } = userOfRequest(ctx, params);
  requireAllowed(ctx, 'iam:ListAccessKeys', principal.arn);
  const keys = [...ctx.world.accessKeys.values()].filter(
    (k) => k.principalArn === principal.arn && k.sessionToken === undefined,
  );
  return {
    AccessKeyMetadata: {
      member: keys.map((k) => ({
        UserName: name,
        AccessKeyId: k.accessKeyId,
        Status: 'Active',
        CreateDate: iso(k.createdAt),
      })),
    },
    IsTruncated: false,
  };
};

const deleteAccessKey: QueryHandler = (ctx, params) => {
  const { principal } = userOfRequest(ctx, params);
  requireAllowed(ctx, 'iam:DeleteAccessKey', principal.arn);
  const id = requireParam(params, 'AccessKeyId');
  const key = ctx.world.accessKeys.get(id);
  if (!key || key.principalArn !== principal.arn)
    throw new AwsError('NoSuchEntity', `The Access Key with id ${id} cannot be found.`, 404);
  ctx.world.accessKeys.delete(id);
  return {};
};

export const iamEntityHandlers: Record<string, QueryHandler> = {
  CreateUser: create('user'),
  GetUser: get('user'),
  DeleteUser: remove('user'),
  CreateAccessKey: createAccessKey,
  ListAccessKeys: listAccessKeys,
  DeleteAccessKey: deleteAccessKey,
  PutUserPolicy: inlinePolicy('user', 'Put'),
  GetUserPolicy: inlinePolicy('user', 'Get'),
  ListUserPolicies: inlinePolicy('user', 'List'),
  DeleteUserPolicy: inlinePolicy('user', 'Delete'),
  CreateRole: create('role'),
  GetRole: get('role'),
  DeleteRole: remove('role'),
  PutRolePolicy: inlinePolicy('role', 'Put'),
  GetRolePolicy: inlinePolicy('role', 'Get'),
  ListRolePolicies: inlinePolicy('role', 'List'),
  DeleteRolePolicy: inlinePolicy('role', 'Delete'),
};
