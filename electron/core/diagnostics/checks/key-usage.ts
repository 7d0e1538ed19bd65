// Where a key is used in a region: by volumes, snapshots, AMIs, launch templates, as the EBS
// default, as the intended key, by buckets. A broken key that nothing uses is a chore; one that
// the default or a launch template points at stops launches.
import { type CheckInput, resolvedArn } from '../check-input';

export interface KeyUsage {
  readonly volumes: number;
  readonly snapshots: number;
  readonly images: number;
  readonly launchTemplates: string[];
  readonly buckets: string[];
  readonly isDefault: boolean;
  readonly isIntended: boolean;
}

export function keyUsage(input: CheckInput, arn: string): KeyUsage {
  const inv = input.inventory;
  const ltUses = inv.launchTemplates.filter((lt) =>
    lt.blockDevices.some((d) => d.kmsKeyId !== undefined && resolvedArn(input, d.kmsKeyId) === arn),
  );
  return {
    volumes: inv.volumes.filter((v) => v.kmsKeyId === arn).length,
    snapshots: inv.snapshots.filter((s) => s.kmsKeyId === arn).length,
    images: inv.images.filter((i) => i.owned && i.blockDevices.some((d) => d.kmsKeyId === arn)).length,
    launchTemplates: ltUses.map((lt) => lt.name),
    buckets: inv.buckets
      .filter(
        (b) => b.encryption?.kmsKeyId !== undefined && resolvedArn(input, b.encryption.kmsKeyId) === arn,
      )
      .map((b) => b.name),
    isDefault: resolvedArn(input, inv.ebsDefaults?.defaultKmsKeyId) === arn,
    isIntended:
      resolvedArn(input, input.intended.ebsKey) === arn || resolvedArn(input, input.intended.s3Key) === arn,
  };
}

export function isUsed(u: KeyUsage): boolean {
  return (
    u.volumes + u.snapshots + u.images > 0 ||
    u.launchTemplates.length > 0 ||
    u.buckets.length > 0 ||
    u.isDefault ||
    u.isIntended
  );
}

// True when new machines depend on the key (launches, the default, the application's key).
export const launchesDepend = (u: KeyUsage): boolean =>
  u.isDefault || u.isIntended || u.launchTemplates.length > 0;

export function usageEvidence(u: KeyUsage): Record<string, string | number | boolean> {
  return {
    volumesUsingKey: u.volumes,
    snapshotsUsingKey: u.snapshots,
    imagesUsingKey: u.images,
    launchTemplatesUsingKey: u.launchTemplates.join(', '),
    bucketsUsingKey: u.buckets.join(', '),
    isEbsDefault: u.isDefault,
    isIntendedKey: u.isIntended,
  };
}
