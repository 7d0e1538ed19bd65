// The plan as one self-contained HTML page for review: inline CSS, no script, no remote resource,
// every value escaped; the timeline is an inline SVG with a bar per step and the downtime window
// shaded. A plan holds no secret, so the page holds none either.
import type { Plan } from '../plan-document';
import { FACT_HEADERS, factRows, FIELD_HEADERS, planFieldRows, STEP_HEADERS, stepRows } from './plan-rows';
import { formatSeconds, timelineOf, type Timeline } from './timeline';
import { PREFLIGHT_HEADERS, preflightHeadline, preflightRows } from './preflight-section';
import { s3EncryptSections, type ViewSection } from './s3-encrypt-view';

export const escapeHtml = (value: unknown): string =>
  String(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const CSS = `body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#16191f}
table{border-collapse:collapse;margin:0.5rem 0 1.5rem}td,th{border:1px solid #d5dbdb;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f2f3f3}code{font-family:ui-monospace,monospace;font-size:12px}.warn{color:#8d6605}
.online{fill:#0972d3}.downtime{fill:#d91515}.verify{fill:#037f0c}.precheck,.cleanup{fill:#5f6b7a}.window{fill:#fde8e8}`;

function svgTimeline(t: Timeline): string {
  const rowH = 22;
  const labelW = 360;
  const barW = 480;
  const height = t.steps.length * rowH + 30;
  const scale = t.total > 0 ? barW / t.total : 0;
  const x = (s: number) => labelW + s * scale;
  const window = t.downtime
    ? `<rect class="window" x="${x(t.downtime.start).toFixed(1)}" y="0" width="${Math.max(1, (t.downtime.end - t.downtime.start) * scale).toFixed(1)}" height="${height - 20}"><title>downtime window</title></rect>`
    : '';
  const rows = t.steps
    .map((s, i) => {
      const y = i * rowH + 4;
      const w = Math.max(2, (s.end - s.start) * scale);
      return `<text x="0" y="${y + 14}" font-size="12">${escapeHtml(s.step.title.slice(0, 55))}</text><rect class="${s.step.phase}" x="${x(s.start).toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="16"><title>${escapeHtml(`${s.step.title}: ${formatSeconds(s.end - s.start)}`)}</title></rect>`;
    })
    .join('');
  const axis = `<text x="${labelW}" y="${height - 6}" font-size="11">0</text><text x="${labelW + barW}" y="${height - 6}" font-size="11" text-anchor="end">${escapeHtml(formatSeconds(t.total))}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${labelW + barW + 10}" height="${height}" role="img" aria-label="timeline">${window}${rows}${axis}</svg>`;
}

function table(headers: string[], rows: unknown[][]): string {
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

// A plan view's section (s3-encrypt): heading, sentences, list, table and policies as <pre>.
const sectionHtml = (section: ViewSection): string =>
  [
    `<h2>${escapeHtml(section.title)}</h2>`,
    ...section.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    section.list && section.list.length > 0
      ? `<ul>${section.list.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`
      : '',
    section.table && section.table.rows.length > 0
      ? table(
          [...section.table.headers],
          section.table.rows.map((r) => [...r]),
        )
      : '',
    ...(section.code ?? []).map(
      (c) => `<p>${escapeHtml(c.label)}:</p><pre><code>${escapeHtml(c.text)}</code></pre>`,
    ),
  ].join('\n');

export function renderHtml(plan: Plan): string {
  const t = timelineOf(plan);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(plan.title)}</title><style>${CSS}</style></head><body>
<h1>${escapeHtml(plan.title)}</h1>
${table(FIELD_HEADERS, planFieldRows(plan))}
${s3EncryptSections(plan).map(sectionHtml).join('\n')}
<h2>Warnings</h2><ul>${plan.warnings.map((w) => `<li class="warn">${escapeHtml(w)}</li>`).join('') || '<li>none</li>'}</ul>
<h2>Preflight</h2><p>${escapeHtml(preflightHeadline(plan))}</p>
${plan.preflight ? table(PREFLIGHT_HEADERS, preflightRows(plan)) : ''}
<h2>Timeline</h2>
<p>Bars: blue online, red downtime, green verification; the shaded band is the downtime window${t.downtime ? ` (${escapeHtml(formatSeconds(t.downtime.end - t.downtime.start))})` : ''}.</p>
${svgTimeline(t)}
<h2>Steps</h2>
${table(STEP_HEADERS, stepRows(plan.steps))}
<h2>Rollback</h2>
${table(STEP_HEADERS, stepRows(plan.rollback))}
<h2>Facts the plan relied on</h2>
${table(FACT_HEADERS, factRows(plan))}
</body></html>
`;
}
