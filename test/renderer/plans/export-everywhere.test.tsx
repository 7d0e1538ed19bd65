// Every plan shown can be exported where it is shown (issue L item 7 on every page): the AMI copy
// review and a diagnostics fix preview offer JSON, HTML, Markdown and the AWS CLI script (the SSM
// runbook is for migrations only), each rendered by core from the plan on screen.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReviewStep } from '../../../renderer/components/ami-copy/review-step';
import { FixPreviewModal } from '../../../renderer/components/diagnostics/fix-preview-modal';
import { useAmiCopyStore } from '../../../renderer/stores/ami-copy-store';
import { useDiagnosticsStore } from '../../../renderer/stores/diagnostics-store';
import type { AmiCopyPlanView } from '../../../shared/domain/ami-copy';
import type { Plan } from '../../../shared/plans/plan-document';
import { installFakeApi, uninstallFakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';
import { stubMatchMedia } from '../stub-match-media';

const plan = (kind: Plan['kind'], id: string): Plan => ({
  schema: 'envelope.plan/v1',
  id,
  kind,
  title: `${kind} plan`,
  accountId: '123456789012',
  regions: ['us-west-2'],
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'arn:aws:iam::123456789012:user/sandbox-admin',
  source: 'live',
  facts: [],
  steps: [],
  rollback: [],
  estimatedSeconds: 60,
  warnings: [],
  input: {},
  sha256: 'c'.repeat(64),
});
const view: AmiCopyPlanView = {
  copies: [],
  keys: [],
  totalGiB: 8,
  estimatedSeconds: 60,
  copyRateGiBPerHour: 180,
  warnings: [],
};

const initialCopy = useAmiCopyStore.getState();
const initialDiagnostics = useDiagnosticsStore.getState();

describe('plan export wherever the plan is shown', () => {
  beforeEach(() => {
    resetStores();
    useAmiCopyStore.setState(initialCopy, true);
    useDiagnosticsStore.setState(initialDiagnostics, true);
    stubMatchMedia();
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:plan'), revokeObjectURL: vi.fn() });
  });
  afterEach(uninstallFakeApi);

  it('AMI copy review: every format but SSM, rendered from the reviewed plan', async () => {
    const copyPlan = plan('ami-copy', 'copy-1');
    const fake = installFakeApi({
      'plans:render': () => ({ text: '# plan', fileName: 'copy-1.md', mime: 'text/markdown' }),
    });
    useAmiCopyStore.setState({ plan: { status: 'ready', value: { plan: copyPlan, view } } });
    render(<ReviewStep />);
    for (const label of ['JSON', 'HTML', 'Markdown', 'AWS CLI script'])
      expect(screen.getByRole('button', { name: `Export the copy plan as ${label}` })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Export the copy plan as SSM runbook' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Export the copy plan as Markdown' }));
    await waitFor(() => expect(fake.callsTo('plans:render')).toEqual([{ plan: copyPlan, format: 'md' }]));
  });

  it('Diagnostics fix preview: the fix plan exports too', async () => {
    const fixPlan = plan('diagnostic-fix', 'fix-1');
    const fake = installFakeApi({
      'plans:render': () => ({ text: '{}', fileName: 'fix-1.json', mime: 'application/json' }),
    });
    useDiagnosticsStore.setState({ preview: { status: 'ready', findingId: 'f-1', plan: fixPlan } });
    render(<FixPreviewModal />);
    await userEvent.click(await screen.findByRole('button', { name: 'Export the fix plan as JSON' }));
    await waitFor(() => expect(fake.callsTo('plans:render')).toEqual([{ plan: fixPlan, format: 'json' }]));
  });
});
