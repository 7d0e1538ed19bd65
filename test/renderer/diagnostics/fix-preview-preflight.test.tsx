// A fix's preview shows its preflight, and Apply stays off while AWS would refuse one of its calls
// (issue N: the same rule as the migration and AMI-copy reviews).
import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Preflight } from '../../../shared/domain/preflight';
import type { Plan } from '../../../shared/plans/plan-document';
import { FixPreviewModal } from '../../../renderer/components/diagnostics/fix-preview-modal';
import { useDiagnosticsStore } from '../../../renderer/stores/diagnostics-store';
import { resetStores } from '../reset-stores';
import { stubMatchMedia } from '../stub-match-media';

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

const preflight = (result: 'allowed' | 'denied'): Preflight => ({
  checkedAt: '2026-01-01T00:00:00.000Z',
  checkedAs: plan.createdBy,
  rows: [
    {
      call: 'ec2:ModifyEbsDefaultKmsKeyId',
      target: 'us-west-2',
      method: 'dry-run',
      result,
      ...(result === 'denied' ? { reason: 'No identity-based policy allows the action' } : {}),
    },
  ],
});

function show(withPreflight: Preflight) {
  useDiagnosticsStore.setState({
    preview: { status: 'ready', findingId: 'f-1', plan: { ...plan, preflight: withPreflight } },
  });
  render(<FixPreviewModal />);
  return screen.getByRole('dialog');
}

describe('fix preview: the preflight', () => {
  beforeEach(() => {
    resetStores();
    stubMatchMedia();
  });

  it('lists each call with AWS’s answer and keeps Apply off on a denial', () => {
    const dialog = show(preflight('denied'));
    expect(within(dialog).getAllByText('ec2:ModifyEbsDefaultKmsKeyId').length).toBeGreaterThan(0);
    expect(within(dialog).getByText('Denied')).toBeTruthy();
    const apply = within(dialog).getByRole('button', { name: 'Apply fix' });
    expect(apply.hasAttribute('disabled') || apply.getAttribute('aria-disabled') === 'true').toBe(true);
  });

  it('lets the fix be applied when every call is allowed', () => {
    const dialog = show(preflight('allowed'));
    expect(within(dialog).getByText('Allowed')).toBeTruthy();
    const apply = within(dialog).getByRole('button', { name: 'Apply fix' });
    expect(apply.hasAttribute('disabled') || apply.getAttribute('aria-disabled') === 'true').toBe(false);
  });
});
