// includeVersions: once every version of a key has been copied under the key (oldest first, so the
// copies keep the history's order and the copy of the current version ends current), the original
// versions are deleted by version id. "To permanently delete versioned objects, you must use
// DELETE Object versionId" (S3 user guide, "Deleting object versions from a versioning-enabled
// bucket"): no delete marker, no way back, which the plan's `changes` says. Never a version whose
// key has a copy that failed (the key's originals all stay), and never one under Object Lock
// retention or legal hold: S3 refuses it (AccessDenied, "Access Denied because object protected by
// object lock"), and the version is kept with the reason.
import { DeleteObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { PlannedObject } from '../../../../shared/domain/s3-encrypt';
import type { LocalJournalRecord } from '../engine';
import { errorName } from './copy-failure';
import type { LocalRunState } from './run-state';

function keptBecause(error: unknown): string {
  const message = (error as { message?: string }).message ?? '';
  if (/object lock/i.test(message))
    return 'Copied under the key; the original version is kept: it is under Object Lock retention or legal hold.';
  if (errorName(error) === 'AccessDenied')
    return `Copied under the key; the original version is kept: S3 refused to delete it (${message}); the identity needs s3:DeleteObjectVersion.`;
  return `Copied under the key; the original version is kept: S3 refused to delete it (${errorName(error)}: ${message}).`;
}

export async function deleteOriginals(
  s3: S3Client,
  bucket: string,
  objects: readonly PlannedObject[],
  indexes: readonly number[],
  state: LocalRunState,
  record: (r: LocalJournalRecord) => void,
): Promise<void> {
  if (!indexes.every((i) => state.isDone(i))) return;
  for (const i of indexes) {
    const object = objects[i];
    if (!object?.versionId || state.originals.has(i)) continue;
    try {
      await s3.send(
        new DeleteObjectCommand({ Bucket: bucket, Key: object.key, VersionId: object.versionId }),
      );
      record({ t: 'deleted', i });
    } catch (error) {
      record({ t: 'kept', i, reason: keptBecause(error) });
    }
  }
}
