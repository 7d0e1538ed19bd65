// An AMI's KMS key, read from its snapshots. DescribeImages never says it: Ebs.KmsKeyId "is only
// supported on BlockDeviceMapping objects called by RunInstances, RequestSpotFleet, and
// RequestSpotInstances" (EC2 API reference, EbsBlockDevice; terraform-provider-aws#29027), so
// every image's encrypted devices are joined with DescribeSnapshots. The inventory reuses the
// snapshots its owned-snapshot scan already has and asks for the rest in batches by SnapshotIds
// (without MaxResults: the two cannot be combined, and without it one answer holds them all).
// Another account's snapshot may not be describable (not shared with this account): its key is
// then unknown, and the device says why instead of failing the scan.
import type { EC2Client } from '@aws-sdk/client-ec2';
import { DescribeSnapshotsCommand } from '@aws-sdk/client-ec2';
import type { BlockDevice } from '../../../shared/domain/inventory';
import { toApiError } from '../errors/to-api-error';
import { keepAsIs, type Intern } from './intern';
import { isOfflineError } from './offline';

export type SnapshotKeyAnswer =
  { readonly encrypted: boolean; readonly kmsKeyId?: string } | { readonly unknown: string };

// SnapshotIds per call: a bound on the request's size, not an AWS limit (none is documented).
const IDS_PER_CALL = 500;

const NOT_VISIBLE = 'its snapshot is not visible to this account (not shared with it)';

// Snapshot id → its encryption and key, or why it could not be read.
export async function describeSnapshotKeys(
  client: EC2Client,
  snapshotIds: readonly string[],
  signal?: AbortSignal,
  intern: Intern = keepAsIs,
): Promise<Map<string, SnapshotKeyAnswer>> {
  const out = new Map<string, SnapshotKeyAnswer>();
  const ids = [...new Set(snapshotIds.filter((id) => id !== ''))];
  for (let start = 0; start < ids.length; start += IDS_PER_CALL)
    await lookup(client, ids.slice(start, start + IDS_PER_CALL), out, signal, intern);
  return out;
}

async function lookup(
  client: EC2Client,
  ids: readonly string[],
  out: Map<string, SnapshotKeyAnswer>,
  signal: AbortSignal | undefined,
  intern: Intern,
): Promise<void> {
  signal?.throwIfAborted();
  try {
    const answer = await client.send(new DescribeSnapshotsCommand({ SnapshotIds: [...ids] }), {
      ...(signal ? { abortSignal: signal } : {}),
    });
    for (const s of answer.Snapshots ?? []) {
      if (!s.SnapshotId) continue;
      out.set(s.SnapshotId, {
        encrypted: s.Encrypted ?? false,
        ...(s.KmsKeyId ? { kmsKeyId: intern(s.KmsKeyId) } : {}),
      });
    }
    for (const id of ids) if (!out.has(id)) out.set(id, { unknown: NOT_VISIBLE });
  } catch (error) {
    if (isOfflineError(error) || signal?.aborted) throw error;
    const name = (error as { name?: string }).name ?? '';
    // One id AWS cannot show fails the whole call (InvalidSnapshot.NotFound): halve the batch until
    // the ids it can show are answered (at most 2n calls, and only when something is not shared).
    if (/^InvalidSnapshot\.NotFound$|^InvalidSnapshotID\.Malformed$/.test(name) && ids.length > 1) {
      const half = Math.ceil(ids.length / 2);
      await lookup(client, ids.slice(0, half), out, signal, intern);
      await lookup(client, ids.slice(half), out, signal, intern);
      return;
    }
    const api = toApiError(error);
    const why = /NotFound/.test(name)
      ? NOT_VISIBLE
      : `DescribeSnapshots was refused (${api.code}: ${api.message})`;
    for (const id of ids) out.set(id, { unknown: why });
  }
}

// The snapshots whose key the images need and the scan did not already read: those of encrypted
// devices only (an unencrypted device has no key to find).
export function snapshotsToDescribe(
  images: readonly { readonly blockDevices: readonly BlockDevice[] }[],
  known: ReadonlyMap<string, unknown>,
): string[] {
  const ids = new Set<string>();
  for (const image of images)
    for (const d of image.blockDevices)
      if (d.encrypted && d.snapshotId && !known.has(d.snapshotId)) ids.add(d.snapshotId);
  return [...ids];
}

// A device with its key from the snapshot's answer: the key ARN, or why it is unknown.
export function withSnapshotKey(device: BlockDevice, answer: SnapshotKeyAnswer | undefined): BlockDevice {
  const { kmsKeyId: _ignored, kmsKeyUnknown: _old, ...rest } = device;
  if (!device.encrypted || !device.snapshotId) return rest;
  if (answer === undefined) return { ...rest, kmsKeyUnknown: 'its snapshot was not read' };
  if ('unknown' in answer) return { ...rest, kmsKeyUnknown: answer.unknown };
  return answer.kmsKeyId ? { ...rest, kmsKeyId: answer.kmsKeyId } : rest;
}

export function withImageKeys<T extends { readonly blockDevices: readonly BlockDevice[] }>(
  images: readonly T[],
  answers: ReadonlyMap<string, SnapshotKeyAnswer>,
): T[] {
  return images.map((image) => ({
    ...image,
    blockDevices: image.blockDevices.map((d) =>
      withSnapshotKey(d, d.snapshotId ? answers.get(d.snapshotId) : undefined),
    ),
  }));
}

// Every image with its devices' keys: the scan's own snapshots first, one batched DescribeSnapshots
// (per IDS_PER_CALL) for the rest.
export async function joinImageKeys<T extends { readonly blockDevices: readonly BlockDevice[] }>(
  client: EC2Client,
  images: readonly T[],
  scanned: ReadonlyMap<string, SnapshotKeyAnswer> = new Map(),
  signal?: AbortSignal,
  intern: Intern = keepAsIs,
): Promise<T[]> {
  const missing = snapshotsToDescribe(images, scanned);
  const fetched =
    missing.length === 0 ? new Map() : await describeSnapshotKeys(client, missing, signal, intern);
  return withImageKeys(images, new Map([...scanned, ...fetched]));
}
