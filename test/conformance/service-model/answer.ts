// One raw HTTP answer of the sandbox, as it crossed the wire (before any SDK parsed it), and what
// a protocol reader makes of it.
import type { ModelService, ServiceModel } from './model';
import type { Mismatch } from './shape-validator';

export interface RawAnswer {
  readonly service: ModelService;
  readonly operation: string;
  readonly method: string;
  readonly status: number;
  // Header names in lower case.
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface ReadResult {
  readonly outcome: 'success' | 'error';
  // The error code the answer carries (outcome 'error').
  readonly errorCode?: string;
  readonly mismatches: readonly Mismatch[];
  // Members the model lacks that are newer than it (newer-members.ts), as <shape>.<member>.
  readonly newer?: readonly string[];
}

// A protocol's reader: checks the envelope of an answer and validates its content against the
// operation's output (or error) shape.
export type ProtocolReader = (model: ServiceModel, answer: RawAnswer) => ReadResult;

export const isErrorStatus = (status: number): boolean => status >= 300;

// What the status says the answer is, for answers whose body could not be read.
export const outcomeOf = (answer: RawAnswer): ReadResult['outcome'] =>
  isErrorStatus(answer.status) ? 'error' : 'success';

export function envelopeMismatch(what: string, model: string, path = '(envelope)'): Mismatch {
  return { path, what, model };
}

export function expectContentType(answer: RawAnswer, expected: RegExp, model: string): Mismatch[] {
  const actual = answer.headers['content-type'] ?? '';
  return expected.test(actual)
    ? []
    : [envelopeMismatch(`content-type '${actual}'`, model, '(header) content-type')];
}
