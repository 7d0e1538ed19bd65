// Who is asking, and whether a policy's Principal names them.
//
// A resource policy can name a caller in three ways that matter for the decision:
// - directly (its user ARN, its role ARN for any session of that role, "*"): the resource policy
//   alone can allow, within the same account;
// - through its account (arn:aws:iam::ACCT:root or "ACCT"): the account delegates to IAM, so the
//   caller's identity policies must allow too;
// - not at all.

export type Caller =
  | {
      readonly type: 'aws';
      // arn:aws:iam::A:user/N, arn:aws:iam::A:role/path/N, arn:aws:sts::A:assumed-role/N/S, arn:aws:iam::A:root
      readonly arn: string;
      readonly accountId: string;
    }
  | { readonly type: 'service'; readonly service: string }; // e.g. ec2.amazonaws.com

export type PrincipalMatch = 'direct' | 'account' | 'none';

const ACCOUNT_ID = /^\d{12}$/;
const ROOT_ARN = /^arn:aws[\w-]*:iam::(\d{12}):root$/;
const ROLE_ARN = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;
const SESSION_ARN = /^arn:aws[\w-]*:sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/;

export function accountOfPrincipalEntry(entry: string): string | undefined {
  if (ACCOUNT_ID.test(entry)) return entry;
  return ROOT_ARN.exec(entry)?.[1];
}

// The role (account and name) behind a role ARN or a role session ARN; paths are dropped because a
// session ARN carries none.
function roleOf(arn: string): { accountId: string; name: string } | undefined {
  const m = ROLE_ARN.exec(arn) ?? SESSION_ARN.exec(arn);
  return m?.[1] && m[2] ? { accountId: m[1], name: m[2] } : undefined;
}

export function matchAwsPrincipalEntry(entry: string, caller: Caller): PrincipalMatch {
  if (caller.type !== 'aws') return 'none';
  if (entry === '*') return 'direct';
  const account = accountOfPrincipalEntry(entry);
  if (account !== undefined) {
    // The root user itself is named directly by its own root ARN.
    if (ROOT_ARN.test(caller.arn) && account === caller.accountId) return 'direct';
    return account === caller.accountId ? 'account' : 'none';
  }
  if (entry === caller.arn) return 'direct';
  const wanted = roleOf(entry);
  const actual = roleOf(caller.arn);
  // A role ARN in a policy names every session of that role; a session ARN only that session.
  if (
    wanted &&
    actual &&
    ROLE_ARN.test(entry) &&
    wanted.accountId === actual.accountId &&
    wanted.name === actual.name
  ) {
    return 'direct';
  }
  return 'none';
}

export function isRootArn(arn: string): boolean {
  return ROOT_ARN.test(arn);
}

export function accountIdOfArn(arn: string): string | undefined {
  return /^arn:aws[\w-]*:[^:]+:[^:]*:(\d{12}):/.exec(arn)?.[1];
}

export function awsCaller(arn: string): Caller {
  return { type: 'aws', arn, accountId: accountIdOfArn(arn) ?? '' };
}
