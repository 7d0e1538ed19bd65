// An s3-encrypt plan with includeVersions as bash, as the local engine runs it: each key's
// versions copied oldest first (the plan's order), so the copies keep the history's order and the
// copy of the current version ends current; then, only if every copy of that key succeeded, its
// original versions deleted by version id. That delete is permanent ("To permanently delete
// versioned objects, you must use DELETE Object versionId", S3 user guide, "Deleting object
// versions from a versioning-enabled bucket"). S3 refuses it for a version under Object Lock
// retention or legal hold: that version is kept and said.
import type { PlannedObject } from '../../domain/s3-encrypt';
import { sq } from './shell-quote';

export const DELETE_ORIGINALS_HELPER = [
  'KEPT=0',
  'delete_originals() {',
  '  local key="$1" version',
  '  shift',
  '  if [ "$KEY_OK" != 1 ]; then',
  '    KEPT=$((KEPT + $#))',
  '    printf \'Kept the original versions of s3://%s/%s: one of its copies failed\\n\' "$BUCKET" "$key" >&2',
  '    return 0',
  '  fi',
  '  for version in "$@"; do',
  '    if ! aws s3api delete-object --region "$REGION" --bucket "$BUCKET" "--key=$key" "--version-id=$version" >/dev/null; then',
  '      KEPT=$((KEPT + 1))',
  '      printf \'Kept the original version %s of s3://%s/%s (see the error above)\\n\' "$version" "$BUCKET" "$key" >&2',
  '    fi',
  '  done',
  '}',
];

// One block per key: its copies in the plan's order, then its originals deleted.
export function versionedCopyLines(
  objects: readonly PlannedObject[],
  copyLine: (o: PlannedObject) => string,
): string[] {
  const byKey = new Map<string, PlannedObject[]>();
  for (const o of objects) byKey.set(o.key, [...(byKey.get(o.key) ?? []), o]);
  return [...byKey].flatMap(([key, versions]) => [
    'KEY_OK=1',
    ...versions.map((o) => `${copyLine(o)}; [ "$LAST_COPY_OK" = 1 ] || KEY_OK=0`),
    `delete_originals ${sq(key)} ${versions.flatMap((o) => (o.versionId ? [sq(o.versionId)] : [])).join(' ')}`,
  ]);
}
