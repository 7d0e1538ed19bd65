// The Diagnostics page over a fake window.api: findings by severity, a finding's evidence and
// generated statement, "Preview fix" → the plan and the policy diff → Apply → Undo; the report
// exported; intended keys saved and a config imported.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  countBySeverity,
  type DiagnosticsReport,
  type Finding,
  type FixJournalEntry,
} from '../../../shared/domain/diagnostics';
import type { Plan } from '../../../shared/plans/plan-document';
import { DiagnosticsPage } from '../../../renderer/pages/diagnostics-page';
import { useDiagnosticsStore } from '../../../renderer/stores/diagnostics-store';
import { installFakeApi, uninstallFakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';
import { stubMatchMedia } from '../stub-match-media';

const KEY = 'arn:aws:kms:us-west-2:123456789012:key/186ddc6d-c220-4899-b12a-965f26cb1204';
const statements = [
  {
    Sid: 'Allow access through EBS',
    Effect: 'Allow',
    Principal: { AWS: '*' },
    Action: ['kms:Decrypt'],
    Resource: '*',
  },
];
const policyFinding: Finding = {
  id: `key-policy:us-west-2:${KEY}:ec2-via-service`,
  check: 'key-policy',
  severity: 'high',
  title: 'Key alias/avi-cmk does not let EC2 use it',
  region: 'us-west-2',
  resources: [KEY],
  evidence: { key: 'alias/avi-cmk', 'kms:Decrypt': 'refused: no statement allows it' },
  why: 'EBS uses the key on behalf of whoever launches.',
  fix: {
    text: 'Add the statement.',
    statements: JSON.stringify(statements, null, 2),
    action: { type: 'add-key-policy-statements', region: 'us-west-2', keyArn: KEY, statements },
  },
};
const infoFinding: Finding = {
  ...policyFinding,
  id: 'ebs-default:us-west-2:x:aws-managed',
  check: 'ebs-default',
  severity: 'info',
  title: 'EBS default is aws/ebs',
  fix: { text: 'Nothing.' },
};
const report: DiagnosticsReport = {
  schema: 'envelope.diagnostics/v1',
  generatedAt: '2026-01-01T00:00:00.000Z',
  profile: 'sandbox',
  account: '123456789012',
  caller: 'arn:aws:iam::123456789012:user/sandbox-admin',
  regions: ['us-west-2'],
  intended: {},
  bucketPrefixes: ['avi-se-'],
  findings: [policyFinding, infoFinding],
  summary: countBySeverity([policyFinding, infoFinding]),
  errors: [],
};
const plan: Plan = {
  schema: 'envelope.plan/v1',
  id: 'fix-1',
  kind: 'diagnostic-fix',
  title: `Add 1 statement to the policy of ${KEY}`,
  accountId: '123456789012',
  regions: ['us-west-2'],
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: report.caller,
  source: 'live',
  facts: [
    {
      resource: 'key',
      id: KEY,
      region: 'us-west-2',
      attributes: { policySha256: 'abc' },
      readAt: '2026-01-01T00:00:00.000Z',
    },
  ],
  steps: [
    {
      id: 'apply',
      title: 'Put policy',
      action: 'kms:PutKeyPolicy',
      region: 'us-west-2',
      params: {},
      dependsOn: [],
      phase: 'online',
      estimatedSeconds: 2,
    },
  ],
  rollback: [
    {
      id: 'undo',
      title: 'Put the previous key policy back',
      action: 'kms:PutKeyPolicy',
      region: 'us-west-2',
      params: {},
      dependsOn: [],
      phase: 'online',
      estimatedSeconds: 2,
    },
  ],
  estimatedSeconds: 2,
  warnings: ['The key policy is replaced as a whole.'],
  input: {},
  sha256: 'a'.repeat(64),
};
const entry: FixJournalEntry = {
  id: 'fixrun-1',
  planId: 'fix-1',
  planSha256: plan.sha256,
  title: plan.title,
  region: 'us-west-2',
  fix: policyFinding.fix.action!,
  before: { type: 'add-key-policy-statements', policy: '{}' },
  appliedAt: '2026-01-01T00:01:00.000Z',
};

function install() {
  return installFakeApi({
    'diagnostics:report': () => ({ report }),
    'diagnostics:getSettings': () => ({ intended: {}, bucketPrefixes: ['avi-se-'], repeatWindowHours: 24 }),
    'diagnostics:journal': () => ({ entries: [] }),
    'diagnostics:run': () => ({ jobId: 'job-diag' }),
    'diagnostics:previewFix': () => ({
      plan,
      diff: [
        { op: ' ', text: '{' },
        { op: '+', text: '  "Sid": "Allow access through EBS"' },
      ],
    }),
    'diagnostics:applyFix': () => entry,
    'diagnostics:undoFix': () => ({ ...entry, undoneAt: '2026-01-01T00:02:00.000Z' }),
    'diagnostics:exportReport': ({ format }) => ({
      filename: `r.${format}`,
      mimeType: 'text/html',
      content: '<html></html>',
    }),
    'diagnostics:saveSettings': (s) => s,
    'diagnostics:importConfig': () => ({
      imported: { source: 'avi', ebsKey: 'alias/avi-cmk', notes: [] },
      settings: {
        intended: { 'us-east-1': { ebsKey: 'alias/avi-cmk', source: 'avi' } },
        bucketPrefixes: ['avi-se-'],
        repeatWindowHours: 24,
      },
    }),
  });
}

const initial = useDiagnosticsStore.getState();

describe('DiagnosticsPage', () => {
  beforeEach(() => {
    resetStores();
    useDiagnosticsStore.setState(initial, true);
    stubMatchMedia();
  });
  afterEach(uninstallFakeApi);

  it('shows findings, a finding’s evidence and statement, previews the fix with its diff, applies and undoes it', async () => {
    const fake = install();
    render(<DiagnosticsPage />);
    expect(await screen.findByText(policyFinding.title)).toBeTruthy();
    expect(screen.getByText(infoFinding.title)).toBeTruthy();

    const row = screen.getByText(policyFinding.title).closest('tr')!;
    await userEvent.click(within(row).getByRole('radio'));
    expect(await screen.findByText('refused: no statement allows it')).toBeTruthy();
    expect(screen.getByLabelText('Generated statements').textContent).toContain('Allow access through EBS');

    await userEvent.click(screen.getByRole('button', { name: 'Preview fix' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText(plan.sha256)).toBeTruthy();
    expect(within(dialog).getByLabelText('Key policy diff').textContent).toContain(
      '+   "Sid": "Allow access through EBS"',
    );
    expect(fake.callsTo('diagnostics:previewFix')).toEqual([{ findingId: policyFinding.id }]);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Apply fix' }));
    expect(await within(dialog).findByText('Applied')).toBeTruthy();
    expect(fake.callsTo('diagnostics:applyFix')).toEqual([{ plan }]);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(fake.callsTo('diagnostics:undoFix')).toEqual([{ entryId: entry.id }]));
    expect(await within(dialog).findByText('Undone')).toBeTruthy();
  });

  it('filters by severity and runs the diagnostics as a job', async () => {
    const fake = install();
    render(<DiagnosticsPage />);
    await screen.findByText(policyFinding.title);
    await userEvent.click(screen.getByRole('button', { name: 'Run diagnostics' }));
    await waitFor(() => expect(fake.callsTo('diagnostics:run')).toHaveLength(1));
    const trigger = screen
      .getAllByRole('button', { name: /Severity/ })
      .find((b) => b.hasAttribute('aria-haspopup'))!;
    await act(async () => {
      await userEvent.click(trigger);
    });
    await userEvent.click(await screen.findByRole('option', { name: 'info' }));
    await waitFor(() => expect(screen.queryByText(policyFinding.title)).toBeNull());
    expect(screen.getByText(infoFinding.title)).toBeTruthy();
  });

  it('exports the report as a download', async () => {
    const fake = install();
    const createObjectURL = vi.fn(() => 'blob:report');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<DiagnosticsPage />);
    await screen.findByText(policyFinding.title);
    await userEvent.click(screen.getByRole('button', { name: 'Export HTML' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(fake.callsTo('diagnostics:exportReport')).toEqual([{ format: 'html' }]);
    click.mockRestore();
  });

  it('imports an Avi configuration as the intended keys', async () => {
    const fake = install();
    render(<DiagnosticsPage />);
    await screen.findByText(policyFinding.title);
    await userEvent.click(screen.getByRole('tab', { name: 'Intended keys' }));
    const text =
      '{"aws_configuration": {"ebs_encryption": {"mode": "AWS_ENCRYPTION_MODE_SSE_KMS", "master_key": "alias/avi-cmk"}}}';
    await userEvent.click(await screen.findByLabelText('Configuration text'));
    await userEvent.paste(text);
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText(/Imported from an Avi cloud configuration/)).toBeTruthy();
    expect(fake.callsTo('diagnostics:importConfig')).toEqual([{ text, region: 'us-east-1' }]);
  });
});
