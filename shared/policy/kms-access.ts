// Can this caller use this KMS key for this action? The KMS authorization rules
// (docs.aws.amazon.com/kms/latest/developerguide/determining-access.html):
// 1. An explicit Deny in the key policy or in the caller's IAM policies refuses.
// 2. The key policy allows the caller directly (its ARN, its role, "*" with conditions): allowed,
//    for callers in the key's account.
// 3. The key policy allows the caller's account (arn:aws:iam::ACCT:root): IAM decides, so one of
//    the caller's identity policies must allow the action too. For a caller in another account
//    this is always needed: the key policy must allow that account (or the caller) AND the
//    caller's own IAM policies must allow.
// 4. A grant whose grantee is the caller and whose operations include the action (and whose
//    constraints the request's encryption context satisfies) allows.
// Otherwise: refused, with no statement to blame (AWS's "no resource-based policy allows").
import type { ConditionContext } from './conditions';
import type { PolicyDocument } from './document';
import { evaluateIdentityPolicies, evaluateResourcePolicy, type StatementRef } from './evaluate';
import { matchAwsPrincipalEntry, type Caller } from './principal';

export interface KmsGrantInput {
  readonly grantId: string;
  readonly granteePrincipal: string;
  readonly operations: readonly string[]; // 'Decrypt', 'CreateGrant', 'ReEncryptFrom', …
  readonly constraints?: {
    readonly encryptionContextSubset?: Readonly<Record<string, string>>;
    readonly encryptionContextEquals?: Readonly<Record<string, string>>;
  };
}

export interface KeyAccessRequest {
  readonly caller: Caller;
  readonly action: string; // 'kms:Decrypt'
  readonly keyArn: string;
  readonly keyAccountId: string;
  readonly context: ConditionContext; // kms:ViaService, kms:CallerAccount, kms:GrantIsForAWSResource, …
  readonly encryptionContext?: Readonly<Record<string, string>>;
}

export interface KeyAccessInput {
  readonly keyPolicy: PolicyDocument;
  readonly identityPolicies: readonly PolicyDocument[]; // the caller's IAM policies
  readonly grants: readonly KmsGrantInput[];
}

export type KeyAccessDecision =
  | {
      readonly allowed: true;
      readonly by: 'key-policy' | 'key-policy-and-iam' | 'grant';
      readonly keyPolicyStatement?: StatementRef;
      readonly identityStatement?: StatementRef;
      readonly grantId?: string;
    }
  | {
      readonly allowed: false;
      readonly reason: 'explicit-deny' | 'no-allow';
      readonly denyStatement?: StatementRef;
      // A key-policy statement that delegates to IAM when IAM is what is missing.
      readonly keyPolicyStatement?: StatementRef;
    };

function contextMatches(
  constraints: KmsGrantInput['constraints'],
  encryptionContext: Readonly<Record<string, string>> = {},
): boolean {
  if (!constraints) return true;
  const { encryptionContextSubset: subset, encryptionContextEquals: equals } = constraints;
  if (subset && !Object.entries(subset).every(([k, v]) => encryptionContext[k] === v)) return false;
  if (equals) {
    const keys = Object.keys(encryptionContext);
    if (keys.length !== Object.keys(equals).length) return false;
    if (!keys.every((k) => equals[k] === encryptionContext[k])) return false;
  }
  return true;
}

// kms:ReEncrypt* in a policy covers the ReEncryptFrom and ReEncryptTo grant operations; every other
// grant operation has the action's own name.
function grantCovers(grant: KmsGrantInput, action: string): boolean {
  const operation = action.replace(/^kms:/i, '');
  return grant.operations.some((op) => op.toLowerCase() === operation.toLowerCase());
}

export function findGrantFor(
  grants: readonly KmsGrantInput[],
  request: KeyAccessRequest,
  hasIamAllow: boolean,
): KmsGrantInput | undefined {
  return grants.find((grant) => {
    if (!grantCovers(grant, request.action)) return false;
    if (!contextMatches(grant.constraints, request.encryptionContext)) return false;
    const match =
      request.caller.type === 'service'
        ? grant.granteePrincipal === request.caller.service
          ? 'direct'
          : 'none'
        : matchAwsPrincipalEntry(grant.granteePrincipal, request.caller);
    // A grant to an account needs the account's IAM policies to pass it on, like a key policy.
    return match === 'direct' || (match === 'account' && hasIamAllow);
  });
}

export function evaluateKeyAccess(input: KeyAccessInput, request: KeyAccessRequest): KeyAccessDecision {
  const policyRequest = {
    caller: request.caller,
    action: request.action,
    resource: request.keyArn,
    context: request.context,
  };
  const keyPolicy = evaluateResourcePolicy(input.keyPolicy, policyRequest, 'key-policy');
  if (keyPolicy.explicitDeny)
    return { allowed: false, reason: 'explicit-deny', denyStatement: keyPolicy.explicitDeny };

  const identity =
    request.caller.type === 'aws' ? evaluateIdentityPolicies(input.identityPolicies, policyRequest) : {};
  if (identity.explicitDeny)
    return { allowed: false, reason: 'explicit-deny', denyStatement: identity.explicitDeny };

  const sameAccount = request.caller.type === 'aws' && request.caller.accountId === request.keyAccountId;
  if (sameAccount && keyPolicy.directAllow) {
    return { allowed: true, by: 'key-policy', keyPolicyStatement: keyPolicy.directAllow };
  }
  // Service principals have no IAM policies: a key-policy allow naming them is enough.
  if (request.caller.type === 'service' && keyPolicy.directAllow) {
    return { allowed: true, by: 'key-policy', keyPolicyStatement: keyPolicy.directAllow };
  }
  const keyAllow = keyPolicy.directAllow ?? keyPolicy.accountAllow;
  if (keyAllow && identity.allow) {
    return {
      allowed: true,
      by: 'key-policy-and-iam',
      keyPolicyStatement: keyAllow,
      identityStatement: identity.allow,
    };
  }

  const grant = findGrantFor(input.grants, request, identity.allow !== undefined);
  if (grant) return { allowed: true, by: 'grant', grantId: grant.grantId };

  return { allowed: false, reason: 'no-allow', ...(keyAllow ? { keyPolicyStatement: keyAllow } : {}) };
}
