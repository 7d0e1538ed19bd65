// Key health: state (Disabled; PendingDeletion with its date and what stops working), spec
// (asymmetric keys cannot encrypt EBS), AWS or customer managed, rotation, region.
import type { Finding, Severity } from '../../../../shared/domain/diagnostics';
import type { KeyRecord } from '../../../../shared/domain/inventory';
import { formatTime } from '../../../../shared/format/time';
import type { CheckInput } from '../check-input';
import { iso, makeFinding, type EvidenceSpec } from './finding';
import { isUsed, keyUsage, launchesDepend, usageEvidence, type KeyUsage } from './key-usage';

const WHAT_STOPS =
  'Running instances keep working, but starting or restarting an instance whose volumes use the key fails, new instances (Service Engines, cluster nodes) cannot be launched, AMIs encrypted with it become useless, and uploads to buckets encrypted with it fail.';

const label = (k: KeyRecord): string =>
  k.aliases.find((a) => !a.startsWith('alias/aws/')) ?? k.aliases[0] ?? k.keyId;

function base(input: CheckInput, key: KeyRecord): { usage: KeyUsage; evidence: EvidenceSpec } {
  const usage = keyUsage(input, key.arn);
  return {
    usage,
    evidence: {
      key: label(key),
      keyArn: key.arn,
      state: key.state,
      spec: key.spec,
      usage: key.usage,
      manager: key.manager,
      rotation: key.rotation,
      region: input.region,
      ...usageEvidence(usage),
    },
  };
}

export function checkKeyHealth(input: CheckInput): Finding[] {
  const findings: Finding[] = [];
  for (const key of input.inventory.keys) {
    const { usage, evidence } = base(input, key);
    const severityIfBroken: Severity = launchesDepend(usage) ? 'critical' : isUsed(usage) ? 'high' : 'medium';
    if (key.state === 'PendingDeletion' || key.state === 'PendingReplicaDeletion') {
      const date = iso(key.deletionDate);
      findings.push(
        makeFinding('key-health', input.region, {
          aspect: 'pending-deletion',
          severity: isUsed(usage) ? 'critical' : 'high',
          title: `Key ${label(key)} is scheduled for deletion${date ? ` on ${formatTime(date)}` : ''}`,
          resources: [key.arn],
          evidence: { ...evidence, deletionDate: date },
          why: `${WHAT_STOPS} After the deletion date the key is gone for good and whatever it encrypted cannot be decrypted again.`,
          fix: {
            text: 'If anything still needs the key, cancel the deletion (kms:CancelKeyDeletion) and enable it (kms:EnableKey); otherwise move the volumes, snapshots and AMIs to another key before the date.',
          },
        }),
      );
    } else if (key.state === 'Disabled') {
      findings.push(
        makeFinding('key-health', input.region, {
          aspect: 'disabled',
          severity: severityIfBroken,
          title: `Key ${label(key)} is disabled`,
          resources: [key.arn],
          evidence,
          why: WHAT_STOPS,
          fix: { text: 'Enable the key (kms:EnableKey), or move what uses it to another key.' },
        }),
      );
    }
    if (key.spec !== 'SYMMETRIC_DEFAULT') {
      const needed = launchesDepend(usage);
      findings.push(
        makeFinding('key-health', input.region, {
          aspect: 'asymmetric',
          severity: needed ? 'critical' : 'medium',
          title: `Key ${label(key)} is ${key.spec}: EBS cannot use it`,
          resources: [key.arn],
          evidence,
          why: 'EBS (and S3 default encryption) work only with symmetric encryption keys; an asymmetric key chosen for volumes, AMIs or buckets makes every such request fail.',
          fix: {
            text: 'Choose a symmetric key (SYMMETRIC_DEFAULT) for EBS and S3; keep this key for signing or for applications that encrypt with it themselves.',
          },
        }),
      );
    }
    if (
      key.manager === 'CUSTOMER' &&
      key.spec === 'SYMMETRIC_DEFAULT' &&
      key.state === 'Enabled' &&
      key.rotation === false
    ) {
      findings.push(
        makeFinding('key-health', input.region, {
          aspect: 'rotation-off',
          severity: 'low',
          title: `Automatic rotation is off for key ${label(key)}`,
          resources: [key.arn],
          evidence,
          why: 'Without automatic rotation the key material never changes; many audit baselines ask for yearly rotation. Rotation does not re-encrypt data and needs no change elsewhere.',
          fix: { text: 'Turn on automatic key rotation (kms:EnableKeyRotation).' },
        }),
      );
    }
    if (key.manager === 'AWS' && usage.isIntended) {
      findings.push(
        makeFinding('key-health', input.region, {
          aspect: 'aws-managed-intended',
          severity: 'info',
          title: `The intended key ${label(key)} is AWS managed`,
          resources: [key.arn],
          evidence,
          why: 'An AWS managed key cannot be shared with other accounts and its policy cannot be changed, so AMIs and snapshots under it stay in this account.',
          fix: { text: 'Use a customer managed key if images must be shared across accounts.' },
        }),
      );
    }
  }
  return findings;
}
