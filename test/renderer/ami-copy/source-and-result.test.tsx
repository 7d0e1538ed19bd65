// Copy AMI (issue L items 2 and 4): the source list is there when the step opens, without a search,
// with the AMI the instances run from marked and the hint as visible text; a finished copy offers
// "Deregister source" only when the caller's account owns the source.
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CopyResult } from '../../../renderer/components/ami-copy/copy-result';
import { SourceStep } from '../../../renderer/components/ami-copy/source-step';
import { useAmiCopyStore } from '../../../renderer/stores/ami-copy-store';
import type { CopyResult as CopyResultValue, SourceImage } from '../../../shared/domain/ami-copy';
import { installFakeApi, uninstallFakeApi, type FakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';

const image: SourceImage = {
  id: 'ami-0aaaaaaaaaaaaaaa1',
  name: 'avi-controller-22.1.3',
  region: 'us-west-2',
  ownerId: '444455556666',
  access: 'public',
  state: 'available',
  blockDevices: [],
  tags: [],
  instancesRunFrom: true,
};
const result: CopyResultValue = {
  sourceImageId: image.id,
  sourceRegion: 'us-west-2',
  destRegion: 'us-west-2',
  imageId: 'ami-0ccccccccccccccc1',
  name: 'avi-controller-enc',
  state: 'available',
  blockDevices: [],
  blockDeviceText: ['/dev/sda1=snap-0c:128:true:gp2:encrypted'],
  snapshots: [],
};

let fake: FakeApi;
beforeEach(() => {
  resetStores();
  useAmiCopyStore.getState().reset();
  useAmiCopyStore.setState({ sourceRegion: 'us-west-2', images: { status: 'idle' } });
  fake = installFakeApi({ 'amiCopy:images': () => ({ images: [image] }) });
});
afterEach(() => uninstallFakeApi());

describe('Copy AMI source list', () => {
  it('lists the AMIs at once, the one the instances run from marked, the hint visible', async () => {
    render(<SourceStep />);
    expect(await screen.findByText('avi-controller-22.1.3')).toBeTruthy();
    expect(fake.callsTo('amiCopy:images')).toEqual([{ region: 'us-west-2', query: '' }]);
    expect(screen.getByText('public, your instances run from it')).toBeTruthy();
    expect(screen.getByText(/Listed without a search: your own AMIs/)).toBeTruthy();
  });
});

describe('Copy result: Deregister source', () => {
  it('is offered for the caller’s own source', () => {
    render(<CopyResult jobId="job-1" result={{ ...result, sourceOwned: true }} />);
    expect(screen.getAllByRole('button', { name: 'Deregister source' }).length).toBeGreaterThan(0);
  });

  it('is not offered for another account’s AMI, and says why', () => {
    render(<CopyResult jobId="job-1" result={{ ...result, sourceOwned: false }} />);
    expect(screen.queryByText('Deregister source')).toBeNull();
    expect(screen.getByText(/belongs to another account/)).toBeTruthy();
  });
});
