// Repeated AMI creation: one name prefix created again and again in a short window, or under
// different keys. When the images land under the EBS default key and the intended key differs,
// the default-key mismatch is named as the cause (the Avi seed's "repeatedly creates SE AMIs due
// to an encryption configuration mismatch").
import type { Finding } from '../../../../shared/domain/diagnostics';
import { formatTime } from '../../../../shared/format/time';
import { type CheckInput, keyName, resolvedArn } from '../check-input';
import { iso, listEvidence, makeFinding } from './finding';
import { repeatedGroups, UNKNOWN_KEY } from './repeated-groups';

export function checkRepeatedImages(input: CheckInput): Finding[] {
  const { region, inventory } = input;
  const defaultArn = resolvedArn(input, inventory.ebsDefaults?.defaultKmsKeyId);
  const intendedArn = resolvedArn(input, input.intended.ebsKey);
  const keyOf = (ref: string) => resolvedArn(input, ref);
  return repeatedGroups(inventory.images, input.repeatWindowHours, keyOf).map((group) => {
    const first = group.images[0];
    const last = group.images[group.images.length - 1];
    const spanHours =
      first?.creationDate && last?.creationDate
        ? Math.round((Date.parse(last.creationDate) - Date.parse(first.creationDate)) / 360_000) / 10
        : undefined;
    const underDefault = defaultArn !== undefined && group.keys.includes(defaultArn);
    const confirmed = underDefault && intendedArn !== undefined && intendedArn !== defaultArn;
    const suspected = underDefault && intendedArn === undefined && inventory.ebsDefaults?.encryptionByDefault;
    const cause = confirmed
      ? 'default-key mismatch'
      : suspected
        ? 'default-key mismatch (suspected: no intended key set)'
        : group.keys.length > 1
          ? 'snapshots under different keys'
          : 'unknown';
    const keyLabels = group.keys.map((k) =>
      k === '' ? 'unencrypted' : k === UNKNOWN_KEY ? UNKNOWN_KEY : keyName(input, k),
    );
    return makeFinding('repeated-images', region, {
      aspect: group.prefix,
      severity: confirmed || suspected ? 'high' : 'medium',
      title: `${group.images.length} AMIs named ${group.prefix}… created ${spanHours !== undefined ? `within ${spanHours} h` : 'again and again'}`,
      resources: group.images.map((i) => i.id),
      evidence: {
        prefix: group.prefix,
        count: group.images.length,
        firstCreated: first?.creationDate,
        lastCreated: last?.creationDate,
        spanHours,
        snapshotKeys: keyLabels.join(', '),
        images: listEvidence(
          group.images.map(
            (i) => `${i.id} (${i.creationDate ? formatTime(i.creationDate) : 'creation time unknown'})`,
          ),
        ),
        defaultKey: defaultArn ? keyName(input, defaultArn) : undefined,
        intendedKey: intendedArn ? keyName(input, intendedArn) : undefined,
        cause,
        relatedFinding: confirmed
          ? `ebs-default:${region}:ebs-default/${region}:mismatch`
          : suspected
            ? `ebs-default:${region}:ebs-default/${region}:mismatch-suspected`
            : undefined,
        checkedAt: iso(inventory.scannedAt),
      },
      why:
        confirmed || suspected
          ? 'Each image is encrypted with the account’s default EBS key, not the application’s key, so the application does not accept it and builds another: time, snapshot storage and KMS calls spent for nothing, and instances that never get the image they should.'
          : 'The same image built over and over usually means the builder rejects what it made (a key or configuration mismatch). Every copy costs snapshot storage.',
      fix: {
        text: confirmed
          ? 'Fix the default-key mismatch (see the related finding), then deregister the surplus images and delete their snapshots.'
          : 'Find out why the builder rejects its images (compare its key with the default key); deregister the surplus images.',
      },
    });
  });
}
