// Source AMIs: found by id or name among those the account owns, those shared with it and public
// ones, each with its block devices, their encryption and their snapshots' keys (DescribeImages
// never gives Ebs.KmsKeyId; one batched DescribeSnapshots does, image-keys.ts). Before a copy is planned the AMI must
// exist in the source region, be available, and its snapshots must be readable by the caller
// (CopyImage needs the storage, not only launch permission: "You do not have permission to
// access the storage of this ami").
import type { EC2Client, Image } from '@aws-sdk/client-ec2';
import {
  DescribeImagesCommand,
  DescribeRegionsCommand,
  DescribeSnapshotsCommand,
  paginateDescribeInstances,
} from '@aws-sdk/client-ec2';
import type { SourceImage } from '../../../shared/domain/ami-copy';
import { AppError } from '../errors/app-error';
import { imageBlockDevices } from '../inventory/fetch-images';
import { joinImageKeys, type SnapshotKeyAnswer } from '../inventory/image-keys';

export function toSourceImage(image: Image, region: string, account: string): SourceImage {
  const ownerId = image.OwnerId ?? '';
  return {
    id: image.ImageId ?? '',
    name: image.Name ?? '',
    ...(image.Description ? { description: image.Description } : {}),
    region,
    ownerId,
    access: ownerId === account ? 'owned' : image.Public ? 'public' : 'shared',
    state: image.State ?? 'unknown',
    ...(image.CreationDate ? { creationDate: image.CreationDate } : {}),
    // Without keys: DescribeImages does not give them; withKeys reads them from the snapshots.
    blockDevices: imageBlockDevices(image),
    tags: (image.Tags ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' })),
  };
}

export async function assertRegionEnabled(ec2: EC2Client, region: string): Promise<void> {
  const answer = await ec2.send(new DescribeRegionsCommand({ AllRegions: true }));
  const found = (answer.Regions ?? []).find((r) => r.RegionName === region);
  if (!found) {
    throw new AppError(
      'region-unknown',
      `${region} is not a region of this account's partition.`,
      'Check the spelling of the region.',
    );
  }
  if (found.OptInStatus === 'not-opted-in') {
    throw new AppError(
      'region-not-enabled',
      `${region} is not enabled for this account.`,
      'Enable it in the AWS console (Account → AWS Regions) or choose another region.',
    );
  }
}

export async function describeSourceImage(
  ec2: EC2Client,
  imageId: string,
  region: string,
  account: string,
): Promise<SourceImage> {
  // A filter rather than ImageIds: an unknown id then yields nothing instead of an error page.
  const answer = await ec2.send(
    new DescribeImagesCommand({ Filters: [{ Name: 'image-id', Values: [imageId] }] }),
  );
  const image = answer.Images?.[0];
  if (!image) {
    throw new AppError(
      'ami-not-found',
      `There is no AMI ${imageId} in ${region} that you can see.`,
      'Check the id and the source region; an AMI of another account must be public or shared with yours.',
    );
  }
  const source = toSourceImage(image, region, account);
  if (source.state !== 'available') {
    throw new AppError(
      'ami-not-available',
      `The AMI ${imageId} is ${source.state}, not available; only an available AMI can be copied.`,
    );
  }
  if (image.RootDeviceType && image.RootDeviceType !== 'ebs') {
    throw new AppError(
      'ami-not-ebs',
      `The AMI ${imageId} is instance-store backed; only EBS-backed AMIs can be copied encrypted.`,
    );
  }
  const snapshotIds = source.blockDevices.flatMap((d) => (d.snapshotId ? [d.snapshotId] : []));
  // Another account's AMI: the readability check's answer already holds the keys.
  const read =
    source.access !== 'owned' && snapshotIds.length > 0
      ? await assertStorageReadable(ec2, source, snapshotIds)
      : undefined;
  const [withKeys] = await joinImageKeys(ec2, [source], read);
  return withKeys ?? source;
}

async function assertStorageReadable(
  ec2: EC2Client,
  source: SourceImage,
  snapshotIds: string[],
): Promise<Map<string, SnapshotKeyAnswer>> {
  try {
    const answer = await ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: snapshotIds }));
    if ((answer.Snapshots ?? []).length === snapshotIds.length) {
      return new Map(
        (answer.Snapshots ?? []).map((s) => [
          s.SnapshotId ?? '',
          { encrypted: s.Encrypted ?? false, ...(s.KmsKeyId ? { kmsKeyId: s.KmsKeyId } : {}) },
        ]),
      );
    }
  } catch (error) {
    if (!/InvalidSnapshot/.test((error as { name?: string }).name ?? '')) throw error;
  }
  throw new AppError(
    'ami-storage-not-readable',
    `You may launch ${source.id} (${source.name}) but not read its snapshots, so it cannot be copied: its owner ${source.ownerId} has not shared them with your account.`,
    'Ask the owner to share the snapshots (create-volume permission) with your account, or launch an instance from the AMI and image that instance.',
  );
}

