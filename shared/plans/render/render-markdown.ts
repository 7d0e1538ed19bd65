// The plan as Markdown for a change board: summary, facts, steps and rollback as tables, and the
// timeline as text bars.
import type { Plan, PlanStep } from '../plan-document';
import { formatSeconds, timelineOf } from './timeline';

const cell = (value: unknown): string =>
  String(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');

function table(headers: string[], rows: unknown[][]): string {
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

const stepRows = (steps: readonly PlanStep[]) =>
  steps.map((s, i) => [i + 1, s.title, s.action, s.phase, s.region, formatSeconds(s.estimatedSeconds)]);

export function renderMarkdown(plan: Plan): string {
  const timeline = timelineOf(plan);
  const width = 40;
  const scale = timeline.total > 0 ? width / timeline.total : 0;
  const bars = timeline.steps.map((t) => {
    const from = Math.round(t.start * scale);
    const len = Math.max(1, Math.round((t.end - t.start) * scale));
    const mark = t.step.phase === 'downtime' ? '#' : '=';
    return `${' '.repeat(from)}${mark.repeat(len)}`.padEnd(width + 1) + ` ${t.step.title}`;
  });
  return [
    `# ${plan.title}`,
    '',
    table(
      ['Field', 'Value'],
      [
        ['Kind', plan.kind],
        ['Account', plan.accountId],
        ['Regions', plan.regions.join(', ')],
        ['Made by', plan.createdBy],
        ['Made at', plan.createdAt],
        ['Facts read from', plan.source === 'cache' ? 'cached inventory' : 'live AWS'],
        ['Expected downtime', formatSeconds(plan.expectedDowntimeSeconds ?? 0)],
        ['Estimated duration', formatSeconds(plan.estimatedSeconds)],
        ['Plan id', plan.id],
        ['SHA-256', plan.sha256],
      ],
    ),
    '',
    '## Warnings',
    '',
    ...(plan.warnings.length > 0 ? plan.warnings.map((w) => `- ${w}`) : ['- none']),
    '',
    '## Facts the plan relied on',
    '',
    table(
      ['Resource', 'Id', 'Region', 'Attributes', 'Read at'],
      plan.facts.map((f) => [f.resource, f.id, f.region, f.attributes, f.readAt]),
    ),
    '',
    '## Steps',
    '',
    table(['#', 'Step', 'Action', 'Phase', 'Region', 'Estimate'], stepRows(plan.steps)),
    '',
    '## Timeline (`#` = downtime)',
    '',
    '```text',
    ...bars,
    timeline.downtime
      ? `downtime window: ${formatSeconds(timeline.downtime.start)} → ${formatSeconds(timeline.downtime.end)}`
      : 'no downtime',
    '```',
    '',
    '## Rollback',
    '',
    table(['#', 'Step', 'Action', 'Phase', 'Region', 'Estimate'], stepRows(plan.rollback)),
    '',
  ].join('\n');
}
