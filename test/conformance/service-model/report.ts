// What the conformance test prints: one row per (service, operation) with the number of answers
// checked (successes and errors) and the result, then every mismatch with where and what the
// model says.
import type { RawAnswer } from './answer';
import type { AnswerCheck } from './check-answer';

export interface CheckedAnswer {
  readonly answer: RawAnswer;
  readonly check: AnswerCheck;
}

export interface ReportRow {
  readonly service: string;
  readonly operation: string;
  readonly successes: number;
  readonly errors: number;
  readonly errorCodes: readonly string[];
  readonly mismatches: number;
  // Members newer than the CLI's model seen in these answers (<shape>.<member>).
  readonly newer: readonly string[];
}

export function summarize(checked: readonly CheckedAnswer[]): ReportRow[] {
  const rows = new Map<string, ReportRow & { errorCodes: string[]; newer: string[] }>();
  for (const { answer, check } of checked) {
    const key = `${answer.service} ${answer.operation}`;
    const row = rows.get(key) ?? {
      service: answer.service,
      operation: answer.operation,
      successes: 0,
      errors: 0,
      errorCodes: [],
      mismatches: 0,
      newer: [],
    };
    const code = check.errorCode;
    rows.set(key, {
      ...row,
      successes: row.successes + (check.outcome === 'success' ? 1 : 0),
      errors: row.errors + (check.outcome === 'error' ? 1 : 0),
      errorCodes: code && !row.errorCodes.includes(code) ? [...row.errorCodes, code] : row.errorCodes,
      mismatches: row.mismatches + check.mismatches.length,
      newer: [...new Set([...row.newer, ...(check.newer ?? [])])],
    });
  }
  return [...rows.values()].sort((a, b) =>
    `${a.service} ${a.operation}`.localeCompare(`${b.service} ${b.operation}`),
  );
}

export function formatTable(rows: readonly ReportRow[]): string {
  const lines = rows.map((row) => [
    row.service,
    row.operation,
    String(row.successes),
    row.errors === 0 ? '0' : `${row.errors} (${row.errorCodes.join(', ')})`,
    row.mismatches === 0 ? 'ok' : `${row.mismatches} mismatch${row.mismatches === 1 ? '' : 'es'}`,
    row.newer.join(', '),
  ]);
  const header = [
    'service',
    'operation',
    'answers ok',
    'error answers (codes)',
    'result',
    'newer than the model',
  ];
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => (line[i] ?? '').length)),
  );
  const render = (cells: readonly string[]): string =>
    cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
  const total = rows.reduce((sum, row) => sum + row.successes + row.errors, 0);
  return [
    render(header),
    render(widths.map((w) => '-'.repeat(w))),
    ...lines.map(render),
    `${rows.length} operations, ${total} answers checked against the AWS CLI's service models`,
  ].join('\n');
}

export function formatMismatches(checked: readonly CheckedAnswer[]): string[] {
  return checked.flatMap(({ answer, check }) =>
    check.mismatches.map(
      (m) =>
        `${answer.service} ${answer.operation} (HTTP ${answer.status}) ${m.path}: ${m.what} — model: ${m.model}`,
    ),
  );
}
