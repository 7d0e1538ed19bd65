// Reading a plan someone handed over: the text is parsed, checked against the schema, its seal
// and its signature when it has one (an unsigned plan is accepted; core says so), and either accepted or refused with ONE sentence that says what is wrong (not JSON, another
// schema, a field missing or invalid with its path, the seal). Never throws: a file from outside
// is untrusted input, so every failure, however odd, becomes a message.
import type { z } from 'zod';
import { hasValidSeal, planSchema, PLAN_SCHEMA_ID, type Plan } from './plan-document';
import { verifyPlanSignature } from './signature';

// Limits that keep a hostile file from exhausting the stack or memory before the schema sees it.
export const MAX_PLAN_BYTES = 10 * 1024 * 1024;
export const MAX_PLAN_DEPTH = 64;

export type PlanImportResult =
  { readonly ok: true; readonly plan: Plan } | { readonly ok: false; readonly problem: string };

// Unknown top-level fields are refused: a sealed plan has none (sealPlan strips them).
const strictPlanSchema = planSchema.strict();

const refuse = (problem: string): PlanImportResult => ({ ok: false, problem });

// Depth of nested arrays/objects, walked without recursion.
function depthOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    if (d > max) max = d;
    if (max > MAX_PLAN_DEPTH) return max;
    for (const child of Object.values(v as Record<string, unknown>)) stack.push([child, d + 1]);
  }
  return max;
}

const shorten = (text: string, max = 80): string => (text.length > max ? `${text.slice(0, max)}…` : text);

function pathOf(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(the document)';
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

export function describeIssue(issue: z.core.$ZodIssue): string {
  const where = pathOf(issue.path);
  if (issue.code === 'invalid_type' && issue.message.includes('received undefined')) {
    return `the field ${where} is missing`;
  }
  return `the field ${where} is invalid: ${shorten(issue.message, 160)}`;
}

// `migrate --dry-run --json` prints the plan itself; `copy-ami --dry-run --json` prints
// { plan, view }. Both are accepted as a plan file.
function unwrapPlan(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const inner = (value as Record<string, unknown>).plan;
    if (!('schema' in value) && inner && typeof inner === 'object') return inner;
  }
  return value;
}

export async function importPlanText(text: unknown): Promise<PlanImportResult> {
  try {
    if (typeof text !== 'string') return refuse('The plan file is not text.');
    if (text.length > MAX_PLAN_BYTES) {
      return refuse(
        `The plan file is too large (${text.length} bytes; a plan is at most ${MAX_PLAN_BYTES}).`,
      );
    }
    if (text.trim() === '') return refuse('The plan file is empty.');
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : 'unreadable';
      return refuse(`The plan file is not JSON (${shorten(reason ?? 'unreadable')}); it may be truncated.`);
    }
    return await importPlanValue(raw);
  } catch {
    return refuse('The plan file could not be read as a plan document.');
  }
}

export async function importPlanValue(value: unknown): Promise<PlanImportResult> {
  try {
    const raw = unwrapPlan(value);
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      return refuse(
        `The plan file holds ${Array.isArray(raw) ? 'an array' : typeof raw === 'object' ? 'null' : `a ${typeof raw}`}, not a plan document.`,
      );
    }
    if (depthOf(raw) > MAX_PLAN_DEPTH) {
      return refuse(`The plan document is nested too deeply (more than ${MAX_PLAN_DEPTH} levels).`);
    }
    const schema = (raw as Record<string, unknown>).schema;
    if (schema !== PLAN_SCHEMA_ID) {
      return refuse(
        schema === undefined
          ? `This is not an Envelope plan: it has no "schema" field (expected "${PLAN_SCHEMA_ID}").`
          : `This plan has schema ${shorten(JSON.stringify(schema) ?? 'unreadable')}; this version of Envelope reads "${PLAN_SCHEMA_ID}".`,
      );
    }
    const parsed = strictPlanSchema.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues;
      const first = issues[0];
      const more =
        issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
      return refuse(`The plan is not valid: ${first ? describeIssue(first) : 'unknown problem'}${more}.`);
    }
    if (!(await hasValidSeal(parsed.data))) {
      return refuse(
        'The plan was changed after it was made: its SHA-256 seal does not match its content. Ask for the original file or plan again.',
      );
    }
    const signature = parsed.data.signature;
    if (signature) {
      const verdict = await verifyPlanSignature({ ...parsed.data, signature });
      if (verdict !== 'ok') {
        return refuse(
          verdict === 'fingerprint'
            ? `The plan's signature block is inconsistent: its fingerprint ${signature.fingerprint.slice(0, 19)}… is not that of its public key; ask the signer for the original file.`
            : `The plan's signature does not match its content: it was changed after ${signature.fingerprint.slice(0, 19)}… signed it; ask the signer for the original file.`,
        );
      }
    }
    return { ok: true, plan: parsed.data };
  } catch {
    return refuse('The plan document could not be checked (it is malformed).');
  }
}
