// The seeds' warnings for an encrypted AMI copy, worded for the review step.
import type { PlanKey, SourceImage } from '../../../shared/domain/ami-copy';

export function copyWarnings(
  sources: readonly SourceImage[],
  keys: readonly PlanKey[],
  copyTags: boolean,
): string[] {
  const warnings = [
    'An AMI with encrypted snapshots cannot be made public, and can be shared only with accounts that may use its KMS key (the key policy must allow them).',
    'The copy does not change instances already running from the source AMI: they keep their unencrypted volumes until they are migrated or replaced.',
    'Encrypting makes a FULL copy of every snapshot (not incremental): the time and the snapshot storage grow with the AMIs’ total size.',
  ];
  if (keys.some((k) => k.aliases.includes('alias/aws/ebs'))) {
    warnings.push(
      'aws/ebs is an AWS managed key: no other account can ever use it, so copies under it can never be shared.',
    );
  }
  const notOwned = sources.filter((s) => s.access !== 'owned');
  if (copyTags && notOwned.length > 0) {
    warnings.push(
      `Tags are copied only from AMIs you own; ${notOwned.map((s) => s.id).join(', ')} belong to another account.`,
    );
  }
  if (sources.some((s) => s.blockDevices.some((d) => d.encrypted))) {
    warnings.push(
      'Some source snapshots are already encrypted: the copy re-encrypts them, which needs kms:Decrypt on their current key too.',
    );
  }
  return warnings;
}
