// `envelope inventory [--regions a,b] [--json]`: scan the selected account's regions and print
// every resource (JSON), or counts per region and kind plus the volume table. When AWS cannot be
// reached, the last saved inventory is printed and stderr says how old it is.
import { Command } from 'commander';
import type { Inventory, RegionInventory } from '../../../shared/domain/inventory';
import { formatTime } from '../../../shared/format/time';
import { encryptionCounts } from '../../../shared/inventory/encryption-counts';
import { wordsOf } from '../../../shared/labels/words';
import { keyIdOf } from '../../../shared/kms/key-reference';
import { AppError } from '../../core/errors/app-error';
import { print, printTable } from '../output';
import { type GlobalOptions, withCore } from '../context';

interface InventoryOptions extends GlobalOptions {
  readonly regions?: string;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export function inventoryCommand(): Command {
  return new Command('inventory')
    .description(
      'list instances, volumes, snapshots, AMIs, launch templates, Auto Scaling groups, KMS keys and S3 buckets, with the key that protects each',
    )
    .option('--regions <list>', 'comma-separated regions to scan (default: the selected region)')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<InventoryOptions>();
      const regions = parseRegions(options.regions);
      const inventory = await withCore(options, (core) =>
        core.inventory.scanNow(regions ?? [core.accounts.current().region]),
      );
      for (const region of inventory.regions) {
        if (region.source === 'cache') {
          const reason = region.offline ? `${region.offline.message} ` : '';
          process.stderr.write(
            `${region.region}: ${reason}Showing the inventory saved ${age(region.scannedAt)}.\n`,
          );
        }
      }
      for (const region of inventory.missing)
        process.stderr.write(`${region}: not scanned and no saved inventory.\n`);
      for (const region of inventory.regions) {
        for (const e of region.errors)
          process.stderr.write(`${region.region}: ${wordsOf(e.kind)}: ${e.code}: ${e.message}\n`);
      }
      print(options, inventory, () => printTables(inventory));
    });
}

function parseRegions(list: string | undefined): string[] | undefined {
  if (list === undefined) return undefined;
  const regions = list
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '');
  const bad = regions.find((r) => !REGION.test(r));
  if (bad !== undefined || regions.length === 0) {
    throw new AppError(
      'invalid-argument',
      `“${bad ?? list}” is not a region name.`,
      'Use --regions us-east-1,eu-west-1.',
    );
  }
  return regions;
}

function printTables(inventory: Inventory): void {
  process.stdout.write(`Account ${inventory.account ?? 'unknown'} (profile ${inventory.profile})\n\n`);
  printTable(inventory.regions.flatMap(countRows), [
    'region',
    'kind',
    'total',
    'encrypted',
    'partial',
    'unencrypted',
  ]);
  for (const region of inventory.regions) {
    process.stdout.write(
      `\nVolumes in ${region.region}${region.source === 'cache' ? ` (saved ${age(region.scannedAt)})` : ''}\n`,
    );
    printTable(
      region.volumes.map((v) => ({
        volume: v.id,
        size: `${v.sizeGiB} GiB`,
        type: v.type,
        az: v.az,
        encrypted: v.encrypted ? 'Encrypted' : 'Not encrypted',
        kmsKey: v.kmsKeyId ? keyIdOf(v.kmsKeyId) : '',
        attachedTo: v.attachments.map((a) => `${a.instanceId}:${a.device}`).join(' '),
      })),
      ['volume', 'size', 'type', 'az', 'encrypted', 'kmsKey', 'attachedTo'],
    );
  }
}

function countRows(region: RegionInventory) {
  const counted = encryptionCounts(region).map((c) => ({
    region: region.region,
    kind: wordsOf(c.kind),
    total: c.encrypted + c.partial + c.unencrypted,
    encrypted: c.encrypted,
    partial: c.partial,
    unencrypted: c.unencrypted,
  }));
  const plain = (kind: string, total: number) => ({ region: region.region, kind: wordsOf(kind), total });
  return [
    ...counted,
    plain('launchTemplates', region.launchTemplates.length),
    plain('autoScalingGroups', region.autoScalingGroups.length),
    plain('keys', region.keys.length),
  ];
}

function age(at: number): string {
  const minutes = Math.round((Date.now() - at) / 60_000);
  const when = formatTime(at);
  if (minutes < 1) return `${when} (just now)`;
  if (minutes < 120) return `${when} (${minutes} min ago)`;
  return `${when} (${Math.round(minutes / 60)} h ago)`;
}
