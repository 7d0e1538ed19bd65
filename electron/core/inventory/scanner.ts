// The inventory scan: regions side by side (bounded), and within a region every resource kind at
// once, each kind one chain of pages. A kind that AWS refuses (AccessDenied on one service) is
// recorded and the rest carries on; a network or credentials failure ends the region, so the
// caller can serve its cached copy instead.
import type { RegionInventory, ResourceKind } from '../../../shared/domain/inventory';
import { emptyRegionInventory } from '../../../shared/domain/inventory';
import { summarizeEncryption } from '../../../shared/inventory/block-device';
import { toApiError } from '../errors/to-api-error';
import { mapLimit } from './concurrency';
import { fetchInstances, fetchSnapshots, fetchVolumes } from './fetch-ec2';
import { fetchEbsDefaults } from './fetch-ebs-defaults';
import { fetchImagesById, fetchOwnedImages } from './fetch-images';
import { joinImageKeys } from './image-keys';
import { fetchAutoScalingGroups, fetchLaunchTemplates } from './fetch-launch';
import { fetchKeys } from './fetch-keys';
import { fetchBucketDetails, listAllBuckets, type ListedBucket } from './fetch-buckets';
import { newIntern } from './intern';
import { isOfflineError } from './offline';
import { DEFAULT_CONCURRENCY, type ScanClients, type ScanConcurrency } from './scan-clients';

export type KindState = 'running' | 'done' | 'failed';

export interface ScanRequest {
  readonly account: string;
  readonly regions: readonly string[];
  readonly clients: ScanClients;
  readonly signal?: AbortSignal;
  readonly concurrency?: ScanConcurrency;
  // Progress per region and kind; detail is a count ("5,000 volumes") or the error message.
  readonly onKind?: (region: string, kind: ResourceKind, state: KindState, detail?: string) => void;
  readonly now?: () => number;
}

export type RegionOutcome =
  | { readonly region: string; readonly ok: true; readonly inventory: RegionInventory }
  | { readonly region: string; readonly ok: false; readonly error: unknown };

export async function scanInventory(request: ScanRequest): Promise<RegionOutcome[]> {
  const concurrency = request.concurrency ?? DEFAULT_CONCURRENCY;
  const firstRegion = request.regions[0];
  let listing: Promise<ListedBucket[]> | undefined;
  // Buckets are listed once for the account, whichever region asks first.
  const bucketListing = () => {
    listing ??= listAllBuckets(
      request.clients.s3(firstRegion ?? 'us-east-1'),
      concurrency.bucketLookups,
      request.signal,
    );
    return listing;
  };
  return mapLimit(request.regions, concurrency.regions, async (region): Promise<RegionOutcome> => {
    try {
      return { region, ok: true, inventory: await scanRegion(region, request, concurrency, bucketListing) };
    } catch (error) {
      return { region, ok: false, error };
    }
  });
}

async function scanRegion(
  region: string,
  request: ScanRequest,
  concurrency: ScanConcurrency,
  bucketListing: () => Promise<ListedBucket[]>,
): Promise<RegionInventory> {
  const { clients, account, onKind } = request;
  const now = request.now ?? Date.now;
  // Aborted when the region fails for good, so its other chains stop after their current page.
  const regionAbort = new AbortController();
  const signal = request.signal ? AbortSignal.any([request.signal, regionAbort.signal]) : regionAbort.signal;
  const inventory = emptyRegionInventory(account, region, 0);
  const ec2 = clients.ec2(region);
  // One string table for the region's records, dropped when the scan ends (intern.ts).
  const intern = newIntern();

  const run = async <T>(
    kind: ResourceKind,
    fetch: () => Promise<T>,
    apply: (value: T) => string,
  ): Promise<void> => {
    onKind?.(region, kind, 'running');
    try {
      const detail = apply(await fetch());
      onKind?.(region, kind, 'done', detail);
    } catch (error) {
      const api = toApiError(error);
      onKind?.(region, kind, 'failed', api.message);
      if (isOfflineError(error) || signal.aborted) {
        regionAbort.abort(error);
        throw error;
      }
      inventory.errors.push({ kind, ...api });
    }
  };

  const instancesDone = run(
    'instances',
    () => fetchInstances(ec2, signal, intern),
    (v) => ((inventory.instances = v), count(v.length, 'instance')),
  );
  const snapshotsDone = run(
    'snapshots',
    () => fetchSnapshots(ec2, signal, intern),
    (v) => ((inventory.snapshots = v), count(v.length, 'snapshot')),
  );
  const tasks = [
    instancesDone,
    snapshotsDone,
    run(
      'volumes',
      () => fetchVolumes(ec2, signal, intern),
      (v) => ((inventory.volumes = v), count(v.length, 'volume')),
    ),
    run(
      'images',
      async () => {
        const owned = await fetchOwnedImages(ec2, account, signal, intern);
        // The AMIs instances run from that the account does not own: known once instances are.
        await instancesDone.catch(() => undefined);
        const known = new Set(owned.map((i) => i.id));
        const others = [...new Set(inventory.instances.map((i) => i.imageId))].filter(
          (id) => id && !known.has(id),
        );
        const images =
          others.length === 0
            ? owned
            : [...owned, ...(await fetchImagesById(ec2, others, account, signal, intern))];
        // Their keys from their snapshots: the owned ones the scan read, one batch for the rest.
        await snapshotsDone.catch(() => undefined);
        const scanned = new Map(inventory.snapshots.map((s) => [s.id, s]));
        return joinImageKeys(ec2, images, scanned, signal, intern);
      },
      (v) => ((inventory.images = v), count(v.length, 'AMI')),
    ),
    run(
      'launchTemplates',
      () => fetchLaunchTemplates(ec2, signal),
      (v) => ((inventory.launchTemplates = v), count(v.length, 'launch template')),
    ),
    run(
      'autoScalingGroups',
      () => fetchAutoScalingGroups(clients.autoscaling(region), signal),
      (v) => ((inventory.autoScalingGroups = v), count(v.length, 'group')),
    ),
    run(
      'keys',
      () => fetchKeys(clients.kms(region), concurrency.keyLookups, signal),
      (v) => ((inventory.keys = v), count(v.length, 'key')),
    ),
    run(
      'ebsDefaults',
      () => fetchEbsDefaults(ec2),
      (v) => (
        (inventory.ebsDefaults = v),
        `encryption by default ${v.encryptionByDefault ? 'on' : 'off'}${v.defaultKmsKeyError ? `; default key unreadable (${v.defaultKmsKeyError.code})` : ''}`
      ),
    ),
    run(
      'buckets',
      async () => {
        const here = (await bucketListing()).filter((b) => b.region === region);
        return fetchBucketDetails(clients.s3(region), here, concurrency.bucketLookups, signal);
      },
      (v) => ((inventory.buckets = v), count(v.length, 'bucket')),
    ),
  ];
  await Promise.all(tasks);
  joinInstanceEncryption(inventory);
  inventory.scannedAt = now();
  return inventory;
}

// An instance's encryption summary, from the volumes the region's scan found.
export function joinInstanceEncryption(inventory: RegionInventory): void {
  if (inventory.errors.some((e) => e.kind === 'volumes')) return;
  const encrypted = new Map(inventory.volumes.map((v) => [v.id, v.encrypted]));
  for (const instance of inventory.instances) {
    instance.encryption = summarizeEncryption(instance.devices.map((d) => encrypted.get(d.volumeId)));
  }
}

const count = (n: number, noun: string): string =>
  `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
