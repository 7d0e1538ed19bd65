// Can the caller use this key for an encrypted AMI copy? EC2 acts for the caller through KMS
// (kms:ViaService ec2.REGION.amazonaws.com, kms:CallerAccount) and needs, for a new encrypted
// snapshot, kms:DescribeKey, kms:CreateGrant (for an AWS resource) and
// kms:GenerateDataKeyWithoutPlaintext. The key policy, the caller's IAM policies (read through
// iam:SimulatePrincipalPolicy, which needs no policy-reading permissions beyond itself) and the
// key's grants decide, with shared/policy's evaluateKeyAccess. When the answer is no, the error
// names the key, the action, why, and the key-policy statement that would allow the caller.
import { SERVICE_KEY_ACTIONS } from '../../../shared/policy/ebs-statement';
import { SimulatePrincipalPolicyCommand, type ContextEntry } from '@aws-sdk/client-iam';
import { paginateListGrants } from '@aws-sdk/client-kms';
import {
  awsCaller,
  evaluateKeyAccess,
  parsePolicy,
  type KeyAccessDecision,
  type KmsGrantInput,
  type PolicyDocument,
} from '../../../shared/policy';
import type { CanonicalKey } from '../../../shared/kms/key-reference';
import { keyLabel } from '../../../shared/kms/key-reference';
import { AppError } from '../errors/app-error';
import { fetchKeyPolicy } from '../kms/key-reference';
import type { AmiCopyDeps, Caller } from './deps';

export const EBS_ENCRYPT_ACTIONS = [
  'kms:DescribeKey',
  'kms:CreateGrant',
  'kms:GenerateDataKeyWithoutPlaintext',
] as const;

export interface AccessReport {
  readonly warnings: string[];
}

// The principal a key policy names for this caller: a role for any of its sessions.
export function policyPrincipalOf(callerArn: string): string {
  const session = /^arn:(aws[\w-]*):sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/.exec(callerArn);
  return session ? `arn:${session[1]}:iam::${session[2]}:role/${session[3]}` : callerArn;
}

export function allowStatementFor(callerArn: string, accountId: string, region: string): object {
  return {
    Sid: 'Allow use of the key through EC2 for encrypted AMI copies',
    Effect: 'Allow',
    Principal: { AWS: policyPrincipalOf(callerArn) },
    Action: [...SERVICE_KEY_ACTIONS],
    Resource: '*',
    Condition: {
      StringEquals: { 'kms:ViaService': `ec2.${region}.amazonaws.com`, 'kms:CallerAccount': accountId },
    },
  };
}

function viaEc2Context(action: string, region: string, caller: Caller) {
  return {
    'kms:ViaService': `ec2.${region}.amazonaws.com`,
    'kms:CallerAccount': caller.accountId,
    'aws:PrincipalArn': policyPrincipalOf(caller.arn),
    ...(action === 'kms:CreateGrant' ? { 'kms:GrantIsForAWSResource': true } : {}),
  };
}

// The caller's IAM decisions as a synthetic identity policy (one statement per decided action),
// or undefined when they cannot be read (then IAM is assumed to allow, and the plan says so).
async function identityPolicies(
  deps: AmiCopyDeps,
  caller: Caller,
  key: CanonicalKey,
  region: string,
): Promise<PolicyDocument[] | undefined> {
  if (/:root$/.test(caller.arn)) return [];
  const entries: ContextEntry[] = [
    {
      ContextKeyName: 'kms:ViaService',
      ContextKeyType: 'string',
      ContextKeyValues: [`ec2.${region}.amazonaws.com`],
    },
    { ContextKeyName: 'kms:CallerAccount', ContextKeyType: 'string', ContextKeyValues: [caller.accountId] },
  ];
  try {
    const answer = await deps.iam().send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: policyPrincipalOf(caller.arn),
        ActionNames: [...EBS_ENCRYPT_ACTIONS],
        ResourceArns: [key.arn],
        ContextEntries: entries,
      }),
    );
    const statements = (answer.EvaluationResults ?? []).flatMap((r, index) =>
      r.EvalDecision === 'allowed' || r.EvalDecision === 'explicitDeny'
        ? [
            {
              index,
              effect: r.EvalDecision === 'allowed' ? ('Allow' as const) : ('Deny' as const),
              action: [r.EvalActionName ?? ''],
              resource: [key.arn],
              conditions: [],
            },
          ]
        : [],
    );
    return [{ statements }];
  } catch {
    return undefined;
  }
}

