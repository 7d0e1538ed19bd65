// How every command prints: a table for people by default, JSON with --json, and errors as one
// line on stderr with a non-zero exit code.
import type { ApiError } from '../../shared/ipc/channel';
import { wordsOf } from '../../shared/labels/words';
import { toApiError } from '../core/errors/to-api-error';
import { log } from '../core/log';

export interface OutputOptions {
  readonly json?: boolean;
}

export type Row = Readonly<Record<string, string | number | boolean | undefined>>;

export function printTable(rows: readonly Row[], columns?: readonly string[]): void {
  if (rows.length === 0) {
    process.stdout.write('(none)\n');
    return;
  }
  const names = columns ?? Object.keys(rows[0] ?? {});
  const cell = (row: Row, name: string) => String(row[name] ?? '');
  // Column names are the rows' keys (camelCase, as --json prints them); the header says them in words.
  const headers = names.map((name) => wordsOf(name).toUpperCase());
  const widths = names.map((name, i) =>
    Math.max(headers[i]?.length ?? 0, ...rows.map((row) => cell(row, name).length)),
  );
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const out = [line(headers), ...rows.map((row) => line(names.map((n) => cell(row, n))))];
  process.stdout.write(`${out.join('\n')}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function print(options: OutputOptions, value: unknown, asTable: () => void): void {
  if (options.json) printJson(value);
  else asTable();
}

export function describeError(error: ApiError): string {
  return error.hint ? `${error.message} ${error.hint}` : error.message;
}

// Ends the process with a one-line reason: the error's code (what a script can match on), its
// message and what to do.
export function fail(error: unknown): never {
  const apiError = toApiError(error);
  // "internal" sends the reader to the log file: the details must be in it (redacted).
  if (apiError.code === 'internal') log.error('envelope command failed', error);
  process.stderr.write(`envelope: ${apiError.code}: ${describeError(apiError)}\n`);
  process.exit(1);
}
