// Key policy: whether the caller, EC2 (via ec2.<region>.amazonaws.com for the account) and the Auto
// Scaling service-linked role can use each customer managed key, each answer with the statement
// that grants (or fails to grant) it, and the statements to add in the Kublr seed's shapes.
import type { Finding, Severity } from '../../../../shared/domain/diagnostics';
import type { KeyRecord } from '../../../../shared/domain/inventory';
import { parsePolicy } from '../../../../shared/policy';
import { type CheckInput, resolvedArn, simKey } from '../check-input';
import {
  autoScalingAccess,
  callerAccess,
  ec2ViaServiceAccess,
  type KeyPolicyContext,
  type SubjectAccess,
} from '../policy-gaps';
import type { IamActionKey } from '../../../../shared/labels/evidence';
import { makeFinding, type EvidenceSpec } from './finding';
import { isUsed, keyUsage, launchesDepend } from './key-usage';

const label = (k: KeyRecord): string =>
  k.aliases.find((a) => !a.startsWith('alias/aws/')) ?? k.aliases[0] ?? k.keyId;

// Uncertain (the key policy leaves the answer to IAM and IAM could not be simulated): an action not
// allowed by the policy itself was not checked, so it says "could not check", never "refused".
const IAM_SAYS_NO = ', and IAM does not allow it';

function accessEvidence(access: SubjectAccess): EvidenceSpec {
  const out: EvidenceSpec = { principal: access.principal };
  for (const a of access.actions) {
    // a.action is an IAM action name ('kms:Decrypt'), shown as AWS writes it.
    out[a.action as IamActionKey] = a.allowed
      ? `allowed: ${a.via}`
      : access.uncertain && a.via.endsWith(IAM_SAYS_NO)
        ? `could not check: ${a.via.slice(0, -IAM_SAYS_NO.length)}, and IAM could not be simulated`
        : `refused: ${a.via}`;
  }
  return out;
}

// Keys whose policy is worth reading: customer managed, symmetric, not on their way out (those
// have their own key-health findings).
export const examinedKey = (k: KeyRecord): boolean =>
  k.manager === 'CUSTOMER' &&
  k.spec === 'SYMMETRIC_DEFAULT' &&
  (k.state === 'Enabled' || k.state === 'Disabled');

// Keys the region's Auto Scaling groups launch with: their launch templates' keys, else the EBS default.
function autoScalingKeys(input: CheckInput): Set<string> {
  const inv = input.inventory;
  const keys = new Set<string>();
  for (const asg of inv.autoScalingGroups) {
    const lt = inv.launchTemplates.find((t) => t.id === asg.launchTemplate?.id);
    for (const d of lt?.blockDevices ?? []) {
      const arn = d.kmsKeyId ? resolvedArn(input, d.kmsKeyId) : undefined;
      if (arn) keys.add(arn);
      else if (inv.ebsDefaults?.encryptionByDefault || d.encrypted) {
        const def = resolvedArn(input, inv.ebsDefaults?.defaultKmsKeyId);
        if (def) keys.add(def);
      }
    }
  }
  const intended = resolvedArn(input, input.intended.ebsKey);
  if (intended && inv.autoScalingGroups.length > 0) keys.add(intended);
  return keys;
}

const pretty = (statements: readonly unknown[]): string => JSON.stringify(statements, null, 2);

