// The Plans page over a fake window.api: a refused paste shows its reason; a valid plan shows its
// summary, steps and drift table; export asks core to render; Run asks for confirmation and a
// drifted plan needs "run anyway".
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sealPlan, type Plan } from '../../../shared/plans/plan-document';
import { summarizePlan } from '../../../shared/plans/plan-summary';
import { PlansPage } from '../../../renderer/pages/plans-page';
import { usePlansStore } from '../../../renderer/stores/plans-store';
import { installFakeApi, uninstallFakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';
import { stubMatchMedia } from '../stub-match-media';

const step = {
  region: 'us-west-2',
  params: {},
  dependsOn: [],
  phase: 'downtime' as const,
  estimatedSeconds: 60,
};

function plan(): Promise<Plan> {
  return sealPlan({
    schema: 'envelope.plan/v1',
    id: 'plan-1',
    kind: 'migration',
    title: 'Encrypt 1 instance with alias/avi-cmk (swap)',
    accountId: '123456789012',
    regions: ['us-west-2'],
    createdAt: '2025-01-01T00:00:00.000Z',
    createdBy: 'arn:aws:iam::123456789012:user/sandbox-admin',
    source: 'cache',
    facts: [
      {
        resource: 'volume',
        id: 'vol-1',
        region: 'us-west-2',
        attributes: { sizeGiB: 64 },
        readAt: '2025-01-01T00:00:00.000Z',
      },
    ],
    steps: [{ ...step, id: 'i-1:stop', title: 'Stop the instance', action: 'ec2:StopInstances' }],
    rollback: [
      { ...step, id: 'i-1:rollback-start', title: 'Start the instance again', action: 'ec2:StartInstances' },
    ],
    expectedDowntimeSeconds: 120,
    estimatedSeconds: 300,
    warnings: ['i-1 will be stopped for about 120 s.'],
    input: {},
  });
}

describe('Plans page', () => {
  beforeEach(() => {
    resetStores();
    usePlansStore.getState().clear();
    stubMatchMedia();
  });
  afterEach(uninstallFakeApi);

  it('shows why a pasted plan is refused', async () => {
    installFakeApi({
      'plans:import': () => ({
        ok: false,
        problem: 'The plan file is not JSON (Unexpected end); it may be truncated.',
      }),
    });
    render(<PlansPage />);
    await userEvent.type(screen.getByLabelText('Plan text'), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Validate' }));
    expect(await screen.findByText(/not JSON/)).toBeTruthy();
  });

  it('reviews a valid plan, its drift, exports and runs after confirmation', async () => {
    const p = await plan();
    const fake = installFakeApi({
      'plans:import': () => ({
        ok: true,
        plan: p,
        summary: summarizePlan(p, Date.parse(p.createdAt) + 3 * 3_600_000),
      }),
      'plans:check': () => ({
        sealValid: true,
        drift: {
          status: 'drift',
          checkedAt: 'now',
          unchecked: [],
          drifts: [
            {
              resource: 'volume',
              id: 'vol-1',
              region: 'us-west-2',
              attribute: 'sizeGiB',
              planned: 64,
              live: 80,
            },
          ],
        },
      }),
      'plans:render': () => ({ text: '{}', fileName: 'plan-1.json', mime: 'application/json' }),
      'plans:run': () => ({ kind: 'migration', jobIds: ['job-1'], migrationId: 'mig-1' }),
    });
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    render(<PlansPage />);
    await userEvent.type(screen.getByLabelText('Plan text'), '{{}');
    await userEvent.click(screen.getByRole('button', { name: 'Validate' }));
    expect(await screen.findByText('Stop the instance')).toBeTruthy();
    expect(screen.getByText('Start the instance again')).toBeTruthy();
    expect(screen.getByText(/from cached inventory, 3 h old/)).toBeTruthy();
    // Drift and facts in words: the attribute's label and its values with their unit, never the code.
    expect(await screen.findByText('Size')).toBeTruthy();
    expect(screen.getByText('80 GiB')).toBeTruthy();
    expect(screen.getByText('Size: 64 GiB')).toBeTruthy();
    expect(screen.queryByText(/sizeGiB/)).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'JSON' }));
    await waitFor(() => expect(fake.callsTo('plans:render')).toHaveLength(1));

    // Drift is said first, with its count, and Run says it runs despite it.
    expect(screen.getByText('The live state differs from the plan in 1 place')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Run despite drift…' }));
    const run = await screen.findByRole('button', { name: 'Run' });
    expect(run.hasAttribute('disabled') || run.getAttribute('aria-disabled') === 'true').toBe(true);
    await userEvent.click(screen.getByText(/run anyway/));
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(fake.callsTo('plans:run')).toHaveLength(1));
    expect(fake.callsTo('plans:run')[0]).toMatchObject({ force: true, confirm: true });
    expect(await screen.findByText(/migration mig-1/)).toBeTruthy();
  });

  it('plans a migration offline from the cached inventory and shows it for review', async () => {
    const p = await plan();
    const fake = installFakeApi({
      'plans:planOffline': () => ({ ok: true, plan: p, summary: summarizePlan(p, Date.parse(p.createdAt)) }),
    });
    render(<PlansPage />);
    await userEvent.click(screen.getByText('Plan a migration offline, from the cached inventory'));
    await userEvent.type(screen.getByLabelText('Instances to plan'), 'i-nothex');
    expect(await screen.findByText(/is not an instance id/)).toBeTruthy();
    await userEvent.clear(screen.getByLabelText('Instances to plan'));
    await userEvent.type(screen.getByLabelText('Instances to plan'), 'i-0123456789abcdef0');
    await userEvent.type(screen.getByLabelText('Key to plan with'), 'alias/lab-ebs');
    await userEvent.click(screen.getByRole('button', { name: 'Plan from the cache' }));
    expect(await screen.findByText('Stop the instance')).toBeTruthy();
    expect(fake.callsTo('plans:planOffline')).toEqual([
      { instanceIds: ['i-0123456789abcdef0'], kmsKeyRef: 'alias/lab-ebs', strategy: 'swap' },
    ]);
  });
});
