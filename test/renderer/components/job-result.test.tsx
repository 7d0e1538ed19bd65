// Every finished job opens its result from the Jobs table (#/jobs/<id>): a copy's block-device line
// and key table survive leaving Copy AMI, and a failed migration links to its live view.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobsPage } from '../../../renderer/pages/jobs-page';
import { JobList } from '../../../renderer/components/job-list';
import { jobIdFromHash } from '../../../renderer/routing/job-route';
import { useJobsStore } from '../../../renderer/stores/jobs-store';
import { useMigrationStore } from '../../../renderer/stores/migration-store';
import { fakeJob, installFakeApi, uninstallFakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';

const copyDone = fakeJob({
  id: 'job-7',
  title: 'Encrypted copy of ami-0aaa1111bbbb2222c → eu-west-1',
  state: 'done',
  progress: { value: 1, title: 'available' },
  endedAt: Date.UTC(2025, 0, 1, 13, 0, 0),
  steps: [{ id: 'copy', title: 'Check the key and start CopyImage (Encrypted)', state: 'done' }],
  result: {
    sourceImageId: 'ami-0aaa1111bbbb2222c',
    sourceRegion: 'us-east-1',
    destRegion: 'eu-west-1',
    imageId: 'ami-0fff9999eeee8888d',
    name: 'controller-encrypted',
    state: 'available',
    blockDevices: [],
    blockDeviceText: ['/dev/xvda=snap-0123:20:true:gp3 (alias/lab-ebs)'],
    snapshots: [
      {
        device: '/dev/xvda',
        snapshotId: 'snap-0123',
        encrypted: true,
        kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/1111-2222',
        keyId: '1111-2222',
        aliases: ['alias/lab-ebs'],
      },
    ],
    sourceOwned: false,
  },
});

const migrationFailed = fakeJob({
  id: 'job-8',
  kind: 'migration',
  title: 'Migrate mig-42 (1 instance(s), alias/lab-ebs)',
  state: 'failed',
  progress: { value: 0.5, title: 'Stop instance' },
  endedAt: Date.UTC(2025, 0, 1, 13, 0, 0),
  error: { code: 'key-not-usable', message: 'mig-42 was rolled back.', hint: 'Enable the key.' },
  result: { migrationId: 'mig-42', status: 'rolled-back' },
});

describe('Jobs: every finished job opens its result', () => {
  beforeEach(() => {
    resetStores();
    window.location.hash = '#/jobs';
  });
  afterEach(() => {
    uninstallFakeApi();
    window.location.hash = '';
  });

  it('reads the job id from the address, and nothing from a malformed one', () => {
    expect(jobIdFromHash('#/jobs/job-7')).toBe('job-7');
    expect(jobIdFromHash('#/jobs')).toBeUndefined();
    expect(jobIdFromHash('#/jobs/%E0%A4%A')).toBeUndefined();
    expect(jobIdFromHash('#/overview')).toBeUndefined();
  });

  it('links each row to its result; a copy shows its block devices and keys, without Deregister for another account’s AMI', async () => {
    installFakeApi({ 'jobs:list': () => ({ jobs: [copyDone, migrationFailed] }) });
    useJobsStore.getState().replaceAll([copyDone, migrationFailed]);
    render(<JobsPage />);
    expect(screen.queryByText('/dev/xvda=snap-0123:20:true:gp3 (alias/lab-ebs)')).toBeNull();
    const link = screen.getByRole('link', { name: `Open the result of ${copyDone.title}` });
    expect(link.getAttribute('href')).toBe('#/jobs/job-7');
    window.location.hash = '#/jobs/job-7';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await screen.findByText('/dev/xvda=snap-0123:20:true:gp3 (alias/lab-ebs)');
    expect(screen.getByText('arn:aws:kms:eu-west-1:123456789012:key/1111-2222')).toBeTruthy();
    expect(screen.getByText(/belongs to another account, so only its owner can deregister it/)).toBeTruthy();
  });

  it('opens a failed migration’s live view from its result', async () => {
    const fake = installFakeApi({ 'jobs:list': () => ({ jobs: [migrationFailed] }) });
    useJobsStore.getState().replaceAll([migrationFailed]);
    window.location.hash = '#/jobs/job-8';
    render(<JobsPage />);
    expect(screen.getAllByText('mig-42 was rolled back.').length).toBeGreaterThan(1);
    await userEvent.click(screen.getByRole('button', { name: 'Open mig-42' }));
    await waitFor(() => expect(window.location.hash).toBe('#/migrate'));
    expect(useMigrationStore.getState().currentId).toBe('mig-42');
    expect(fake.callsTo('migration:get')).toEqual([{ id: 'mig-42' }]);
  });

  it('says so when the opened job was cleared from the history', () => {
    installFakeApi();
    useJobsStore.getState().replaceAll([copyDone]);
    window.location.hash = '#/jobs/job-gone';
    render(<JobsPage />);
    expect(screen.getByText('This job is no longer in the history')).toBeTruthy();
  });

  it('the jobs panel links a finished job to its result', () => {
    installFakeApi();
    useJobsStore.getState().replaceAll([copyDone]);
    render(<JobList />);
    expect(
      screen.getByRole('link', { name: `Open the result of ${copyDone.title}` }).getAttribute('href'),
    ).toBe('#/jobs/job-7');
  });
});

describe('a copy’s own source, deregistered from its result', () => {
  beforeEach(() => {
    resetStores();
    window.location.hash = '#/jobs/job-7';
  });
  afterEach(() => {
    uninstallFakeApi();
    window.location.hash = '';
  });

  it('is offered once: after it succeeds the button says so and stays off', async () => {
    const owned = { ...copyDone, result: { ...(copyDone.result as object), sourceOwned: true } };
    const fake = installFakeApi({
      'jobs:list': () => ({ jobs: [owned] }),
      'amiCopy:deregisterSource': () => ({ imageId: 'ami-0aaa1111bbbb2222c', region: 'us-east-1' }),
    });
    useJobsStore.getState().replaceAll([owned]);
    render(<JobsPage />);
    await userEvent.click(screen.getAllByRole('button', { name: 'Deregister source' })[0]!);
    const dialog = await screen.findByRole('dialog', { name: /Deregister ami-0aaa1111bbbb2222c/ });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deregister source' }));
    await screen.findByText(/Deregistered the source ami-0aaa1111bbbb2222c/);
    const done = screen.getByRole('button', { name: 'Source deregistered' });
    expect(done.hasAttribute('disabled') || done.getAttribute('aria-disabled') === 'true').toBe(true);
    expect(fake.callsTo('amiCopy:deregisterSource')).toEqual([{ jobId: 'job-7', confirm: true }]);
  });
});
