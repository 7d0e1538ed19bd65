// AMI copy's source display: each encrypted device shows its snapshot's key (DescribeImages never
// gives it), read in one batch; a snapshot not shared with the account leaves the key unknown,
// said plainly, and the list still shows.
import { EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeSourceImage, searchImages } from '../../../electron/core/ami-copy/source-images';
import { addImage } from '../../../electron/sandbox/scenarios/builders';
import { aviLab } from '../../../electron/sandbox/scenarios/avi-lab';
import { withSandbox } from '../../helpers/sandbox';

const ACCOUNT = '123456789012';
const OTHER = '210987654321';
const REGION = 'us-west-2';
const OTHER_KEY = `arn:aws:kms:${REGION}:${OTHER}:key/0b7c3a52-5d1e-4c36-9d55-2f1c8f0e6a11`;
const sandbox = withSandbox({ scenario: 'avi-lab' });
let ec2: EC2Client;

beforeAll(() => {
  ec2 = new EC2Client({ ...sandbox.sdkConfig, region: REGION });
});
afterAll(() => ec2.destroy());

describe('AMI copy source keys', () => {
  it('shows each owned encrypted AMI’s key ARN from its snapshot', async () => {
    const found = await searchImages(ec2, REGION, ACCOUNT, 'avi-se');
    const se = found.filter((i) => aviLab.ids.seImageIds.includes(i.id));
    expect(se).toHaveLength(aviLab.ids.seImageIds.length);
    for (const image of se) {
      const device = image.blockDevices[0];
      const truth = sandbox.handle.world.snapshots.get(device?.snapshotId ?? '');
      expect(device?.encrypted).toBe(true);
      expect(device?.kmsKeyId).toBe(truth?.kmsKeyArn);
    }
    const one = await describeSourceImage(ec2, aviLab.ids.seImageIds[0]!, REGION, ACCOUNT);
    expect(one.blockDevices[0]?.kmsKeyId).toMatch(/^arn:aws:kms:us-west-2:123456789012:key\//);
  });

  it('gives a shared AMI’s key when its snapshot is shared, and says why when it is not', async () => {
    const world = sandbox.handle.world;
    const make = (name: string, shareSnapshot: boolean) => {
      const { image, snapshot } = addImage(world, {
        region: REGION,
        ownerId: OTHER,
        name,
        sizeGiB: 20,
        kmsKeyArn: OTHER_KEY,
        creationDate: Date.now() - 86_400_000,
      });
      image.launchPermissionUserIds.push(ACCOUNT);
      if (shareSnapshot) snapshot.createVolumePermissions.push({ userId: ACCOUNT });
      return image.imageId;
    };
    const shared = make('vendor-shared-encrypted', true);
    const hidden = make('vendor-hidden-encrypted', false);
    const found = await searchImages(ec2, REGION, ACCOUNT, 'vendor');
    expect(found.find((i) => i.id === shared)?.blockDevices[0]?.kmsKeyId).toBe(OTHER_KEY);
    const unknown = found.find((i) => i.id === hidden)?.blockDevices[0];
    expect(unknown?.kmsKeyId).toBeUndefined();
    expect(unknown?.kmsKeyUnknown).toMatch(/not visible to this account/);
    expect((await describeSourceImage(ec2, shared, REGION, ACCOUNT)).blockDevices[0]?.kmsKeyId).toBe(
      OTHER_KEY,
    );
    await expect(describeSourceImage(ec2, hidden, REGION, ACCOUNT)).rejects.toMatchObject({
      code: 'ami-storage-not-readable',
    });
  });

  it('lists without a search the public AMI the instances run from, marked as such', async () => {
    const found = await searchImages(ec2, REGION, ACCOUNT, '');
    const controller = found.find((i) => i.id === aviLab.ids.controllerImageId);
    expect(controller).toMatchObject({ access: 'public', instancesRunFrom: true });
    // A name that does not match leaves it out; one that does keeps it.
    expect((await searchImages(ec2, REGION, ACCOUNT, 'no-such-name')).map((i) => i.id)).not.toContain(
      aviLab.ids.controllerImageId,
    );
  });
});
