// A migration plan built from the cached inventory, for a laptop with no network: the same plan
// document as a live dry run (buildPlan), with source 'cache', the facts dated by the scan that
// produced them, and the age said plainly. What the cache cannot know (the key policy, volume
// tags, the instance type's EBS-encryption support) is left to the live prechecks and the drift
// check that run before the plan does.
import type { JournalInstance, JournalVolume, MigrationStrategy } from '../../../shared/domain/migration';
import type {
  InstanceRecord,
  KeyRecord,
  RegionInventory,
  VolumeRecord,
} from '../../../shared/domain/inventory';
import {
  findKey as findKeyByIdentity,
  keyIndex,
  parseKeyReference,
  sameKey,
} from '../../../shared/kms/key-reference';
import { formatTime } from '../../../shared/format/time';
import type { Plan } from '../../../shared/plans/plan-document';
import { AppError } from '../errors/app-error';
import type { InventoryCache } from '../inventory/inventory-cache';
import { buildPlan } from '../migration/plan';

export interface OfflineMigrationInput {
  readonly profile: string;
  readonly region: string;
  readonly instanceIds: readonly string[];
  readonly kmsKeyRef: string;
  readonly strategy: Exclude<MigrationStrategy, 'replace'>;
  readonly now?: number; // ms since epoch
}

export async function planMigrationOffline(
  cache: InventoryCache,
  input: OfflineMigrationInput,
): Promise<Plan> {
  const account = cache.accountOf(input.profile);
  const inventory = account ? cache.read(account, input.region) : undefined;
  if (!account || !inventory) {
    throw new AppError(
      'no-cached-inventory',
      `There is no cached inventory of ${input.profile} in ${input.region}.`,
      'Scan the inventory once while online (Inventory → Scan, or `envelope inventory`); plans can then be built from it offline.',
    );
  }
  const key = findKey(inventory, input.kmsKeyRef);
  const instances = input.instanceIds.map((id) => journalInstance(inventory, id, key, input.strategy));
  const now = input.now ?? Date.now();
  const ageHours = Math.max(0, (now - inventory.scannedAt) / 3_600_000);
  const warnings = [
    `Built offline from the inventory cached ${ageHours < 1 ? 'less than an hour' : `${Math.round(ageHours)} h`} ago (scanned ${formatTime(inventory.scannedAt)}); Envelope checks it for drift before it runs.`,
    'Offline, the key policy, the volumes’ tags and the instance types’ EBS-encryption support could not be checked; the live prechecks check them before anything changes.',
  ];
  return buildPlan(
    {
      region: input.region,
      accountId: account,
      callerArn: `profile ${input.profile} (offline)`,
      now: () => now,
    },
    input.strategy,
    {
      arn: key.arn,
      label: key.aliases.find((a) => !a.startsWith('alias/aws/')) ?? key.aliases[0] ?? key.keyId,
      state: key.state,
    },
    instances,
    warnings,
    { source: 'cache', readAt: inventory.scannedAt },
  );
}

function findKey(inventory: RegionInventory, ref: string): KeyRecord {
  const parsed = parseKeyReference(ref);
  if (!parsed.ok) throw new AppError(parsed.error.code, parsed.error.message, parsed.error.hint);
  const wanted = ref.trim();
  // Any form of the key (id, ARN, alias name or ARN, alias/aws/ebs), by identity.
  const key = findKeyByIdentity(keyIndex(inventory.keys), wanted, { region: inventory.region });
  if (!key) {
    throw new AppError(
      'key-not-found',
      `The cached inventory of ${inventory.region} has no key ${wanted}.`,
      'Check the reference, or scan again once online.',
    );
  }
  if (key.state !== 'Enabled')
    throw new AppError(
      'key-not-usable',
      `${wanted} was ${key.state} when the inventory was scanned.`,
      'Choose an enabled key.',
    );
  if (key.spec !== 'SYMMETRIC_DEFAULT')
    throw new AppError(
      'key-not-usable',
      `${wanted} is ${key.spec}; EBS encrypts only with symmetric keys.`,
      'Choose a symmetric key.',
    );
  return key;
}

function journalInstance(
  inventory: RegionInventory,
  id: string,
  key: KeyRecord,
  strategy: OfflineMigrationInput['strategy'],
): JournalInstance {
  const record = inventory.instances.find((i) => i.id === id);
  if (!record)
    throw new AppError(
      'not-found',
      `The cached inventory of ${inventory.region} has no instance ${id}.`,
      'Check the id and the region, or scan again once online.',
    );
  const volumes: JournalVolume[] = [];
  const skipped: JournalInstance['skipped'] = [];
  for (const { device, volumeId } of record.devices) {
    const volume = inventory.volumes.find((v) => v.id === volumeId);
    if (!volume) {
      skipped.push({ device, volumeId, reason: 'not in the cached inventory' });
      continue;
    }
    const selected =
      strategy === 'swap' ? !volume.encrypted : volume.encrypted && !sameKey(volume.kmsKeyId, key.arn);
    if (selected) volumes.push(journalVolume(volume, record, device));
    else
      skipped.push({
        device,
        volumeId,
        reason: volume.encrypted ? 'already encrypted' : 'not encrypted (use swap)',
      });
  }
  if (volumes.length === 0)
    throw new AppError(
      'nothing-to-do',
      `Every volume of ${id} is already as asked.`,
      'Pick another instance or another strategy.',
    );
  return {
    instanceId: record.id,
    ...(record.name ? { name: record.name } : {}),
    instanceType: record.type,
    availabilityZone: record.az,
    rootDeviceName: record.rootDevice ?? record.devices[0]?.device ?? '',
    wasRunning: record.state === 'running',
    status: 'pending',
    volumes,
    skipped,
    steps: [],
  };
}

function journalVolume(volume: VolumeRecord, instance: InstanceRecord, device: string): JournalVolume {
  const attachment = volume.attachments.find((a) => a.instanceId === instance.id);
  return {
    device,
    originalVolumeId: volume.id,
    sizeGiB: volume.sizeGiB,
    volumeType: volume.type,
    ...(volume.iops === undefined ? {} : { iops: volume.iops }),
    ...(volume.throughput === undefined ? {} : { throughput: volume.throughput }),
    multiAttachEnabled: volume.multiAttach ?? false,
    deleteOnTermination: attachment?.deleteOnTermination ?? false,
    originalEncrypted: volume.encrypted,
    ...(volume.kmsKeyId ? { originalKmsKeyArn: volume.kmsKeyId } : {}),
    tags: [],
  };
}
