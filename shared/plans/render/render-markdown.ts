// The plan as Markdown for a change board: summary, facts, steps and rollback as tables, and the
// timeline as text bars.
import type { Plan } from '../plan-document';
import { FACT_HEADERS, factRows, FIELD_HEADERS, planFieldRows, STEP_HEADERS, stepRows } from './plan-rows';
import { formatSeconds, timelineOf } from './timeline';
import { PREFLIGHT_HEADERS, preflightHeadline, preflightRows } from './preflight-section';
import { s3EncryptSections, type ViewSection } from './s3-encrypt-view';

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

// A plan view's section (s3-encrypt): heading, sentences, list, table and fenced policies.
const sectionLines = (section: ViewSection): string[] => [
  `## ${section.title}`,
  '',
  ...section.paragraphs.flatMap((p) => [cell(p), '']),
  ...(section.list && section.list.length > 0 ? [...section.list.map((l) => `- ${cell(l)}`), ''] : []),
  ...(section.table && section.table.rows.length > 0
    ? [
        table(
          [...section.table.headers],
          section.table.rows.map((r) => [...r]),
        ),
        '',
      ]
    : []),
  ...(section.code ?? []).flatMap((c) => [
    `${c.label}:`,
    '',
    '```json',
    c.text.replace(/`{3,}/g, ''),
    '```',
    '',
  ]),
];

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
    table(FIELD_HEADERS, planFieldRows(plan)),
    '',
    ...s3EncryptSections(plan).flatMap(sectionLines),
    '## Warnings',
    '',
    ...(plan.warnings.length > 0 ? plan.warnings.map((w) => `- ${w}`) : ['- none']),
    '',
    '## Preflight',
    '',
    preflightHeadline(plan),
    ...(plan.preflight ? ['', table(PREFLIGHT_HEADERS, preflightRows(plan))] : []),
    '',
    '## Facts the plan relied on',
    '',
    table(FACT_HEADERS, factRows(plan)),
    '',
    '## Steps',
    '',
    table(STEP_HEADERS, stepRows(plan.steps)),
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
    table(STEP_HEADERS, stepRows(plan.rollback)),
    '',
  ].join('\n');
}
