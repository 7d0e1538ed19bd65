// Images and snapshots: public AMIs backed by encrypted snapshots, encrypted AMIs shared with
// accounts the key is not shared with, unencrypted volumes and snapshots, and launch templates
// and Auto Scaling groups that create unencrypted volumes.
import type { Finding } from '../../../../shared/domain/diagnostics';
import type { LaunchTemplateRecord } from '../../../../shared/domain/inventory';
import { parsePolicy } from '../../../../shared/policy';
import { type CheckInput, keyByArn, keyName, resolvedArn } from '../check-input';
import { accountCanUse, crossAccountStatement } from '../policy-gaps';
import { listEvidence, makeFinding } from './finding';

// The distinct keys of an image's encrypted devices, each as the key ARN it stands for (an AMI's
// key comes from its snapshots; '' when it could not be read).
const encryptedKeys = (
  input: CheckInput,
  devices: readonly { encrypted?: boolean; kmsKeyId?: string }[],
): string[] => [
  ...new Set(
    devices.filter((d) => d.encrypted).map((d) => resolvedArn(input, d.kmsKeyId) ?? d.kmsKeyId ?? ''),
  ),
];
const keyLabel = (input: CheckInput, arn: string): string =>
  arn === '' ? 'unknown key' : keyName(input, arn);

function sharing(input: CheckInput): Finding[] {
  const findings: Finding[] = [];
  for (const image of input.inventory.images.filter((i) => i.owned)) {
    const keys = encryptedKeys(input, image.blockDevices);
    if (keys.length === 0) continue;
    if (image.isPublic) {
      findings.push(
        makeFinding('images-snapshots', input.region, {
          aspect: 'public-encrypted',
          severity: 'high',
          title: `Public AMI ${image.name} is backed by encrypted snapshots`,
          resources: [image.id],
          evidence: {
            image: image.id,
            name: image.name,
            keys: keys.map((k) => keyLabel(input, k)).join(', '),
          },
          why: 'AMIs with encrypted snapshots cannot be shared publicly: nobody outside the key’s permissions can launch it, so the public listing helps no one and advertises the image.',
          fix: {
            text: 'Make the AMI private (ec2:ModifyImageAttribute, remove group all) and share it with named accounts whose key access is set up.',
          },
        }),
      );
    }
    for (const accountId of input.launchPermissions.get(image.id) ?? []) {
      // A key not read (its snapshot could not be described) cannot be checked here.
      for (const keyArn of keys.filter((k) => k !== '')) {
        const key = keyByArn(input, keyArn);
        const stored = input.keyPolicies.get(keyArn);
        const parsed = stored && 'text' in stored ? parsePolicy(stored.text) : undefined;
        const ok =
          key?.manager !== 'AWS' &&
          parsed?.ok === true &&
          accountCanUse(
            {
              policy: parsed.policy,
              grants: input.grants.get(keyArn) ?? [],
              keyArn,
              keyAccount: key?.account ?? input.account,
              region: input.region,
              account: input.account,
            },
            accountId,
          );
        if (ok || (key?.manager !== 'AWS' && parsed === undefined)) continue;
        const statement = [crossAccountStatement(accountId)];
        findings.push(
          makeFinding('images-snapshots', input.region, {
            aspect: `shared-${accountId}`,
            severity: 'high',
            title: `AMI ${image.name} is shared with ${accountId}, but key ${keyName(input, keyArn)} is not`,
            resources: [image.id, keyArn],
            evidence: {
              image: image.id,
              sharedWith: accountId,
              key: keyName(input, keyArn),
              keyManager: key?.manager,
            },
            why:
              key?.manager === 'AWS'
                ? 'The AMI’s snapshots use an AWS managed key, which cannot be shared with another account: the account can see the AMI but cannot launch it.'
                : 'The other account can see the AMI but cannot launch it or copy it until the key policy lets that account use the key.',
            fix:
              key?.manager === 'AWS'
                ? {
                    text: 'Copy the AMI under a customer managed key, share that key with the account, and share the copy instead.',
                  }
                : {
                    text: `Let account ${accountId} use the key (its administrators then allow it in their IAM policies).`,
                    statements: JSON.stringify(statement, null, 2),
                    action: {
                      type: 'add-key-policy-statements',
                      region: input.region,
                      keyArn,
                      statements: statement,
                    },
                  },
          }),
        );
      }
    }
  }
  return findings;
}

