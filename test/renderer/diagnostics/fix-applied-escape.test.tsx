// Escape closes the fix preview once the fix is applied (issue L item 17): Apply removes the button
// that had the focus, and Cloudscape's Modal hears Escape only from inside its dialog.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FixJournalEntry } from '../../../shared/domain/diagnostics';
import type { Plan } from '../../../shared/plans/plan-document';
import { FixPreviewModal } from '../../../renderer/components/diagnostics/fix-preview-modal';
import { useDiagnosticsStore } from '../../../renderer/stores/diagnostics-store';
import { installFakeApi, uninstallFakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';
import { stubMatchMedia } from '../stub-match-media';

const KEY = 'arn:aws:kms:us-west-2:123456789012:key/186ddc6d-c220-4899-b12a-965f26cb1204';
const plan: Plan = {
  schema: 'envelope.plan/v1',
  id: 'fix-1',
  kind: 'diagnostic-fix',
  title: 'Set the EBS default key of us-west-2 to alias/lab-ebs',
  accountId: '123456789012',
  regions: ['us-west-2'],
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'arn:aws:iam::123456789012:user/operator',
  source: 'live',
  facts: [],
  steps: [
    {
      id: 'apply',
      title: 'Set the default key',
      action: 'ec2:ModifyEbsDefaultKmsKeyId',
      region: 'us-west-2',
      params: {},
      dependsOn: [],
      phase: 'online',
      estimatedSeconds: 2,
    },
  ],
  rollback: [],
  estimatedSeconds: 2,
  warnings: [],
  input: {},
  sha256: 'b'.repeat(64),
};
const entry: FixJournalEntry = {
  id: 'fixrun-1',
  planId: plan.id,
  planSha256: plan.sha256,
  title: plan.title,
  region: 'us-west-2',
  fix: { type: 'set-ebs-default-key', region: 'us-west-2', keyId: KEY },
  before: { type: 'set-ebs-default-key', keyArn: 'alias/aws/ebs' },
  appliedAt: '2026-01-01T00:01:00.000Z',
};

async function applyTheFix() {
  useDiagnosticsStore.setState({ preview: { status: 'ready', findingId: 'f-1', plan } });
  render(<FixPreviewModal />);
  const dialog = screen.getByRole('dialog');
  await userEvent.click(within(dialog).getByRole('button', { name: 'Apply fix' }));
  expect(await within(dialog).findByText('Applied')).toBeTruthy();
  return dialog;
}

// Escape as a browser sends it: to the focused element, with keyCode 27 (Cloudscape reads keyCode,
// which user-event's keyboard does not set).
const pressEscape = () =>
  fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape', keyCode: 27 });

describe('fix preview: Escape', () => {
  const initial = useDiagnosticsStore.getState();
  beforeEach(() => {
    resetStores();
    useDiagnosticsStore.setState(initial, true);
    stubMatchMedia();
  });
  afterEach(uninstallFakeApi);

  it('closes the "Applied" modal', async () => {
    installFakeApi({ 'diagnostics:applyFix': () => entry });
    const dialog = await applyTheFix();
    // The focus stays inside the dialog, where Cloudscape listens for Escape.
    expect(dialog.contains(document.activeElement)).toBe(true);
    pressEscape();
    await waitFor(() => expect(useDiagnosticsStore.getState().preview.status).toBe('closed'));
  });

  it('closes it after Undo as well', async () => {
    installFakeApi({
      'diagnostics:applyFix': () => entry,
      'diagnostics:undoFix': () => ({ ...entry, undoneAt: '2026-01-01T00:02:00.000Z' }),
    });
    const dialog = await applyTheFix();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Undo' }));
    expect(await within(dialog).findByText('Undone')).toBeTruthy();
    pressEscape();
    await waitFor(() => expect(useDiagnosticsStore.getState().preview.status).toBe('closed'));
  });
});
