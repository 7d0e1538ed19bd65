// One timestamp format for people (shared/format/time.ts). What a person reads goes through
// formatTime; what a machine reads keeps ISO 8601. This fails when a display path formats a time
// another way: toLocaleString on a Date, toLocaleDateString/TimeString, its own
// Intl.DateTimeFormat, toISOString() in a sentence or in a display module, or a stored ISO time
// (createdAt, readAt, checkedAt…) interpolated as it is. The sandbox answers as AWS does and is left
// out. A line that writes ISO 8601 for a machine on purpose says "ISO 8601" in a comment on it or
// on the line above.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['electron', 'renderer', 'shared'];
const SKIP = [join('electron', 'sandbox'), join('shared', 'format', 'time.ts')];
// Modules whose whole output is for people: the UI, the exports, the CLI's tables and sentences.
const DISPLAY = [
  'renderer',
  join('shared', 'plans', 'render'),
  join('electron', 'cli'),
  join('electron', 'core', 'diagnostics', 'report-html.ts'),
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (SKIP.some((skip) => path === skip)) return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const ANYWHERE = [
  /Date\([^)]*\)\.toLocaleString\(/,
  /\.toLocale(Date|Time)String\(/,
  /Intl\.DateTimeFormat/,
  // An ISO time inside a sentence: `... ${new Date(x).toISOString()} ...`
  /\$\{[^}]*\.toISOString\(\)/,
  // A stored time (createdAt, creationDate…) put in a sentence as it is: `undone at ${entry.undoneAt}`
  /\$\{[\w.?!]+(At|Date)( \?\? [^}]*)?\}/,
];
const IN_DISPLAY = [
  /\.toISOString\(\)/,
  // A stored ISO time shown as it is: `${plan.createdAt}`, {report.generatedAt}, cell: (f) => f.readAt
  /\$\{[\w.?!]+At\}/,
  /[{(]\s*[\w.?!]+\.\w+At\s*\}/,
  /=>\s*[\w.?!]+\.\w+At\s*[,}]/,
];

interface Hit {
  readonly file: string;
  readonly line: number;
}

function hits(file: string): Hit[] {
  const display = DISPLAY.some((d) => file === d || file.startsWith(`${d}/`));
  const lines = readFileSync(file, 'utf8').split('\n');
  return lines.flatMap((text, i) => {
    if (/^\s*(\/\/|\*)/.test(text)) return [];
    if (/ISO 8601/.test(text) || /ISO 8601/.test(lines[i - 1] ?? '')) return [];
    const patterns = display ? [...ANYWHERE, ...IN_DISPLAY] : ANYWHERE;
    return patterns.some((p) => p.test(text)) ? [{ file, line: i + 1 }] : [];
  });
}

describe('one timestamp format', () => {
  it('formats every time shown to a person with shared/format/time.ts', () => {
    const found = ROOTS.flatMap(sources).flatMap(hits);
    expect(found.map((h) => `${h.file}:${h.line}`)).toEqual([]);
  });

  it('catches the ways a time was shown before', () => {
    const sample = [
      'const a = new Date(ms).toLocaleString();',
      'const b = `scanned ${new Date(at).toISOString()}`;',
      "const c = { label: 'Made', value: `${plan.createdBy} at ${plan.createdAt}` };",
      "{ id: 'readAt', header: 'Read at', cell: (f) => f.readAt },",
      '<span>({drift.report.checkedAt})</span>',
      "const d = `${i.id} (${i.creationDate ?? '?'})`;",
    ];
    for (const text of sample) {
      expect(
        [...ANYWHERE, ...IN_DISPLAY].some((p) => p.test(text)),
        text,
      ).toBe(true);
    }
    expect(IN_DISPLAY.some((p) => p.test('cell: (f) => formatTime(f.readAt) },'))).toBe(false);
  });
});