function unencrypted(input: CheckInput): Finding[] {
  const { inventory: inv, region } = input;
  const out: Finding[] = [];
  const volumes = inv.volumes.filter((v) => !v.encrypted);
  const snapshots = inv.snapshots.filter((s) => !s.encrypted);
  const why =
    'Data at rest on these is not encrypted: anyone who can attach the volume, or create a volume from the snapshot, reads it. Encryption cannot be switched on in place; the data must be copied under a key (Envelope’s migration and AMI copy do that).';
  if (volumes.length > 0)
    out.push(
      makeFinding('images-snapshots', region, {
        aspect: 'unencrypted-volumes',
        severity: 'medium',
        title: `${volumes.length} unencrypted EBS volume${volumes.length === 1 ? '' : 's'}`,
        resources: volumes.map((v) => v.id),
        evidence: {
          count: volumes.length,
          volumes: listEvidence(volumes.map((v) => `${v.id} (${v.sizeGiB} GiB)`)),
          encryptionByDefault: inv.ebsDefaults?.encryptionByDefault,
        },
        why,
        fix: {
          text: 'Migrate the instances to encrypted volumes (Migrate page); turn on encryption by default so new volumes are encrypted.',
        },
      }),
    );
  if (snapshots.length > 0)
    out.push(
      makeFinding('images-snapshots', region, {
        aspect: 'unencrypted-snapshots',
        severity: 'medium',
        title: `${snapshots.length} unencrypted snapshot${snapshots.length === 1 ? '' : 's'}`,
        resources: snapshots.map((s) => s.id),
        evidence: {
          count: snapshots.length,
          snapshots: listEvidence(snapshots.map((s) => `${s.id} (${s.description ?? ''})`)),
        },
        why,
        fix: {
          text: 'Copy each snapshot with encryption (ec2:CopySnapshot --encrypted --kms-key-id …) and delete the unencrypted original.',
        },
      }),
    );
  return out;
}

const unencryptedDevices = (lt: LaunchTemplateRecord): string[] =>
  lt.blockDevices.filter((d) => d.virtualName === undefined && d.encrypted !== true).map((d) => d.device);

function launchers(input: CheckInput): Finding[] {
  const { inventory: inv, region } = input;
  const byDefault = inv.ebsDefaults?.encryptionByDefault === true;
  const severity = byDefault ? 'low' : 'medium';
  const out: Finding[] = [];
  const why = byDefault
    ? 'Encryption by default is on in this region, so these volumes are encrypted with the default key anyway; the template does not say so, and it will create unencrypted volumes wherever encryption by default is off.'
    : 'Every instance launched from it gets unencrypted volumes (unless its AMI’s snapshots are encrypted), so the fleet never becomes encrypted however often it is replaced.';
  for (const lt of inv.launchTemplates) {
    const devices = unencryptedDevices(lt);
    if (devices.length === 0) continue;
    const groups = inv.autoScalingGroups.filter((g) => g.launchTemplate?.id === lt.id).map((g) => g.name);
    out.push(
      makeFinding('images-snapshots', region, {
        aspect: 'launch-template-unencrypted',
        severity,
        title: `Launch template ${lt.name} (default version ${lt.defaultVersion}) creates unencrypted volumes${groups.length ? `, used by ${groups.join(', ')}` : ''}`,
        resources: [lt.id, ...groups],
        evidence: {
          launchTemplate: lt.name,
          defaultVersion: lt.defaultVersion,
          devices: devices.join(', '),
          autoScalingGroups: groups.join(', '),
          encryptionByDefault: byDefault,
        },
        why,
        fix: {
          text: 'Create a template version with Encrypted=true (and the intended KmsKeyId) on each EBS mapping, make it the default, and refresh the groups’ instances.',
        },
      }),
    );
  }
  for (const asg of inv.autoScalingGroups.filter((g) => g.launchConfiguration !== undefined)) {
    out.push(
      makeFinding('images-snapshots', region, {
        aspect: 'launch-configuration',
        severity: 'low',
        title: `Auto Scaling group ${asg.name} uses a launch configuration`,
        resources: [asg.name],
        evidence: { autoScalingGroup: asg.name, launchConfiguration: asg.launchConfiguration },
        why: 'Launch configurations cannot be inspected here for encryption and are being retired by AWS; volumes they create follow encryption by default only.',
        fix: { text: 'Move the group to a launch template with encrypted EBS mappings.' },
      }),
    );
  }
  return out;
}

export function checkImagesAndSnapshots(input: CheckInput): Finding[] {
  return [...sharing(input), ...unencrypted(input), ...launchers(input)];
}
