// After a rollback the live view says which volumes are attached now and how long the rollback
// kept the instance down, and Roll back is no longer offered (issue L item 9).
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MigrationLive } from '../../../renderer/components/migration/migration-live';
import { useMigrationStore } from '../../../renderer/stores/migration-store';
import { installFakeApi, uninstallFakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';
import { journal } from './fixtures';

const initial = useMigrationStore.getState();
beforeEach(() => {
  resetStores();
  useMigrationStore.setState(initial, true);
  installFakeApi();
});
afterEach(() => uninstallFakeApi());

function rolledBack() {
  const base = journal();
  const instance = base.instances[0]!;
  return journal({
    status: 'rolled-back',
    instances: [
      {
        ...instance,
        status: 'rolled-back',
        rollbackStoppedAt: 1_000_000,
        rollbackRunningAt: 1_042_000,
      },
    ],
  });
}

describe('MigrationLive after a rollback', () => {
  it('names the volumes attached now and the rollback’s downtime, and disables Roll back', () => {
    const value = rolledBack();
    render(<MigrationLive journal={value} />);
    const original = value.instances[0]!.volumes[0]!;
    expect(
      screen.getByText(
        new RegExp(`Attached now: ${original.device} ${original.originalVolumeId} \\(original`),
      ),
    ).toBeTruthy();
    expect(screen.getByText(/The rollback stopped it for 42 s\./)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Roll back' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Clean up' }).hasAttribute('disabled')).toBe(false);
  });

  it('offers Roll back on a verified migration', () => {
    render(<MigrationLive journal={journal()} />);
    expect(screen.getByRole('button', { name: 'Roll back' }).hasAttribute('disabled')).toBe(false);
    expect(screen.queryByText(/Attached now/)).toBeNull();
  });
});
