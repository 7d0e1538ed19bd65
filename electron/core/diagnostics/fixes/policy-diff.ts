// A line diff of two key policies (old and new, both pretty-printed), by longest common
// subsequence: what the fix preview shows before PutKeyPolicy. Policies are a few hundred lines at
// most (32 KiB), so the quadratic table is small.
import type { PolicyDiffLine } from '../../../../shared/domain/diagnostics';

export const prettyPolicy = (text: string): string => {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
};

export function diffLines(oldText: string, newText: string): PolicyDiffLine[] {
  const a = oldText.split('\n');
  const b = newText.split('\n');
  const table: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = table[i] as number[];
      row[j] =
        a[i] === b[j] ? (table[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(table[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const out: PolicyDiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ op: ' ', text: a[i] ?? '' });
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || (table[i]?.[j + 1] ?? 0) >= (table[i + 1]?.[j] ?? 0))) {
      out.push({ op: '+', text: b[j] ?? '' });
      j++;
    } else {
      out.push({ op: '-', text: a[i] ?? '' });
      i++;
    }
  }
  return out;
}
