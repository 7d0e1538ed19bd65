// The HTML report is self-contained and printable: no <script>, no remote resource, no secret.
import { describe, expect, it } from 'vitest';
import { countBySeverity, type DiagnosticsReport, type Finding } from '../../../shared/domain/diagnostics';
import { reportHtml, reportJson } from '../../../electron/core/diagnostics/report-html';
import { registerSecret } from '../../../electron/core/log/redact';

const SECRET = 'sandbox/K7MDENG/bPxRfiCYSANDBOXSECRETKEY';

const finding: Finding = {
  id: 'key-policy:us-west-2:arn:key:ec2-via-service',
  check: 'key-policy',
  severity: 'high',
  title: 'Key <script>alert(1)</script> lacks the EC2 statement',
  region: 'us-west-2',
  resources: ['arn:aws:kms:us-west-2:123456789012:key/abc'],
  evidence: { 'kms:Decrypt': 'refused: no statement allows it', leaked: `aws_secret_access_key=${SECRET}` },
  why: 'EBS cannot use the key.',
  fix: { text: 'Add the statement.', statements: '[{"Sid": "x"}]' },
};

const report: DiagnosticsReport = {
  schema: 'envelope.diagnostics/v1',
  generatedAt: '2026-01-01T00:00:00.000Z',
  profile: 'sandbox',
  account: '123456789012',
  caller: 'arn:aws:iam::123456789012:user/sandbox-admin',
  regions: ['us-west-2'],
  intended: { 'us-west-2': { ebsKey: 'alias/avi-cmk', source: 'user' } },
  bucketPrefixes: ['avi-se-'],
  findings: [finding, { ...finding, id: 'x', severity: 'info', title: 'info one' }],
  summary: countBySeverity([finding, { ...finding, severity: 'info' }]),
  errors: [{ region: 'us-west-2', what: 'buckets', code: 'AccessDenied', message: `token ${SECRET}` }],
};

describe('reportHtml', () => {
  registerSecret(SECRET);
  const html = reportHtml(report);

  it('has no script, no remote resource, and inline CSS only', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<link/i);
    expect(html).toMatch(/<style>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('holds no secret', () => {
    expect(html).not.toContain(SECRET);
    expect(reportJson(report)).not.toContain(SECRET);
  });

  it('has a summary table with severity colours and every finding with its statements', () => {
    expect(html).toMatch(/\.sev-critical\{background:#[0-9a-f]{6}/);
    expect(html).toContain('<h2>Summary</h2>');
    expect(html).toContain('<th>All checks</th>');
    expect(html).toContain('info one');
    expect(html).toContain('[{&quot;Sid&quot;: &quot;x&quot;}]');
  });
});

describe('reportHtml in words', () => {
  const related: Finding = {
    ...finding,
    id: 'ebs-default:us-west-2:ebs-default/us-west-2:mismatch',
    check: 'ebs-default',
    title: 'The default EBS key is not the application’s key',
    evidence: { defaultKeyArn: 'arn:aws:kms:us-west-2:123456789012:key/def', encryptionByDefault: false },
  };
  const repeated: Finding = {
    ...finding,
    id: 'repeated-images:us-west-2:ami-1:avi-se-',
    check: 'repeated-images',
    title: '3 AMIs named avi-se-… created within 2 h',
    evidence: {
      keyArn: 'arn:aws:kms:us-west-2:123456789012:key/abc',
      firstCreated: '2026-12-04T01:23:45.000Z',
      relatedFinding: related.id,
    },
  };
  const saved = process.env.TZ;
  process.env.TZ = 'Europe/Berlin';
  const html = reportHtml({
    ...report,
    findings: [related, repeated],
    summary: countBySeverity([related, repeated]),
  });
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;

  it('labels evidence in words and shows times in the one display format', () => {
    expect(html).toContain('<th>Key ARN</th>');
    expect(html).toContain('<th>Default EBS key ARN</th>');
    expect(html).toContain('<th>EBS encryption by default</th><td>no</td>');
    expect(html).toContain('<th>First created</th><td>4 Dec 2026, 02:23:45 CET</td>');
    expect(html).toContain('generated 1 Jan 2026, 01:00:00 CET');
    expect(html).not.toMatch(/<th>[a-z]+[A-Z]\w*<\/th>/);
    expect(html).toContain('<td>set by you</td>');
  });

  it('names a related finding by its title and shows no internal finding id', () => {
    expect(html).toContain(
      '<th>Related finding</th><td>The default EBS key is not the application’s key</td>',
    );
    expect(html).not.toContain(related.id);
    expect(html).not.toContain(repeated.id);
  });
});
