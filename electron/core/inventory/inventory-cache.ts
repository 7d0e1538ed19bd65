// The last inventory of each (account, region), kept in the app's data directory as
// inventory/<account>/<region>.json so it can be shown, with its age, when AWS cannot be reached.
// Writes are atomic (a temporary file renamed over the old one), so a crash never leaves half a
// file; a file that does not parse is treated as absent. inventory/profiles.json remembers which
// account each profile last was, so the cache can be found without calling STS.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { RegionInventory } from '../../../shared/domain/inventory';
import { regionInventorySchema } from '../../../shared/domain/inventory';
import { log } from '../log';

const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const profilesSchema = z.record(z.string(), z.string());

export class InventoryCache {
  private readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'inventory');
  }

  read(account: string, region: string): RegionInventory | undefined {
    const file = this.file(account, region);
    if (!file) return undefined;
    const text = readText(file);
    if (text === undefined) return undefined;
    try {
      const parsed = regionInventorySchema.safeParse(JSON.parse(text));
      if (parsed.success) return { ...parsed.data, source: 'cache' };
      log.warn(`inventory cache ${account}/${region} does not match the schema; ignored`);
    } catch {
      log.warn(`inventory cache ${account}/${region} is not JSON; ignored`);
    }
    return undefined;
  }

  write(inventory: RegionInventory): void {
    const file = this.file(inventory.account, inventory.region);
    if (!file) return;
    // What is stored is what was scanned; 'cache' and the offline reason are set when read back.
    const { offline: _offline, ...stored } = inventory;
    writeAtomic(file, JSON.stringify({ ...stored, source: 'live' }));
  }

  accountOf(profile: string): string | undefined {
    return this.profiles()[profile];
  }

  rememberAccount(profile: string, account: string): void {
    const profiles = this.profiles();
    if (profiles[profile] === account) return;
    writeAtomic(
      join(this.root, 'profiles.json'),
      JSON.stringify({ ...profiles, [profile]: account }, null, 2),
    );
  }

  private profiles(): Record<string, string> {
    const text = readText(join(this.root, 'profiles.json'));
    if (text === undefined) return {};
    try {
      const parsed = profilesSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }

  // Only well-formed names become paths: nothing from outside can point a write elsewhere.
  private file(account: string, region: string): string | undefined {
    if (!ACCOUNT.test(account) || !REGION.test(region)) return undefined;
    return join(this.root, account, `${region}.json`);
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

let sequence = 0;

function writeAtomic(file: string, text: string): void {
  mkdirSync(join(file, '..'), { recursive: true });
  sequence += 1;
  const temporary = `${file}.${process.pid}.${sequence}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
