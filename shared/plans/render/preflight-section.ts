// The plan's preflight (shared/domain/preflight.ts) for every export: its date and principal, and
// each call's answer. A plan made before the preflight existed, or offline, says it has none.
import { describeRow, preflightSummary, type PreflightRow } from '../../domain/preflight';
import { formatTime } from '../../format/time';
import type { Plan } from '../plan-document';

export const PREFLIGHT_HEADERS = ['Call', 'On', 'Result', 'How', 'Why'];

const how = (row: PreflightRow): string =>
  row.method === 'dry-run'
    ? 'DryRun'
    : row.method === 'simulation'
      ? 'IAM simulation'
      : 'key-policy analysis';

export function preflightHeadline(plan: Plan): string {
  const p = plan.preflight;
  if (!p) return 'No preflight: the calls were not asked of AWS with DryRun before this plan was exported.';
  return `Preflight ${formatTime(p.checkedAt)} as ${p.checkedAs}: ${preflightSummary(p)}.`;
}

export function preflightRows(plan: Plan): string[][] {
  return (plan.preflight?.rows ?? []).map((r) => [
    r.call,
    r.target,
    r.result === 'could-not-check' ? 'could not check' : r.result,
    how(r),
    [r.reason, r.note, r.decodeCommand].filter(Boolean).join(' — '),
  ]);
}

// Comment lines for the bash script and the SSM runbook's description.
export function preflightLines(plan: Plan): string[] {
  return [preflightHeadline(plan), ...(plan.preflight?.rows ?? []).map((r) => `- ${describeRow(r)}`)];
}