async function grantsOf(deps: AmiCopyDeps, key: CanonicalKey): Promise<KmsGrantInput[] | undefined> {
  try {
    const grants: KmsGrantInput[] = [];
    for await (const page of paginateListGrants(
      { client: deps.kms(key.region), pageSize: 100 },
      { KeyId: key.arn },
    )) {
      for (const g of page.Grants ?? []) {
        grants.push({
          grantId: g.GrantId ?? '',
          granteePrincipal: g.GranteePrincipal ?? '',
          operations: g.Operations ?? [],
          ...(g.Constraints
            ? {
                constraints: {
                  ...(g.Constraints.EncryptionContextSubset
                    ? { encryptionContextSubset: g.Constraints.EncryptionContextSubset }
                    : {}),
                  ...(g.Constraints.EncryptionContextEquals
                    ? { encryptionContextEquals: g.Constraints.EncryptionContextEquals }
                    : {}),
                },
              }
            : {}),
        });
      }
    }
    return grants;
  } catch {
    return undefined;
  }
}

function why(decision: Extract<KeyAccessDecision, { allowed: false }>): string {
  if (decision.reason === 'explicit-deny') {
    const s = decision.denyStatement;
    const where = s?.source === 'identity-policy' ? 'one of your IAM policies' : 'the key policy';
    return `an explicit Deny in ${where}${s?.sid ? ` (statement “${s.sid}”)` : s ? ` (statement ${s.statementIndex + 1})` : ''} refuses it`;
  }
  if (decision.keyPolicyStatement) {
    return `the key policy leaves it to IAM (statement ${decision.keyPolicyStatement.sid ? `“${decision.keyPolicyStatement.sid}”` : decision.keyPolicyStatement.statementIndex + 1}) and your IAM policies do not allow it`;
  }
  return 'no statement of the key policy and no grant allows it for you';
}

export async function checkCallerKeyAccess(
  deps: AmiCopyDeps,
  key: CanonicalKey,
  caller: Caller,
  region: string,
): Promise<AccessReport> {
  const warnings: string[] = [];
  const label = keyLabel(key);
  let keyPolicy: PolicyDocument;
  try {
    const parsed = parsePolicy(JSON.parse(await fetchKeyPolicy(deps.kms(key.region), key.arn)) as unknown);
    if (!parsed.ok) throw new Error(parsed.message);
    keyPolicy = parsed.policy;
  } catch {
    warnings.push(
      `The key policy of ${label} could not be read (kms:GetKeyPolicy), so whether you may use the key is found out only when the copy runs.`,
    );
    return { warnings };
  }
  const identity = await identityPolicies(deps, caller, key, region);
  if (!identity) {
    warnings.push(
      'Your IAM policies could not be simulated (iam:SimulatePrincipalPolicy); they are assumed to allow the KMS actions EBS needs.',
    );
  }
  const grants = (await grantsOf(deps, key)) ?? [];
  const assumeIamAllows: PolicyDocument = {
    statements: [{ index: 0, effect: 'Allow', action: ['kms:*'], resource: ['*'], conditions: [] }],
  };
  for (const action of EBS_ENCRYPT_ACTIONS) {
    const decision = evaluateKeyAccess(
      { keyPolicy, identityPolicies: identity ?? [assumeIamAllows], grants },
      {
        caller: awsCaller(caller.arn),
        action,
        keyArn: key.arn,
        keyAccountId: key.account,
        context: viaEc2Context(action, region, caller),
      },
    );
    if (decision.allowed) continue;
    // The key policy leaves it to IAM and only the simulation says no: the simulation is the
    // fallback now (issue N), and the plan's preflight asks AWS itself before the copy can run.
    if (identity && decision.reason === 'no-allow' && decision.keyPolicyStatement) {
      warnings.push(
        `${action} on ${label}: the key policy leaves it to IAM, and an IAM simulation says your policies do not allow it; the preflight asks AWS before the copy can run.`,
      );
      continue;
    }
    const statement = JSON.stringify(allowStatementFor(caller.arn, caller.accountId, region));
    throw new AppError(
      'key-not-usable',
      `You (${caller.arn}) may not use the KMS key ${label} (${key.arn}) to encrypt the copy: EC2 needs ${action} on it for you, and ${why(decision)}.`,
      decision.reason === 'explicit-deny'
        ? 'Remove or narrow the Deny statement, or choose another key.'
        : `Add this statement to the key policy of ${label} (aws kms put-key-policy), or choose another key: ${statement}`,
    );
  }
  return { warnings };
}
