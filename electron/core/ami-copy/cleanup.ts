// After the user confirms: deregister a partial copy and delete its snapshots (deregister first,
// EC2 refuses to delete a snapshot an AMI still uses; deleting a pending copy cancels it), and,
// only on an explicit request, deregister the unencrypted source AMI (its snapshots are kept).
import { DeleteSnapshotCommand, DeregisterImageCommand, DescribeImagesCommand } from '@aws-sdk/client-ec2';
import { AppError } from '../errors/app-error';
import type { AmiCopyDeps } from './deps';

export interface CleanupResult {
  readonly deregistered?: string;
  readonly deletedSnapshots: string[];
}

const gone = (error: unknown): boolean =>
  /NotFound|Unavailable|\.Malformed/.test((error as { name?: string }).name ?? '');

export async function cleanupPartialCopy(
  deps: AmiCopyDeps,
  region: string,
  imageId: string | undefined,
  snapshotIds: readonly string[],
): Promise<CleanupResult> {
  const ec2 = deps.ec2(region);
  let deregistered: string | undefined;
  if (imageId) {
    try {
      await ec2.send(new DeregisterImageCommand({ ImageId: imageId }));
      deregistered = imageId;
    } catch (error) {
      if (!gone(error)) throw error;
    }
  }
  const deletedSnapshots: string[] = [];
  for (const id of snapshotIds) {
    try {
      await ec2.send(new DeleteSnapshotCommand({ SnapshotId: id }));
      deletedSnapshots.push(id);
    } catch (error) {
      if (!gone(error)) throw error;
    }
  }
  return { ...(deregistered ? { deregistered } : {}), deletedSnapshots };
}

// Whether the caller's account owns the AMI (undefined when it is not found or AWS cannot say).
export async function ownsImage(
  deps: AmiCopyDeps,
  region: string,
  imageId: string,
): Promise<boolean | undefined> {
  try {
    const [caller, answer] = await Promise.all([
      deps.caller(),
      deps
        .ec2(region)
        .send(new DescribeImagesCommand({ Filters: [{ Name: 'image-id', Values: [imageId] }] })),
    ]);
    const owner = answer.Images?.[0]?.OwnerId;
    return owner ? owner === caller.accountId : undefined;
  } catch {
    return undefined;
  }
}

export async function deregisterSourceImage(
  deps: AmiCopyDeps,
  region: string,
  imageId: string,
): Promise<void> {
  const caller = await deps.caller();
  const ec2 = deps.ec2(region);
  const answer = await ec2.send(
    new DescribeImagesCommand({ Filters: [{ Name: 'image-id', Values: [imageId] }] }),
  );
  const image = answer.Images?.[0];
  if (!image) throw new AppError('ami-not-found', `There is no AMI ${imageId} in ${region}.`);
  // Deregistered already (listed as such for a short while, DescribeImages API reference): done.
  if (image.State === 'deregistered') return;
  if (image.OwnerId !== caller.accountId) {
    throw new AppError(
      'ami-not-owned',
      `The AMI ${imageId} belongs to account ${image.OwnerId ?? 'unknown'}; only its owner can deregister it.`,
      'Nothing to do: stop using it in your launch templates instead.',
    );
  }
  await ec2.send(new DeregisterImageCommand({ ImageId: imageId }));
}
