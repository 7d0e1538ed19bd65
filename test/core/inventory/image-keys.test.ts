// An AMI's key comes from its snapshots: DescribeImages never carries Ebs.KmsKeyId (EC2 API
// reference, EbsBlockDevice). The scan reuses the owned snapshots it read and asks for the rest in
// one batched DescribeSnapshots; a snapshot AWS will not show leaves the key "unknown", said why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EC2Client } from '@aws-sdk/client-ec2';
import { describeSnapshotKeys } from '../../../electron/core/inventory/image-keys';
import { scanInventory } from '../../../electron/core/inventory/scanner';
import { addImage } from '../../../electron/sandbox/scenarios/builders';
import type { RegionInventory } from '../../../shared/domain/inventory';
import { withSandbox } from '../../helpers/sandbox';
import { sandboxScanClients, type CountingClients } from './sandbox-clients';

const ACCOUNT = '123456789012';
const OTHER = '210987654321';
const REGION = 'us-west-2';
const OTHER_KEY = `arn:aws:kms:${REGION}:${OTHER}:key/0b7c3a52-5d1e-4c36-9d55-2f1c8f0e6a11`;
const sandbox = withSandbox({ scenario: 'avi-lab' });
let clients: CountingClients;

beforeAll(() => {
  clients = sandboxScanClients(sandbox);
});
afterAll(() => clients.destroy());

async function scan(): Promise<RegionInventory> {
  clients.counts.sends.clear();
  const [outcome] = await scanInventory({ account: ACCOUNT, regions: [REGION], clients });
  if (!outcome?.ok) throw new Error(`scan failed: ${String(outcome?.error)}`);
  return outcome.inventory;
}

// Two encrypted AMIs of another account that avi-lab's controllers are made to run from: one with
// its snapshot shared with this account, one without.
function foreignImages(): { shared: string; sharedSnapshot: string; hidden: string; hiddenSnapshot: string } {
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
    return { image, snapshot };
  };
  const shared = make('vendor-encrypted-shared', true);
  const hidden = make('vendor-encrypted-hidden', false);
  const controllers = [...world.instances.values()].filter((i) => i.region === REGION);
  if (controllers.length < 2) throw new Error('avi-lab has fewer than two instances');
  controllers[0]!.imageId = shared.image.imageId;
  controllers[1]!.imageId = hidden.image.imageId;
  return {
    shared: shared.image.imageId,
    sharedSnapshot: shared.snapshot.snapshotId,
    hidden: hidden.image.imageId,
    hiddenSnapshot: hidden.snapshot.snapshotId,
  };
}

describe('AMI keys from snapshots', () => {
  it('gives each encrypted AMI device its snapshot’s key ARN, with no extra call for owned snapshots', async () => {
    sandbox.control.loadScenario('avi-lab');
    const inventory = await scan();
    const encrypted = inventory.images.flatMap((i) => i.blockDevices.filter((d) => d.encrypted));
    expect(encrypted.length).toBeGreaterThanOrEqual(5);
    for (const device of encrypted) {
      const truth = sandbox.handle.world.snapshots.get(device.snapshotId ?? '');
      expect(truth?.kmsKeyArn).toMatch(/^arn:aws:kms:/);
      expect(device.kmsKeyId).toBe(truth?.kmsKeyArn);
      expect(device.kmsKeyUnknown).toBeUndefined();
    }
    // Every encrypted AMI here is owned, so the owned-snapshot scan already had their keys.
    expect(clients.counts.sends.get('DescribeSnapshotsCommand')).toBe(1);
    const unencrypted = inventory.images.flatMap((i) => i.blockDevices.filter((d) => !d.encrypted));
    for (const device of unencrypted) {
      expect(device.kmsKeyId).toBeUndefined();
      expect(device.kmsKeyUnknown).toBeUndefined();
    }
  });

  it('reads another account’s shared snapshot in one batch and says plainly when one is not shared', async () => {
    sandbox.control.loadScenario('avi-lab');
    const ids = foreignImages();
    const inventory = await scan();
    expect(inventory.errors).toEqual([]);
    const shared = inventory.images.find((i) => i.id === ids.shared);
    const hidden = inventory.images.find((i) => i.id === ids.hidden);
    expect(shared?.blockDevices[0]).toMatchObject({
      snapshotId: ids.sharedSnapshot,
      encrypted: true,
      kmsKeyId: OTHER_KEY,
    });
    expect(hidden?.blockDevices[0]?.encrypted).toBe(true);
    expect(hidden?.blockDevices[0]?.kmsKeyId).toBeUndefined();
    expect(hidden?.blockDevices[0]?.kmsKeyUnknown).toMatch(/not visible to this account/);
    // The owned scan, the batch of two (refused for the hidden one), and its two halves: bounded.
    const calls = clients.counts.sends.get('DescribeSnapshotsCommand') ?? 0;
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(calls).toBeLessThanOrEqual(4);
  });

  it('answers a batch of ids with the keys it may see and the reason for the rest', async () => {
    sandbox.control.loadScenario('avi-lab');
    const ids = foreignImages();
    const ec2 = new EC2Client({ ...sandbox.sdkConfig, region: REGION });
    try {
      const answers = await describeSnapshotKeys(ec2, [
        ids.sharedSnapshot,
        ids.hiddenSnapshot,
        ids.sharedSnapshot,
      ]);
      expect(answers.get(ids.sharedSnapshot)).toEqual({ encrypted: true, kmsKeyId: OTHER_KEY });
      expect(answers.get(ids.hiddenSnapshot)).toMatchObject({
        unknown: expect.stringMatching(/not visible/),
      });
      expect(answers.size).toBe(2);
    } finally {
      ec2.destroy();
    }
  });

  it('keeps the scan going when DescribeSnapshots is refused: the key is unknown, and why', async () => {
    sandbox.control.loadScenario('avi-lab');
    const ids = foreignImages();
    sandbox.control.addFault({
      kind: 'fail',
      action: 'DescribeSnapshots',
      count: 10,
      code: 'UnauthorizedOperation',
      message: 'You are not authorized to perform this operation.',
      status: 403,
    });
    const inventory = await scan();
    sandbox.control.loadScenario('avi-lab'); // clears the fault
    expect(inventory.errors.map((e) => e.kind)).toEqual(['snapshots']);
    const device = inventory.images.find((i) => i.id === ids.shared)?.blockDevices[0];
    expect(device?.kmsKeyId).toBeUndefined();
    expect(device?.kmsKeyUnknown).toMatch(/DescribeSnapshots was refused \(UnauthorizedOperation/);
    const owned = inventory.images.filter((i) => i.owned && i.blockDevices.some((d) => d.encrypted));
    expect(owned.length).toBeGreaterThan(0);
    for (const i of owned) expect(i.blockDevices[0]?.kmsKeyUnknown).toMatch(/refused/);
  });
});
