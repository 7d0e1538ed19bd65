// The import view says who signed a plan: an unknown signer's fingerprint with "Trust this signer"
// (which asks core to trust exactly that fingerprint, then shows it as trusted), this installation,
// and an unsigned plan's warning; and what the seal proves (not who made it).
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sealPlan, type Plan } from '../../../shared/plans/plan-document';
import { summarizePlan } from '../../../shared/plans/plan-summary';
import type { SignerInfo } from '../../../shared/plans/signature';
import { PlansPage } from '../../../renderer/pages/plans-page';
import { usePlansStore } from '../../../renderer/stores/plans-store';
import { installFakeApi, uninstallFakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';
import { stubMatchMedia } from '../stub-match-media';

const FINGERPRINT = '3f2a:91bc:0001:0002:0003:0004:0005:0006:0007:0008:0009:000a:000b:000c:000d:000e';

function plan(): Promise<Plan> {
  return sealPlan({
    schema: 'envelope.plan/v1',
    id: 'plan-1',
    kind: 'migration',
    title: 'Encrypt 1 instance',
    accountId: '123456789012',
    regions: ['us-west-2'],
    createdAt: '2025-01-01T00:00:00.000Z',
    createdBy: 'arn:aws:iam::123456789012:user/sandbox-admin',
    source: 'live',
    facts: [],
    steps: [],
    rollback: [],
    estimatedSeconds: 0,
    warnings: [],
    input: {},
  });
}

async function importWith(signer: SignerInfo) {
  const p = await plan();
  const fake = installFakeApi({
    'plans:import': () => ({ ok: true, plan: p, summary: { ...summarizePlan(p), signer } }),
    'plans:trust': ({ fingerprint }) => ({ fingerprint }),
  });
  render(<PlansPage />);
  await userEvent.type(screen.getByLabelText('Plan text'), '{{}');
  await userEvent.click(screen.getByRole('button', { name: 'Validate' }));
  return fake;
}

describe('plan signer in the import view', () => {
  beforeEach(() => {
    resetStores();
    usePlansStore.getState().clear();
    stubMatchMedia();
  });
  afterEach(uninstallFakeApi);

  it('shows an unknown signer and trusts its fingerprint on request', async () => {
    const fake = await importWith({
      status: 'signed',
      fingerprint: FINGERPRINT,
      known: false,
      thisInstallation: false,
    });
    expect(await screen.findByText('Signed by an unknown signer')).toBeTruthy();
    expect(screen.getByText(FINGERPRINT)).toBeTruthy();
    expect(screen.getByText(/it does not say who made it/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Trust this signer' }));
    await waitFor(() => expect(fake.callsTo('plans:trust')).toEqual([{ fingerprint: FINGERPRINT }]));
    expect(await screen.findByText('Signed by a trusted signer')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Trust this signer' })).toBeNull();
  });

  it('names this installation', async () => {
    await importWith({ status: 'signed', fingerprint: FINGERPRINT, known: true, thisInstallation: true });
    expect(await screen.findByText('Signed by this installation')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Trust this signer' })).toBeNull();
  });

  it('warns about an unsigned plan', async () => {
    await importWith({ status: 'unsigned' });
    expect(await screen.findByText('Unsigned plan')).toBeTruthy();
    expect(screen.getByText(/Nothing says who made this plan/)).toBeTruthy();
  });
});
