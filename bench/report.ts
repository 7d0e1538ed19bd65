// One table for every benchmark: figure and target side by side.
export interface BenchRow {
  readonly bench: string;
  readonly metric: string;
  readonly value: string;
  readonly target: string;
  readonly ok?: boolean; // undefined: no target
}

export function printReport(rows: readonly BenchRow[]): void {
  const cells = rows.map((r) => [
    r.bench,
    r.metric,
    r.value,
    r.target,
    r.ok === undefined ? '' : r.ok ? 'met' : 'MISSED',
  ]);
  const header = ['BENCH', 'METRIC', 'FIGURE', 'TARGET', ''];
  const widths = header.map((h, i) =>
    Math.min(i === 2 ? 90 : 70, Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length))),
  );
  const line = (c: readonly string[]) =>
    c
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${[line(header), ...cells.map(line)].join('\n')}\n`);
}
