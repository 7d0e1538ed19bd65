// Images of one name prefix created again and again: the name minus its trailing unique part (a
// UUID, a timestamp, a long hex or digit run), grouped, then split where two creations are further
// apart than the window. Shared by the repeated-images check and the default-key check.
import type { ImageRecord } from '../../../../shared/domain/inventory';

export interface RepeatedGroup {
  readonly prefix: string;
  readonly images: readonly ImageRecord[]; // oldest first
  readonly keys: readonly string[]; // distinct snapshot keys as keyOf names them ('' = unencrypted)
}

const UNIQUE_TAIL =
  /[-_.: ]?(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-?\d{2}-?\d{2}(?:[T_-]?\d{2}[:-]?\d{2}(?:[:-]?\d{2})?(?:\.\d+)?Z?)?|[0-9a-f]{12,}|\d{8,})$/i;

export function namePrefix(name: string): string {
  const stripped = name.replace(UNIQUE_TAIL, '');
  return stripped === '' ? name : stripped;
}

// How a group names a key: the key ARN of the one key a reference stands for (check-input's
// resolvedArn), so two forms of one key never count as two keys.
export type KeyOf = (ref: string) => string | undefined;
const asWritten: KeyOf = (ref) => ref;

// An image's distinct snapshot keys: '' unencrypted, UNKNOWN_KEY when its snapshot could not be read.
export const UNKNOWN_KEY = 'unknown key';

export function imageKeys(image: ImageRecord, keyOf: KeyOf = asWritten): string[] {
  const keys = image.blockDevices
    .filter((d) => d.snapshotId !== undefined)
    .map((d) =>
      d.encrypted ? ((d.kmsKeyId ? keyOf(d.kmsKeyId) : undefined) ?? d.kmsKeyId ?? UNKNOWN_KEY) : '',
    );
  return [...new Set(keys)];
}

const created = (i: ImageRecord): number => (i.creationDate ? Date.parse(i.creationDate) : Number.NaN);

export function repeatedGroups(
  images: readonly ImageRecord[],
  windowHours: number,
  keyOf: KeyOf = asWritten,
): RepeatedGroup[] {
  const byPrefix = new Map<string, ImageRecord[]>();
  for (const image of images) {
    if (!image.owned || Number.isNaN(created(image))) continue;
    const prefix = namePrefix(image.name);
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), image]);
  }
  const windowMs = windowHours * 3_600_000;
  const groups: RepeatedGroup[] = [];
  for (const [prefix, list] of byPrefix) {
    const sorted = [...list].sort((a, b) => created(a) - created(b));
    let run: ImageRecord[] = [];
    const flush = () => {
      const keys = [...new Set(run.flatMap((i) => imageKeys(i, keyOf)))];
      if (run.length >= 3) groups.push({ prefix, images: run, keys });
      run = [];
    };
    for (const image of sorted) {
      const last = run[run.length - 1];
      if (last && created(image) - created(last) > windowMs) flush();
      run.push(image);
    }
    flush();
    // Under different keys at any distance: the application rebuilt an image it did not accept.
    const allKeys = [...new Set(sorted.flatMap((i) => imageKeys(i, keyOf)))];
    const covered = groups.some((g) => g.prefix === prefix && g.images.length === sorted.length);
    if (sorted.length >= 2 && allKeys.length > 1 && !covered)
      groups.push({ prefix, images: sorted, keys: allKeys });
  }
  return groups;
}
