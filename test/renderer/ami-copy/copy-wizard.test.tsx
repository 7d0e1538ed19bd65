// The Copy AMI wizard and a copy's run view, with a fake window.api: search and pick an AMI, see
// a typed key reference refused as it is typed, review the plan with its warnings, start it; a
// cancelled copy offers a cleanup that is sent only after confirmation.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CopyRun } from '../../../renderer/components/ami-copy/copy-run';
import { CopyWizard } from '../../../renderer/components/ami-copy/copy-wizard';
import { useAmiCopyStore } from '../../../renderer/stores/ami-copy-store';
import { useJobsStore } from '../../../renderer/stores/jobs-store';
import type { AmiCopyPlanView, SourceImage } from '../../../shared/domain/ami-copy';
import type { Plan } from '../../../shared/plans/plan-document';
import { installFakeApi, uninstallFakeApi, type FakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';

const image: SourceImage = {
  id: 'ami-0aaaaaaaaaaaaaaa1',
  name: 'avi-controller-22.1.3',
  region: 'us-west-2',
  ownerId: '444455556666',
  access: 'public',
  state: 'available',
  blockDevices: [
    {
      device: '/dev/sda1',
      snapshotId: 'snap-0aaaaaaaaaaaaaaa1',
      sizeGiB: 128,
      deleteOnTermination: true,
      volumeType: 'gp2',
      encrypted: false,
    },
  ],
  tags: [],
};
const view: AmiCopyPlanView = {
  copies: [],
  keys: [
    {
      arn: 'arn:aws:kms:us-west-2:123456789012:key/k',
      keyId: 'k',
      aliases: ['alias/aws/ebs'],
      region: 'us-west-2',
      manager: 'AWS',
      chosen: 'default',
      summary: 'No key chosen: aws/ebs',
    },
  ],
  totalGiB: 128,
  estimatedSeconds: 2860,
  copyRateGiBPerHour: 180,
  warnings: ['An AMI with encrypted snapshots cannot be made public.'],
};
const plan: Plan = {
  schema: 'envelope.plan/v1',
  id: 'plan-1',
  kind: 'ami-copy',
  title: 'copy',
  accountId: '123456789012',
  regions: ['us-west-2'],
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'arn:aws:iam::123456789012:user/sandbox-admin',
  source: 'live',
  facts: [],
  steps: [],
  rollback: [],
  estimatedSeconds: 2860,
  warnings: [],
  input: {},
  sha256: 'a'.repeat(64),
};

let fake: FakeApi;
beforeEach(() => {
  resetStores();
  useAmiCopyStore.setState({
    ...useAmiCopyStore.getState(),
    sourceRegion: 'us-west-2',
    jobIds: [],
    selected: [],
    keyRef: '',
  });
  useAmiCopyStore.getState().reset();
  fake = installFakeApi({
    'amiCopy:images': () => ({ images: [image] }),
    'amiCopy:keys': () => ({ keys: [] }),
    'amiCopy:plan': () => ({ plan, view }),
    'amiCopy:start': () => ({ jobIds: ['job-1'] }),
    'amiCopy:cleanup': () => ({
      deregistered: 'ami-0bbbbbbbbbbbbbbb1',
      deletedSnapshots: ['snap-0bbbbbbbbbbbbbbb1'],
    }),
  });
});
afterEach(() => uninstallFakeApi());

describe('CopyWizard', () => {
  it('goes from a search to a started plan', async () => {
    render(<CopyWizard />);
    fireEvent.change(
      screen.getByLabelText('AMI id or name').querySelector('input') ??
        screen.getByLabelText('AMI id or name'),
      {
        target: { value: 'avi' },
      },
    );
    fireEvent.click(screen.getByRole('button', { name: /Search us-west-2/ }));
    await screen.findByText('avi-controller-22.1.3');
    expect(screen.getByText(/\/dev\/sda1=snap-0aaaaaaaaaaaaaaa1:128:true:gp2:unencrypted/)).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: `Copy ${image.id}` }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('Name template');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('No key chosen: AWS managed key aws/ebs');
    const ref = screen.getByLabelText('Key reference');
    fireEvent.change(ref.querySelector('input') ?? ref, { target: { value: 'avi-cmk' } });
    await screen.findByText(/an alias name starts with alias\//);
    fireEvent.change(ref.querySelector('input') ?? ref, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('An AMI with encrypted snapshots cannot be made public.');
    expect(fake.callsTo('amiCopy:plan')[0]).toMatchObject({
      imageIds: [image.id],
      sourceRegion: 'us-west-2',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Start copy' }));
    await waitFor(() => expect(useAmiCopyStore.getState().jobIds).toEqual(['job-1']));
  });
});

describe('CopyRun', () => {
  it('shows per-snapshot progress, and cleans up a cancelled copy only after confirmation', async () => {
    act(() => {
      useJobsStore.getState().replaceAll([
        {
          id: 'job-1',
          kind: 'ami-copy',
          title: 'Encrypted copy of ami-0aaaaaaaaaaaaaaa1 → us-west-2',
          state: 'cancelled',
          progress: { value: 0.4, title: 'pending' },
          steps: [],
          createdAt: 1,
          result: {
            partial: true,
            sourceImageId: image.id,
            sourceRegion: 'us-west-2',
            destRegion: 'us-west-2',
            imageId: 'ami-0bbbbbbbbbbbbbbb1',
            snapshotIds: ['snap-0bbbbbbbbbbbbbbb1'],
            cleanedUp: false,
          },
        },
      ]);
      useAmiCopyStore.getState().applyProgress({
        jobId: 'job-1',
        sourceImageId: image.id,
        destRegion: 'us-west-2',
        imageId: 'ami-0bbbbbbbbbbbbbbb1',
        imageState: 'pending',
        snapshots: [
          {
            device: '/dev/sda1',
            snapshotId: 'snap-0bbbbbbbbbbbbbbb1',
            sizeGiB: 128,
            state: 'pending',
            fraction: 0.4,
          },
        ],
        fraction: 0.4,
        secondsLeft: 600,
      });
    });
    render(<CopyRun jobId="job-1" />);
    expect(screen.getByText('/dev/sda1 → snap-0bbbbbbbbbbbbbbb1 (128 GiB)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clean up' }));
    expect(fake.callsTo('amiCopy:cleanup')).toEqual([]);
    fireEvent.click(await screen.findByRole('button', { name: 'Deregister and delete' }));
    await screen.findByText(/Cleaned up: deregistered ami-0bbbbbbbbbbbbbbb1/);
    expect(fake.callsTo('amiCopy:cleanup')).toEqual([{ jobId: 'job-1', confirm: true }]);
    // Cleaned up: the partial copy is gone, so it is not offered again.
    expect(screen.queryByRole('button', { name: 'Clean up' })).toBeNull();
    expect(screen.queryByText('A partial copy is left')).toBeNull();
  });
});