// The wizard's source list: by AMI id, or by a name filter over owned, shared and public AMIs.
export async function searchImages(
  ec2: EC2Client,
  region: string,
  account: string,
  query: string,
): Promise<SourceImage[]> {
  const q = query.trim();
  const limit = 100;
  if (/^ami-[0-9a-f]{8,17}$/.test(q)) {
    const answer = await ec2.send(
      new DescribeImagesCommand({ Filters: [{ Name: 'image-id', Values: [q] }] }),
    );
    return joinImageKeys(
      ec2,
      (answer.Images ?? []).map((i) => toSourceImage(i, region, account)),
    );
  }
  const nameFilter = q === '' ? [] : [{ Name: 'name', Values: [`*${q}*`] }];
  const [owned, shared, publicOnes] = await Promise.all([
    ec2.send(new DescribeImagesCommand({ Owners: ['self'], Filters: nameFilter, MaxResults: limit })),
    ec2.send(
      new DescribeImagesCommand({ ExecutableUsers: ['self'], Filters: nameFilter, MaxResults: limit }),
    ),
    // Public AMIs number in the hundreds of thousands: only searched by name.
    q === ''
      ? Promise.resolve({ Images: [] as Image[] })
      : ec2.send(
          new DescribeImagesCommand({
            Filters: [...nameFilter, { Name: 'is-public', Values: ['true'] }],
            MaxResults: limit,
          }),
        ),
  ]);
  const running = await imagesInstancesRunFrom(ec2, q);
  const used = new Set(running.map((i) => i.ImageId));
  const seen = new Map<string, SourceImage>();
  for (const image of [
    ...running,
    ...(owned.Images ?? []),
    ...(shared.Images ?? []),
    ...(publicOnes.Images ?? []),
  ]) {
    if (image.ImageId && !seen.has(image.ImageId))
      seen.set(image.ImageId, {
        ...toSourceImage(image, region, account),
        ...(used.has(image.ImageId) ? { instancesRunFrom: true } : {}),
      });
  }
  return joinImageKeys(ec2, [...seen.values()]);
}

// The AMIs the account's instances run from (a public vendor AMI among them), listed without a
// search: DescribeInstances (paginated), then one DescribeImages by id filter, which answers
// only for the AMIs that still exist (a deregistered one is simply absent).
async function imagesInstancesRunFrom(ec2: EC2Client, query: string): Promise<Image[]> {
  const ids = new Set<string>();
  for await (const page of paginateDescribeInstances(
    { client: ec2, pageSize: 1000 },
    { Filters: [{ Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] }] },
  )) {
    for (const r of page.Reservations ?? [])
      for (const i of r.Instances ?? []) if (i.ImageId) ids.add(i.ImageId);
  }
  if (ids.size === 0) return [];
  // In batches of 100 ids: the EC2 API reference (Filter) states no maximum of values, so each
  // request stays modest rather than relying on one.
  const batches = [...ids].reduce<string[][]>((all, id, n) => {
    if (n % 100 === 0) all.push([]);
    all[all.length - 1]!.push(id);
    return all;
  }, []);
  const answers = await Promise.all(
    batches.map((values) =>
      ec2.send(new DescribeImagesCommand({ Filters: [{ Name: 'image-id', Values: values }] })),
    ),
  );
  const needle = query.toLowerCase();
  return answers
    .flatMap((a) => a.Images ?? [])
    .filter((i) => needle === '' || (i.Name ?? '').toLowerCase().includes(needle));
}
