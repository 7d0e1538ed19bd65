// STS (awsQuery, 2011-06-15): GetCallerIdentity, AssumeRole (the role's trust policy checked) and
// DecodeAuthorizationMessage (decode-message.ts). AssumeRole mints a temporary
// key (ASIA…) with a session token, valid DurationSeconds on the simulated clock; the server
// then maps it to arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION.
import { isAllowed } from '../authorize';
import { AwsError, type CallContext, type QueryHandler } from '../context';
import { mintAccessKeyId, mintHex, mintSecret } from '../ids';
import { awsCaller, evaluateResourcePolicy, findPrincipal, parsePolicy } from '../policy/index';
import type { IamPrincipal } from '../world';
import { decodeAuthorizationMessage_ } from './decode-message';
import { optionalInt, requireParam } from '../protocol/query-params';

const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;

function validation(message: string): AwsError {
  return new AwsError('ValidationError', `1 validation error detected: ${message}`);
}

function callerUserId(ctx: CallContext): string {
  const principal = findPrincipal(ctx.world, ctx.principalArn);
  const session = /assumed-role\/[^/]+\/([^/]+)$/.exec(ctx.principalArn)?.[1];
  if (principal && session) return `${principal.userId}:${session}`;
  return principal?.userId ?? ctx.accessKeyId;
}

const getCallerIdentity: QueryHandler = (ctx) => ({
  Arn: ctx.principalArn,
  UserId: callerUserId(ctx),
  Account: ctx.accountId,
});

const assumeRole: QueryHandler = (ctx, params) => {
  const roleArn = requireParam(params, 'RoleArn');
  const sessionName = requireParam(params, 'RoleSessionName');
  if (!SESSION_NAME.test(sessionName)) {
    throw validation(
      `Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
    );
  }
  const duration = optionalInt(params, 'DurationSeconds') ?? 3600;
  if (duration < 900 || duration > 43_200) {
    throw validation(
      `Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value ${duration < 900 ? 'greater than or equal to 900' : 'less than or equal to 43200'}`,
    );
  }
  const match = ROLE_ARN.exec(roleArn);
  const role = findPrincipal(ctx.world, roleArn);
  // A role that does not exist answers like a trust policy that does not trust the caller.
  if (!match || !role || !role.arn.includes(':role/') || !trusts(ctx, role, roleArn)) {
    throw new AwsError(
      'AccessDenied',
      `User: ${ctx.principalArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
      403,
    );
  }
  const [, accountId = '', roleName = ''] = match;
  const sessionArn = `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`;
  const expiresAt = ctx.clock.now() + duration * 1000;
  const accessKeyId = mintAccessKeyId(ctx.world, 'ASIA');
  const secretAccessKey = mintSecret(ctx.world);
  const sessionToken = `IQoJb3JpZ2luX2VjE${Buffer.from(mintHex(ctx.world, 256), 'hex').toString('base64')}`;
  ctx.world.accessKeys.set(accessKeyId, {
    accessKeyId,
    secretAccessKey,
    sessionToken,
    principalArn: sessionArn,
    expiresAt,
  });
  return {
    Credentials: {
      AccessKeyId: accessKeyId,
      SecretAccessKey: secretAccessKey,
      SessionToken: sessionToken,
      Expiration: new Date(expiresAt).toISOString(),
    },
    AssumedRoleUser: { AssumedRoleId: `${role.userId}:${sessionName}`, Arn: sessionArn },
  };
};

// IAM user guide, "Policy evaluation logic" / "Cross-account policy evaluation": within one account
// a trust policy that names the caller (its ARN, its role) allows on its own; one that names the
// account (root) needs the caller's identity policies to allow sts:AssumeRole too; an explicit deny
// in either refuses. Roles set up by a scenario with no trust policy trust the account.
function trusts(ctx: CallContext, role: IamPrincipal, roleArn: string): boolean {
  const identityAllows = isAllowed(ctx, 'sts:AssumeRole', roleArn);
  if (!role.trustPolicy) return identityAllows;
  const parsed = parsePolicy(role.trustPolicy);
  if (!parsed.ok) return false;
  const trust = evaluateResourcePolicy(parsed.policy, {
    caller: awsCaller(ctx.principalArn),
    action: 'sts:AssumeRole',
    resource: role.arn,
    context: { 'aws:PrincipalArn': ctx.principalArn, 'aws:PrincipalAccount': ctx.accountId },
  });
  if (trust.explicitDeny) return false;
  const sameAccount = role.accountId === ctx.accountId;
  if (trust.directAllow) return sameAccount || identityAllows;
  return trust.accountAllow !== undefined && identityAllows;
}

export const stsHandlers: Record<string, QueryHandler> = {
  GetCallerIdentity: getCallerIdentity,
  AssumeRole: assumeRole,
  DecodeAuthorizationMessage: decodeAuthorizationMessage_,
};
