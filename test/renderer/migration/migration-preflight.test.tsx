// The migration review shows the plan's preflight as a table, and Run stays disabled while any
// call is denied (issue N); an all-allowed preflight lets it run.
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Preflight } from '../../../shared/domain/preflight';
import { MigrationWizard } from '../../../renderer/components/migration/migration-wizard';
import { useMigrationStore } from '../../../renderer/stores/migration-store';
import { installFakeApi, uninstallFakeApi, type FakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';
import { INSTANCE, plan } from './fixtures';

const initial = useMigrationStore.getState();
let fake: FakeApi;

const preflight = (attach: 'allowed' | 'denied'): Preflight => ({
  checkedAt: '2026-12-03T10:00:00.000Z',
  checkedAs: 'arn:aws:iam::123456789012:user/no-attach',
  rows: [
    { call: 'ec2:StopInstances', target: INSTANCE, method: 'dry-run', result: 'allowed' },
    {
      call: 'ec2:AttachVolume',
      target: `vol-1 to ${INSTANCE} as /dev/sda1`,
      method: 'dry-run',
      result: attach,
      ...(attach === 'denied' ? { reason: 'no policy allows ec2:AttachVolume on arn:aws:ec2:…' } : {}),
    },
    {
      call: 'kms:Decrypt',
      target: 'arn:aws:kms:us-west-2:123456789012:key/k',
      method: 'simulation',
      result: 'allowed',
    },
  ],
});

beforeEach(() => {
  resetStores();
  useMigrationStore.setState(initial, true);
  useMigrationStore.getState().setSelected([INSTANCE]);
  fake = installFakeApi({ 'migration:plan': () => ({ ...plan, preflight: preflight('denied') }) });
});
afterEach(() => uninstallFakeApi());

async function review() {
  render(<MigrationWizard />);
  fireEvent.change(screen.getByPlaceholderText('alias/my-cmk'), { target: { value: 'alias/lab-ebs' } });
  fireEvent.click(screen.getByRole('button', { name: 'Review plan' }));
  await screen.findByRole('table', { name: 'Preflight' });
}

describe('migration review: preflight', () => {
  it('shows each call, how it was answered and why; Run is disabled while one is denied', async () => {
    await review();
    expect(screen.getByText('AWS would refuse ec2:AttachVolume')).toBeTruthy();
    expect(screen.getByText(/no policy allows ec2:AttachVolume/)).toBeTruthy();
    expect(screen.getByText('IAM simulation')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Run' }).hasAttribute('disabled')).toBe(true);
  });

  it('enables Run when every call is allowed', async () => {
    fake.setHandler('migration:plan', () => ({ ...plan, preflight: preflight('allowed') }));
    await review();
    expect(screen.queryByText('AWS would refuse ec2:AttachVolume')).toBeNull();
    expect(screen.getByRole('button', { name: 'Run' }).hasAttribute('disabled')).toBe(false);
  });
});
