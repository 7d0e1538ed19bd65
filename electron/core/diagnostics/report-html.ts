// The diagnostics report as one self-contained, printable HTML page: inline CSS only, no script,
// no remote resource (fonts, images, links to load), severity colours and a summary table. Every
// value is HTML-escaped and passed through the log redactor, so the page can hold no secret even
// if an error message carried one. The JSON form is the report itself, redacted the same way.
import {
  checkTitles,
  severities,
  type DiagnosticsReport,
  type Finding,
  type Severity,
} from '../../../shared/domain/diagnostics';
import { formatTime } from '../../../shared/format/time';
import { evidenceRows, intendedSourceLabels } from '../../../shared/labels/evidence';
import { redactText, redactValue } from '../log/redact';

const COLOURS: Readonly<Record<Severity, { bg: string; fg: string }>> = {
  critical: { bg: '#7d1a1a', fg: '#ffffff' },
  high: { bg: '#d13212', fg: '#ffffff' },
  medium: { bg: '#f89256', fg: '#16191f' },
  low: { bg: '#f2cd54', fg: '#16191f' },
  info: { bg: '#8fb8de', fg: '#16191f' },
};

const escape = (value: string | number | boolean | null | undefined): string =>
  redactText(value === null || value === undefined ? '' : String(value))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const badge = (s: Severity): string => `<span class="sev sev-${s}">${s}</span>`;

const CSS = `
body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#16191f;margin:24px;line-height:1.45}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d5dbdb}
h3{font-size:15px;margin:0 0 6px}.meta{color:#5f6b7a;font-size:13px}
table{border-collapse:collapse;font-size:13px;margin:6px 0}th,td{border:1px solid #d5dbdb;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f2f3f3}.sev{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;text-transform:uppercase}
${severities.map((s) => `.sev-${s}{background:${COLOURS[s].bg};color:${COLOURS[s].fg}}`).join('')}
.finding{border:1px solid #d5dbdb;border-left-width:6px;border-radius:4px;padding:10px 14px;margin:12px 0;page-break-inside:avoid}
${severities.map((s) => `.finding.sev-border-${s}{border-left-color:${COLOURS[s].bg}}`).join('')}
pre{background:#f4f4f4;padding:8px;overflow-x:auto;font-size:12px;white-space:pre-wrap;word-break:break-all}
.label{font-weight:600}code{font-size:12px}
@media print{body{margin:0}.finding{break-inside:avoid}}
`;

function summaryTable(report: DiagnosticsReport): string {
  const checks = [...new Set(report.findings.map((f) => f.check))];
  const head = `<tr><th>Check</th>${severities.map((s) => `<th>${badge(s)}</th>`).join('')}<th>Total</th></tr>`;
  const rows = checks.map((c) => {
    const of = report.findings.filter((f) => f.check === c);
    return `<tr><td>${escape(checkTitles[c])}</td>${severities.map((s) => `<td>${of.filter((f) => f.severity === s).length}</td>`).join('')}<td>${of.length}</td></tr>`;
  });
  const total = `<tr><th>All checks</th>${severities.map((s) => `<th>${report.summary[s]}</th>`).join('')}<th>${report.findings.length}</th></tr>`;
  return `<table>${head}${rows.join('')}${total}</table>`;
}

// Evidence under labels in words, times in the one display format; a finding is named by its
// title, never by its internal id (the JSON form keeps the ids for tools).
function findingHtml(f: Finding, all: readonly Finding[]): string {
  const evidence = evidenceRows(f, all)
    .map(({ label, value }) => `<tr><th>${escape(label)}</th><td>${escape(value)}</td></tr>`)
    .join('');
  return `<div class="finding sev-border-${f.severity}">
<h3>${badge(f.severity)} ${escape(f.title)}</h3>
<div class="meta">${escape(checkTitles[f.check])} · ${escape(f.region)}</div>
<p><span class="label">Resources:</span> ${f.resources.map((r) => `<code>${escape(r)}</code>`).join(', ')}</p>
<table>${evidence}</table>
<p><span class="label">Why it matters:</span> ${escape(f.why)}</p>
<p><span class="label">Fix:</span> ${escape(f.fix.text)}</p>
${f.fix.statements ? `<pre>${escape(f.fix.statements)}</pre>` : ''}
</div>`;
}

export function reportHtml(report: DiagnosticsReport): string {
  const errors = report.errors.length
    ? `<h2>Reads that failed</h2><table><tr><th>Region</th><th>What</th><th>Code</th><th>Message</th></tr>${report.errors
        .map(
          (e) =>
            `<tr><td>${escape(e.region)}</td><td>${escape(e.what)}</td><td>${escape(e.code)}</td><td>${escape(e.message)}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  const intended = Object.entries(report.intended)
    .map(
      ([r, k]) =>
        `<tr><td>${escape(r)}</td><td>${escape(k.ebsKey ?? '—')}</td><td>${escape(k.s3Key ?? '—')}</td><td>${escape(k.source ? intendedSourceLabels[k.source] : '')}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Envelope diagnostics — ${escape(report.account)}</title>
<style>${CSS}</style></head>
<body>
<h1>Envelope diagnostics</h1>
<div class="meta">Account ${escape(report.account)} · profile ${escape(report.profile)} · caller ${escape(report.caller)} · regions ${escape(report.regions.join(', '))} · generated ${escape(formatTime(report.generatedAt))}</div>
<h2>Summary</h2>
${summaryTable(report)}
<h2>Intended keys</h2>
<table><tr><th>Region</th><th>EBS key</th><th>S3 key</th><th>From</th></tr>${intended}</table>
<p class="meta">Bucket prefixes: ${escape(report.bucketPrefixes.join(', '))}</p>
<h2>Findings</h2>
${report.findings.length ? report.findings.map((f) => findingHtml(f, report.findings)).join('\n') : '<p>No findings.</p>'}
${errors}
</body></html>
`;
}

export function reportJson(report: DiagnosticsReport): string {
  return `${JSON.stringify(redactValue(report), null, 2)}\n`;
}
