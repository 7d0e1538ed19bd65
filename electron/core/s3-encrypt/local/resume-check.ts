// After a crash, an object that was sent to S3 but has no record in the journal may or may not have
// been copied. It is re-read (HeadObject of the key's current version) and counted as copied when
// the current version is under the plan's key and is not the version the copy would start from:
// - unversioned: one object per key, a copy replaces it; under the key means copied;
// - versioned: each copy adds a new current version (S3 user guide, "How S3 Versioning works"), so
//   the copy happened if the current version is under the key and differs from the version that
//   was current before it (the planned current version, or the journalled copy of the key's
//   previous version when includeVersions copies a key's versions in order).
import { HeadObjectCommand, ListObjectVersionsCommand, type S3Client } from '@aws-sdk/client-s3';
import { errorName } from './copy-failure';

export interface ResumeProbe {
  readonly s3: S3Client;
  readonly bucket: string;
  readonly keyArn: string;
}

// Whether the key's current version is under the key; with `currentBefore`, also not that version.
export async function copiedBeforeCrash(
  probe: ResumeProbe,
  key: string,
  currentBefore: string | undefined,
): Promise<{ readonly copied: boolean; readonly versionId?: string }> {
  try {
    const head = await probe.s3.send(new HeadObjectCommand({ Bucket: probe.bucket, Key: key }));
    const underKey = head.ServerSideEncryption === 'aws:kms' && head.SSEKMSKeyId === probe.keyArn;
    const isNew = currentBefore === undefined || head.VersionId !== currentBefore;
    return { copied: underKey && isNew, ...(head.VersionId ? { versionId: head.VersionId } : {}) };
  } catch (error) {
    // Deleted since: the copy says so in its own words.
    if (errorName(error) === 'NotFound' || errorName(error) === 'NoSuchKey') return { copied: false };
    throw error;
  }
}

// includeVersions: a key's versions are copied one after another, so a crash may leave several
// copies of one key unjournalled. The copies are the versions newer than the key's planned current
// version, oldest first (ListObjectVersions lists a key's versions newest first; S3 user guide,
// "Listing objects in a versioning-enabled bucket"), each checked to be under the key
// (HeadObject), up to the first that is not.
export async function copiesOfKey(
  probe: ResumeProbe,
  key: string,
  plannedCurrent: string,
): Promise<string[]> {
  const newerFirst: string[] = [];
  let marker: { KeyMarker?: string; VersionIdMarker?: string } = {};
  for (;;) {
    const page = await probe.s3.send(
      new ListObjectVersionsCommand({ Bucket: probe.bucket, Prefix: key, ...marker }),
    );
    const versions = (page.Versions ?? []).filter((v) => v.Key === key);
    const at = versions.findIndex((v) => v.VersionId === plannedCurrent);
    newerFirst.push(...versions.slice(0, at < 0 ? versions.length : at).map((v) => v.VersionId ?? ''));
    if (at >= 0 || !page.IsTruncated) break;
    marker = { KeyMarker: page.NextKeyMarker, VersionIdMarker: page.NextVersionIdMarker };
  }
  const copies: string[] = [];
  for (const versionId of newerFirst.reverse()) {
    const head = await probe.s3.send(
      new HeadObjectCommand({ Bucket: probe.bucket, Key: key, VersionId: versionId }),
    );
    if (head.ServerSideEncryption !== 'aws:kms' || head.SSEKMSKeyId !== probe.keyArn) break;
    copies.push(versionId);
  }
  return copies;
}
