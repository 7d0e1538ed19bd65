// Which of the objects read are copied and which are left, with why. Without versions each listed
// object is a current version and stands alone. With versions the engine copies a key's versions
// oldest first so that the copy of the current version ends current; so when the current version
// cannot be copied (SSE-C, archived, Object Lock) none of that key's versions is, or an older one's
// copy would become current; and a current version already under the key is copied again when
// older versions are, to stay on top.
import type { PlannedObject, SkippedObject } from '../../../shared/domain/s3-encrypt';
import { skipOf, type HeadedObject } from './object-head';

export interface Selection {
  readonly copies: HeadedObject[];
  readonly skipped: SkippedObject[];
}

const skipped = (o: HeadedObject, reason: SkippedObject['reason'], detail: string): SkippedObject => ({
  key: o.key,
  ...(o.versionId ? { versionId: o.versionId } : {}),
  reason,
  detail,
});

function selectKey(versions: readonly HeadedObject[], out: Selection): void {
  const current = versions.find((v) => v.isLatest);
  const currentSkip = current ? skipOf(current, true) : undefined;
  const older = versions.filter((v) => v !== current);
  const olderToCopy = older.filter((v) => !skipOf(v, true));
  if (current && currentSkip && currentSkip.reason !== 'already-target') {
    for (const v of versions) {
      const own = skipOf(v, true);
      out.skipped.push(
        v === current
          ? skipped(v, currentSkip.reason, currentSkip.detail)
          : skipped(
              v,
              own?.reason ?? currentSkip.reason,
              own?.detail ??
                `an older version of a key whose current version is not copied (${currentSkip.detail}): its copy would become current`,
            ),
      );
    }
    return;
  }
  for (const v of older) {
    const own = skipOf(v, true);
    if (own) out.skipped.push(skipped(v, own.reason, own.detail));
    else out.copies.push(v);
  }
  if (!current) return;
  if (!currentSkip || olderToCopy.length > 0) out.copies.push(current);
  else out.skipped.push(skipped(current, currentSkip.reason, currentSkip.detail));
}

export function selectObjects(headed: readonly HeadedObject[], includeVersions: boolean): Selection {
  const out: Selection = { copies: [], skipped: [] };
  if (!includeVersions) {
    for (const o of headed) {
      const skip = skipOf(o, false);
      if (skip) out.skipped.push(skipped(o, skip.reason, skip.detail));
      else out.copies.push(o);
    }
    return out;
  }
  // The listing gives each key's versions together, oldest first.
  const byKey = new Map<string, HeadedObject[]>();
  for (const o of headed) {
    const versions = byKey.get(o.key);
    if (versions) versions.push(o);
    else byKey.set(o.key, [o]);
  }
  for (const versions of byKey.values()) selectKey(versions, out);
  return out;
}

export function plannedObject(o: HeadedObject): PlannedObject {
  return {
    key: o.key,
    ...(o.versionId ? { versionId: o.versionId } : {}),
    size: o.size,
    storageClass: o.storageClass,
    encryption: o.encryption,
    ...(o.etag ? { etag: o.etag } : {}),
  };
}