export function checkKeyPolicy(input: CheckInput): Finding[] {
  const findings: Finding[] = [];
  const asgKeys = autoScalingKeys(input);
  for (const key of input.inventory.keys.filter(examinedKey)) {
    const stored = input.keyPolicies.get(key.arn);
    const usage = keyUsage(input, key.arn);
    const important: Severity = launchesDepend(usage) ? 'high' : isUsed(usage) ? 'high' : 'medium';
    const common = { key: label(key), keyArn: key.arn, region: input.region };
    if (!stored || 'error' in stored) {
      findings.push(
        makeFinding('key-policy', input.region, {
          aspect: 'unreadable',
          severity: 'info',
          title: `The policy of key ${label(key)} could not be read`,
          resources: [key.arn],
          evidence: { ...common, error: stored && 'error' in stored ? stored.error : 'not read' },
          why: 'Without the key policy Envelope cannot tell whether EC2, Auto Scaling and you may use the key.',
          fix: { text: 'Allow kms:GetKeyPolicy to your principal and run the diagnostics again.' },
        }),
      );
      continue;
    }
    const parsed = parsePolicy(stored.text);
    if (!parsed.ok) continue;
    const ctx: KeyPolicyContext = {
      policy: parsed.policy,
      grants: input.grants.get(key.arn) ?? [],
      keyArn: key.arn,
      keyAccount: key.account,
      region: input.region,
      account: input.account,
    };
    const fixFor = (statements: readonly Record<string, unknown>[]) => ({
      statements: pretty(statements),
      action: {
        type: 'add-key-policy-statements' as const,
        region: input.region,
        keyArn: key.arn,
        statements: [...statements],
      },
    });

    const ec2 = ec2ViaServiceAccess(ctx);
    if (ec2.missing.length > 0) {
      findings.push(
        makeFinding('key-policy', input.region, {
          aspect: 'ec2-via-service',
          severity: important,
          title: `Key ${label(key)} does not let EC2 use it for the account’s principals (via ec2.${input.region}.amazonaws.com)`,
          resources: [key.arn],
          evidence: { ...common, ...accessEvidence(ec2) },
          why: 'EBS uses the key on behalf of whoever creates, attaches or launches a volume. Without a statement allowing use through EC2 for the account (or a root statement that lets IAM decide), creating encrypted volumes, copying snapshots and AMIs, and launching instances with the key fail.',
          fix: {
            text: 'Add the seed’s “Allow access through EBS” statement to the key policy.',
            ...fixFor(ec2.missing),
          },
        }),
      );
    }

    const iam = (action: string) => input.callerSimulation.get(simKey(action, key.arn)) ?? 'unknown';
    const caller = callerAccess(ctx, input.callerArn, iam);
    if (caller.missing.length > 0) {
      findings.push(
        makeFinding('key-policy', input.region, {
          aspect: 'caller',
          severity: caller.uncertain ? 'low' : important === 'high' ? 'high' : 'medium',
          title: caller.uncertain
            ? `Could not check whether you (${caller.principal.split(':').pop() ?? caller.principal}) may use key ${label(key)} for EBS: IAM could not be simulated`
            : `You (${caller.principal.split(':').pop() ?? caller.principal}) cannot use key ${label(key)} for EBS`,
          resources: [key.arn],
          evidence: { ...common, ...accessEvidence(caller) },
          why: 'Copying an AMI or snapshot under this key, or creating a volume with it, needs these permissions for your principal; without them Envelope’s copies and migrations with this key fail.',
          fix: {
            text: 'Add statements for your principal to the key policy (or allow the actions in your IAM policy when the key policy delegates to IAM).',
            ...fixFor(caller.missing),
          },
        }),
      );
    }

    if (asgKeys.has(key.arn)) {
      const asg = autoScalingAccess(ctx);
      if (asg.missing.length > 0) {
        const grantOnly = asg.actions.every((a) => a.allowed || a.action === 'kms:CreateGrant');
        findings.push(
          makeFinding('key-policy', input.region, {
            aspect: 'autoscaling',
            severity: 'high',
            title: grantOnly
              ? `The Auto Scaling service-linked role may not create grants on key ${label(key)}`
              : `The Auto Scaling service-linked role may not use key ${label(key)}`,
            resources: [key.arn, ...input.inventory.autoScalingGroups.map((g) => g.name)],
            evidence: {
              ...common,
              ...accessEvidence(asg),
              autoScalingGroups: input.inventory.autoScalingGroups.map((g) => g.name).join(', '),
            },
            why: 'Auto Scaling launches instances as its service-linked role (AWSServiceRoleForAutoScaling), whose own policy allows nothing on KMS keys. Without key-policy statements for it (use, and CreateGrant limited to AWS resources), every scale-out with volumes under this key fails: instances go from pending to terminated with Client.InvalidKMSKey.InvalidState.',
            fix: {
              text: 'Add the seed’s Auto Scaling statements to the key policy.',
              ...fixFor(asg.missing),
            },
          }),
        );
      } else if (asg.grantUnlimited) {
        findings.push(
          makeFinding('key-policy', input.region, {
            aspect: 'autoscaling-grant-unlimited',
            severity: 'low',
            title: `The Auto Scaling role’s CreateGrant on key ${label(key)} is not limited to AWS resources`,
            resources: [key.arn],
            evidence: { ...common, ...accessEvidence(asg) },
            why: 'A grant permission without kms:GrantIsForAWSResource lets the role hand out grants for any purpose, not only for EBS.',
            fix: {
              text: 'Add the condition {"Bool": {"kms:GrantIsForAWSResource": "true"}} to the statement that allows kms:CreateGrant.',
            },
          }),
        );
      }
    }
  }
  return findings;
}
