// Where a key is used in a region: by volumes, snapshots, AMIs, launch templates, as the EBS
// default, as the intended key, by buckets. A broken key that nothing uses is a chore; one that
// the default or a launch template points at stops launches.
import { type CheckInput, resolvedArn } from '../check-input';
import type { EvidenceSpec } from './finding';

export interface KeyUsage {
  readonly volumes: number;
  readonly snapshots: number;
  readonly images: number;
  readonly launchTemplates: string[];
  readonly buckets: string[];
  readonly isDefault: boolean;
  readonly isIntended: boolean;
}

// Every reference is compared as the key it names (resolvedArn): a volume's key ARN, a template's
// alias, a bucket's key id, the default's alias/aws/ebs all count for the one key.
export function keyUsage(input: CheckInput, arn: string): KeyUsage {
  const inv = input.inventory;
  const uses = (ref: string | undefined): boolean => ref !== undefined && resolvedArn(input, ref) === arn;
  return {
    volumes: inv.volumes.filter((v) => uses(v.kmsKeyId)).length,
    snapshots: inv.snapshots.filter((s) => uses(s.kmsKeyId)).length,
    // An AMI's key is its snapshots' (the inventory reads it from DescribeSnapshots).
    images: inv.images.filter((i) => i.owned && i.blockDevices.some((d) => uses(d.kmsKeyId))).length,
    launchTemplates: inv.launchTemplates
      .filter((lt) => lt.blockDevices.some((d) => uses(d.kmsKeyId)))
      .map((lt) => lt.name),
    buckets: inv.buckets.filter((b) => uses(b.encryption?.kmsKeyId)).map((b) => b.name),
    isDefault: uses(inv.ebsDefaults?.defaultKmsKeyId),
    isIntended: uses(input.intended.ebsKey) || uses(input.intended.s3Key),
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

export function usageEvidence(u: KeyUsage): EvidenceSpec {
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
