// Is the target key usable for EBS in this region by this caller? EBS acts through EC2 with
// kms:ViaService = ec2.<region>.amazonaws.com: the key must be Enabled, a symmetric encryption key,
// and its policy (or a grant) must allow the caller kms:DescribeKey, kms:CreateGrant (for AWS
// resources), kms:GenerateDataKeyWithoutPlaintext and kms:Decrypt. Refused before anything changes,
// with the statement that is missing.
import { ListGrantsCommand, type KMSClient } from '@aws-sdk/client-kms';
import { awsCaller, evaluateKeyAccess, parsePolicy, type KmsGrantInput } from '../../../shared/policy';
import { keyLabel, type CanonicalKey } from '../../../shared/kms/key-reference';
import { AppError } from '../errors/app-error';
import { fetchKeyPolicy, resolveKeyReference } from '../kms/key-reference';
import type { MigrationContext } from './migration-context';
import { ebsViaServiceStatement } from '../../../shared/policy/ebs-statement';

export const EBS_KEY_ACTIONS = [
  'kms:DescribeKey',
  'kms:CreateGrant',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:Decrypt',
] as const;

export interface UsableKey {
  readonly key: CanonicalKey;
  readonly label: string;
  readonly warnings: string[];
}

// The statement AWS's default key policy uses to let EBS use a key for everyone in the account.
export function ebsStatementFor(accountId: string, region: string): string {
  return JSON.stringify(ebsViaServiceStatement(accountId, region));
}

async function grantsOf(kms: KMSClient, keyArn: string): Promise<KmsGrantInput[] | undefined> {
  try {
    const grants: KmsGrantInput[] = [];
    let marker: string | undefined;
    do {
      const page = await kms.send(new ListGrantsCommand({ KeyId: keyArn, Limit: 100, Marker: marker }));
      for (const g of page.Grants ?? []) {
        grants.push({
          grantId: g.GrantId ?? '',
          granteePrincipal: g.GranteePrincipal ?? '',
          operations: g.Operations ?? [],
        });
      }
      marker = page.Truncated ? page.NextMarker : undefined;
    } while (marker);
    return grants;
  } catch {
    return undefined;
  }
}

export async function checkKeyForEbs(ctx: MigrationContext, ref: string): Promise<UsableKey> {
  const key = await resolveKeyReference(ref, { region: ctx.region, account: ctx.accountId }, ctx.kms);
  const label = keyLabel(key);
  if (key.state !== 'Enabled') {
    throw new AppError(
      'key-not-enabled',
      `The key ${label} is ${key.state}; EBS can only encrypt with an Enabled key.`,
      key.state === 'PendingDeletion'
        ? 'Cancel its deletion (kms cancel-key-deletion) and enable it, or choose another key.'
        : 'Enable it (kms enable-key), or choose another key.',
    );
  }
  if (key.spec !== 'SYMMETRIC_DEFAULT' || (key.usage !== undefined && key.usage !== 'ENCRYPT_DECRYPT')) {
    throw new AppError(
      'key-not-symmetric',
      `The key ${label} is ${key.spec}${key.usage ? ` for ${key.usage}` : ''}; EBS supports only symmetric encryption keys.`,
      'Choose a SYMMETRIC_DEFAULT key with usage ENCRYPT_DECRYPT.',
    );
  }
  const warnings: string[] = [];
  let policyText: string;
  try {
    policyText = await fetchKeyPolicy(ctx.kms, key.arn);
  } catch {
    warnings.push(`Could not read the key policy of ${label}; EC2's access to it was not checked.`);
    return { key, label, warnings };
  }
  const parsed = parsePolicy(policyText);
  if (!parsed.ok) {
    warnings.push(`The key policy of ${label} could not be parsed; EC2's access to it was not checked.`);
    return { key, label, warnings };
  }
  const grants = await grantsOf(ctx.kms, key.arn);
  const caller = awsCaller(ctx.callerArn);
  for (const action of EBS_KEY_ACTIONS) {
    const decision = evaluateKeyAccess(
      { keyPolicy: parsed.policy, identityPolicies: [], grants: grants ?? [] },
      {
        caller,
        action,
        keyArn: key.arn,
        keyAccountId: key.account,
        context: {
          'kms:ViaService': `ec2.${ctx.region}.amazonaws.com`,
          'kms:CallerAccount': ctx.accountId,
          'aws:PrincipalArn': ctx.callerArn,
          ...(action === 'kms:CreateGrant' ? { 'kms:GrantIsForAWSResource': true } : {}),
        },
      },
    );
    if (decision.allowed) continue;
    if (decision.reason === 'no-allow' && decision.keyPolicyStatement) {
      // The key policy delegates to the account's IAM policies, which Envelope does not read here.
      warnings.push(
        `${action} on ${label} depends on your IAM policies (the key policy delegates to the account).`,
      );
      continue;
    }
    const where =
      decision.reason === 'explicit-deny'
        ? `statement ${(decision.denyStatement?.statementIndex ?? 0) + 1}${decision.denyStatement?.sid ? ` (“${decision.denyStatement.sid}”)` : ''} denies it`
        : 'no statement or grant allows it';
    throw new AppError(
      'key-unusable-by-ec2',
      `EC2 cannot use ${label} for ${ctx.callerArn}: ${action} through ec2.${ctx.region}.amazonaws.com is not allowed (${where}).`,
      `Add this statement to the key policy (kms put-key-policy), or choose another key: ${ebsStatementFor(ctx.accountId, ctx.region)}`,
    );
  }
  return { key, label, warnings };
}
