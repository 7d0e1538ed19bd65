import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobList } from '../../../renderer/components/job-list';
import { useJobsStore } from '../../../renderer/stores/jobs-store';
import { fakeJob, installFakeApi, uninstallFakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';

describe('JobList (the jobs panel)', () => {
  beforeEach(resetStores);
  afterEach(uninstallFakeApi);

  it('shows each job with its progress and state, and cancels a running one', async () => {
    const fake = installFakeApi();
    useJobsStore.getState().replaceAll([
      fakeJob(),
      fakeJob({
        id: 'job-2',
        title: 'Scan eu-west-1',
        state: 'done',
        progress: { value: 1, title: 'Done' },
      }),
    ]);
    render(<JobList />);

    const bar = screen.getByRole('progressbar', { name: /Copy ami-0123456789abcdef0/ });
    expect((bar as HTMLProgressElement).value).toBe(42);
    expect(screen.getByText(/Copying snapshots · snap-1 at 42%/)).toBeTruthy();
    expect(screen.getByText('Running')).toBeTruthy();
    expect(screen.getAllByText('Done').length).toBeGreaterThan(0);
    // Only the running job can be cancelled.
    expect(screen.queryByRole('button', { name: 'Cancel Scan eu-west-1' })).toBeNull();

    await userEvent.click(
      screen.getByRole('button', { name: 'Cancel Copy ami-0123456789abcdef0 to eu-west-1' }),
    );
    expect(fake.callsTo('jobs:cancel')).toEqual([{ id: 'job-1' }]);
  });

  it('says so when there are no jobs', () => {
    installFakeApi();
    useJobsStore.getState().replaceAll([]);
    const { container } = render(<JobList />);
    expect(within(container).getByText(/No jobs yet/)).toBeTruthy();
  });

  it('shows a failed job’s real error: code, message and what to do next', () => {
    installFakeApi();
    useJobsStore.getState().replaceAll([
      fakeJob({
        kind: 'migration',
        title: 'Migrate mig-1 (1 instance(s), alias/lab-ebs)',
        state: 'failed',
        error: {
          code: 'key-not-usable',
          message: 'mig-1 was rolled back: the KMS key alias/lab-ebs is Disabled.',
          hint: 'Enable the key (aws kms enable-key) or choose another key.',
        },
      }),
    ]);
    render(<JobList />);
    // The bar's result text (Cloudscape also repeats it for screen readers).
    expect(
      screen.getAllByText(
        'key-not-usable: mig-1 was rolled back: the KMS key alias/lab-ebs is Disabled. Enable the key (aws kms enable-key) or choose another key.',
      ).length,
    ).toBeGreaterThan(0);
  });
});
