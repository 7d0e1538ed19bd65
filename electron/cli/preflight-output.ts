// The preflight as the CLI prints it under a plan (--dry-run): its date, who it asked as, one row per
// call with how it was answered, and for a refusal the reason or the command that decodes it.
import { preflightSummary, type Preflight } from '../../shared/domain/preflight';
import { formatTime } from '../../shared/format/time';
import { printTable } from './output';

const METHOD: Record<Preflight['rows'][number]['method'], string> = {
  'dry-run': 'DryRun',
  'key-policy-analysis': 'key-policy analysis',
  simulation: 'IAM simulation',
};

export function printPreflight(preflight: Preflight | undefined): void {
  if (!preflight) return;
  process.stdout.write(
    `\nPreflight ${formatTime(preflight.checkedAt)} as ${preflight.checkedAs}: ${preflightSummary(preflight)}\n`,
  );
  printTable(
    preflight.rows.map((r) => ({
      call: r.call,
      on: r.target,
      result: r.result === 'could-not-check' ? 'could not check' : r.result.toUpperCase(),
      how: METHOD[r.method],
      why: [r.reason, r.note].filter(Boolean).join(' — '),
    })),
  );
  for (const r of preflight.rows.filter((x) => x.decodeCommand))
    process.stdout.write(`\n${r.call}: decode the refusal with\n  ${r.decodeCommand ?? ''}\n`);
}
