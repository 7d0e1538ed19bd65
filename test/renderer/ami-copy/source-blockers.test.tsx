// An AMI that cannot be copied is marked in the source list with the reason and cannot be picked,
// as the migration wizard's instance picker does (issue L item 11 on the Copy AMI page): it is not
// only refused when the plan is made.
import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourceStep, copyBlocker } from '../../../renderer/components/ami-copy/source-step';
import { useAmiCopyStore } from '../../../renderer/stores/ami-copy-store';
import type { SourceImage } from '../../../shared/domain/ami-copy';
import { installFakeApi, uninstallFakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';

const base: SourceImage = {
  id: 'ami-0aaaaaaaaaaaaaaa1',
  name: 'controller',
  region: 'us-west-2',
  ownerId: '123456789012',
  access: 'owned',
  state: 'available',
  blockDevices: [
    {
      device: '/dev/sda1',
      snapshotId: 'snap-0aaaaaaaaaaaaaaa1',
      sizeGiB: 8,
      deleteOnTermination: true,
      volumeType: 'gp3',
      encrypted: false,
    },
  ],
  tags: [],
};
const pending: SourceImage = {
  ...base,
  id: 'ami-0bbbbbbbbbbbbbbb2',
  name: 'still-pending',
  state: 'pending',
};
const instanceStore: SourceImage = {
  ...base,
  id: 'ami-0ccccccccccccccc3',
  name: 'ephemeral',
  blockDevices: [{ device: '/dev/sdb', virtualName: 'ephemeral0' }],
};

const initial = useAmiCopyStore.getState();

describe('Copy AMI source list', () => {
  beforeEach(() => {
    resetStores();
    useAmiCopyStore.setState(
      {
        ...initial,
        sourceRegion: 'us-west-2',
        images: { status: 'ready', value: [base, pending, instanceStore] },
      },
      true,
    );
  });
  afterEach(uninstallFakeApi);

  it('says why an AMI cannot be copied and does not let it be picked', () => {
    installFakeApi();
    expect(copyBlocker(base)).toBeUndefined();
    expect(copyBlocker(pending)).toMatch(/It is pending; only an available AMI can be copied/);
    expect(copyBlocker(instanceStore)).toMatch(/instance-store backed/);
    render(<SourceStep />);
    const row = (name: string) => screen.getByText(name).closest('tr')!;
    expect(within(row('still-pending')).getByText(/only an available AMI can be copied/)).toBeTruthy();
    const box = (name: string) => within(row(name)).getByRole<HTMLInputElement>('checkbox');
    expect(box('still-pending').disabled).toBe(true);
    expect(box('ephemeral').disabled).toBe(true);
    expect(box('controller').disabled).toBe(false);
  });
});
