// The app against AWS's answers for a deregistered AMI (listed as 'deregistered' for a short
// while, then an empty answer for its id; DescribeImages API reference): a copy deregistered while
// it is made stops with its partial ids instead of polling forever, and its cleanup finishes; the
// inventory leaves it out; deregistering a source twice is not an error; its name is free again.
import { DeregisterImageCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupPartialCopy, deregisterSourceImage } from '../../../electron/core/ami-copy/cleanup';
import { copyImageEncrypted, PartialCopyError } from '../../../electron/core/ami-copy/copy-image';
import { planAmiCopy } from '../../../electron/core/ami-copy/plan-ami-copy';
import { fetchOwnedImages } from '../../../electron/core/inventory/fetch-images';
import { aviLab } from '../../../electron/sandbox/scenarios/avi-lab';
import { withSandbox } from '../../helpers/sandbox';
import { sandboxDeps } from './sandbox-deps';

const REGION = 'us-west-2';
const ACCOUNT = '123456789012';
const sandbox = withSandbox({ scenario: 'avi-lab' });
let deps: ReturnType<typeof sandboxDeps>;
let ec2: EC2Client;

beforeAll(() => {
  deps = sandboxDeps(sandbox);
  ec2 = new EC2Client({ ...sandbox.sdkConfig, region: REGION });
});
afterAll(() => {
  deps.destroy();
  ec2.destroy();
});

const request = (imageId: string, nameTemplate: string) => ({
  imageIds: [imageId],
  sourceRegion: REGION,
  kmsKeyRef: 'alias/lab-ebs',
  nameTemplate,
});

describe('a deregistered AMI', () => {
  it('stops a copy deregistered while it is made, with its partial ids, and cleans up', async () => {
    const { view } = await planAmiCopy(deps, request(aviLab.ids.controllerImageId, '{name}-gone'));
    const copy = view.copies[0]!;
    let deregistering: Promise<unknown> | undefined;
    const error = await copyImageEncrypted(
      deps,
      { ...copy, kmsKeyRef: copy.kmsKeyArn },
      {
        onProgress: (p) => {
          if (p.imageId && !deregistering)
            deregistering = ec2.send(new DeregisterImageCommand({ ImageId: p.imageId }));
        },
      },
    ).catch((e: unknown) => e);
    await deregistering;
    expect(error).toBeInstanceOf(PartialCopyError);
    const partial = (error as PartialCopyError).jobResult;
    expect((error as PartialCopyError).code).toBe('copy-deregistered');
    expect((error as PartialCopyError).message).toContain('was deregistered while it was being made');
    expect(partial.snapshotIds.length).toBeGreaterThan(0);
    const cleaned = await cleanupPartialCopy(deps, REGION, partial.imageId, partial.snapshotIds);
    expect(cleaned.deletedSnapshots).toEqual(partial.snapshotIds);
    expect(cleaned.deregistered).toBeUndefined();
  });

  it('is left out of the inventory, frees its name, and deregistering it again is done', async () => {
    const [first, second] = aviLab.ids.seImageIds as [string, string];
    const name = (await fetchOwnedImages(ec2, ACCOUNT)).find((i) => i.id === first)?.name ?? '';
    expect(name).toMatch(/^avi-se-/);
    await deregisterSourceImage(deps, REGION, first);
    // Listed by AWS in state 'deregistered' for a while: the inventory does not keep it.
    const owned = await fetchOwnedImages(ec2, ACCOUNT);
    expect(owned.map((i) => i.id)).not.toContain(first);
    expect(owned.map((i) => i.id)).toContain(second);
    await expect(deregisterSourceImage(deps, REGION, first)).resolves.toBeUndefined();
    // Its name may be used for a new copy straight away.
    const planned = await planAmiCopy(deps, request(second, name));
    expect(planned.view.copies[0]?.name).toBe(name);
  });
});
