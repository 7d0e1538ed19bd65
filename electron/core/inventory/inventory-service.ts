// The inventory as core offers it: scan the selected account's regions as a job (progress per
// region and kind), keep the result in memory and in the offline cache, and answer reads with the
// live copy, else the cached one with its age. A scan that cannot reach AWS (network, expired or
// missing credentials) serves the cache and says so.
import type { Inventory, RegionInventory, ResourceKind } from '../../../shared/domain/inventory';
import { kindTitles, resourceCount, resourceKinds } from '../../../shared/domain/inventory';
import type { CanonicalKey } from '../../../shared/kms/key-reference';
import type { AccountService } from '../accounts/account-service';
import type { EventBus } from '../events/event-bus';
import type { JobContext, JobManager } from '../jobs/job-manager';
import { fetchKeyPolicy, parseOrThrow, resolveKeyReference } from '../kms/key-reference';
import { AppError } from '../errors/app-error';
import { InventoryCache } from './inventory-cache';
import { isOfflineError, offlineReason } from './offline';
import type { ScanClients, ScanConcurrency } from './scan-clients';
import { scanInventory } from './scanner';

export interface InventoryServiceOptions {
  readonly accounts: AccountService;
  readonly jobs: JobManager;
  readonly events: EventBus;
  readonly dataDir: string;
  readonly concurrency?: ScanConcurrency;
}

export interface ScanSummary {
  readonly regions: { region: string; source: 'live' | 'cache' | 'missing'; resources: number }[];
}

export class InventoryService {
  private readonly live = new Map<string, RegionInventory>(); // by `${account}/${region}`
  private readonly cache: InventoryCache;
  private readonly accountsByProfile = new Map<string, string>();

  constructor(private readonly options: InventoryServiceOptions) {
    this.cache = new InventoryCache(options.dataDir);
  }

  // Starts an 'inventory-scan' job; returns its id at once.
  scan(regions?: readonly string[]): string {
    const { profile, region } = this.options.accounts.current();
    const list = regions && regions.length > 0 ? [...new Set(regions)] : [region];
    const title = `Inventory of ${list.join(', ')}`;
    return this.options.jobs.start('inventory-scan', title, async (context) =>
      summarize(await this.scanNow(list, profile, context)),
    );
  }

  // Scans now and resolves with the inventory (the CLI awaits this; the job wraps it).
  async scanNow(
    regions: readonly string[],
    profile = this.options.accounts.current().profile,
    context?: JobContext,
  ): Promise<Inventory> {
    let account: string;
    try {
      account = await this.accountOf(profile);
    } catch (error) {
      if (!isOfflineError(error)) throw error;
      const cached = this.fromCache(profile, regions, error);
      if (cached.regions.length === 0) throw error;
      this.announce(cached);
      return cached;
    }
    const steps = regions.flatMap((r) =>
      resourceKinds.map((k) => ({ id: stepId(r, k), title: `${r} · ${kindTitles[k]}` })),
    );
    context?.steps.define(steps);
    let finished = 0;
    const outcomes = await scanInventory({
      account,
      regions,
      clients: this.clients(profile),
      ...(context ? { signal: context.signal } : {}),
      ...(this.options.concurrency ? { concurrency: this.options.concurrency } : {}),
      onKind: (region, kind, state, detail) => {
        context?.steps.set(stepId(region, kind), state, detail);
        if (state === 'running') return;
        finished += 1;
        context?.progress({
          value: finished / steps.length,
          title: `Scanning ${region}`,
          detail: `${kindTitles[kind]}: ${detail ?? state}`,
        });
      },
    });
    context?.signal.throwIfAborted();
    const result: Inventory = { profile, account, regions: [], missing: [] };
    let offline: { readonly error: unknown } | undefined;
    for (const outcome of outcomes) {
      if (outcome.ok) {
        this.live.set(`${account}/${outcome.region}`, outcome.inventory);
        this.cache.write(outcome.inventory);
        result.regions.push(outcome.inventory);
        continue;
      }
      if (!isOfflineError(outcome.error)) throw outcome.error;
      offline = { error: outcome.error };
      const cached = this.cached(account, outcome.region, outcome.error);
      if (cached) result.regions.push(cached);
      else result.missing.push(outcome.region);
    }
    // Offline with nothing cached: the scan failed, and says why.
    if (result.regions.length === 0 && offline) throw offline.error;
    this.announce(result);
    return result;
  }

  // What is known without scanning: this session's scans, else the offline cache.
  async get(regions?: readonly string[]): Promise<Inventory> {
    const { profile, region } = this.options.accounts.current();
    const list = regions && regions.length > 0 ? [...new Set(regions)] : [region];
    let account: string;
    try {
      account = await this.accountOf(profile);
    } catch (error) {
      if (!isOfflineError(error)) throw error;
      return this.fromCache(profile, list, error);
    }
    const result: Inventory = { profile, account, regions: [], missing: [] };
    for (const r of list) {
      const known = this.live.get(`${account}/${r}`) ?? this.cache.read(account, r);
      if (known) result.regions.push(known);
      else result.missing.push(r);
    }
    return result;
  }

  async resolveKey(ref: string, region: string): Promise<CanonicalKey> {
    parseOrThrow(ref); // a malformed reference fails before any call, even offline
    const { profile } = this.options.accounts.current();
    const account = await this.accountOf(profile).catch(() => undefined);
    const kms = this.options.accounts.clients.get('kms', profile, region);
    return resolveKeyReference(ref, account === undefined ? { region } : { region, account }, kms);
  }

  async keyPolicy(keyArn: string): Promise<string> {
    const parsed = parseOrThrow(keyArn);
    if (parsed.kind !== 'key-arn') {
      throw new AppError(
        'invalid-key-reference',
        'A key policy is read by key ARN.',
        'Resolve the key first (kms:resolve) and pass its ARN.',
      );
    }
    const { profile } = this.options.accounts.current();
    return fetchKeyPolicy(this.options.accounts.clients.get('kms', profile, parsed.region), keyArn);
  }

  private async accountOf(profile: string): Promise<string> {
    const known = this.accountsByProfile.get(profile);
    if (known) return known;
    try {
      const { accountId } = await this.options.accounts.identity(profile);
      this.accountsByProfile.set(profile, accountId);
      this.cache.rememberAccount(profile, accountId);
      return accountId;
    } catch (error) {
      // Offline: the account this profile was last time, if any, lets the cache be found.
      const remembered = isOfflineError(error) ? this.cache.accountOf(profile) : undefined;
      if (remembered) return remembered;
      throw error;
    }
  }

  private fromCache(profile: string, regions: readonly string[], error: unknown): Inventory {
    const account = this.cache.accountOf(profile);
    const result: Inventory = { profile, ...(account ? { account } : {}), regions: [], missing: [] };
    for (const region of regions) {
      const cached = account ? this.cached(account, region, error) : undefined;
      if (cached) result.regions.push(cached);
      else result.missing.push(region);
    }
    return result;
  }

  private cached(account: string, region: string, error: unknown): RegionInventory | undefined {
    const cached = this.cache.read(account, region);
    return cached ? { ...cached, source: 'cache', offline: offlineReason(error) } : undefined;
  }

  private announce(inventory: Inventory): void {
    this.options.events.emit('inventory:changed', {
      profile: inventory.profile,
      ...(inventory.account ? { account: inventory.account } : {}),
      regions: inventory.regions.map((r) => ({ region: r.region, scannedAt: r.scannedAt, source: r.source })),
    });
  }

  private clients(profile: string): ScanClients {
    const factory = this.options.accounts.clients;
    return {
      ec2: (region) => factory.get('ec2', profile, region),
      kms: (region) => factory.get('kms', profile, region),
      s3: (region) => factory.get('s3', profile, region),
      autoscaling: (region) => factory.get('autoscaling', profile, region),
    };
  }
}

const stepId = (region: string, kind: ResourceKind): string => `${region}:${kind}`;

function summarize(inventory: Inventory): ScanSummary {
  return {
    regions: [
      ...inventory.regions.map((r) => ({
        region: r.region,
        source: r.source,
        resources: resourceCount(r),
      })),
      ...inventory.missing.map((region) => ({ region, source: 'missing' as const, resources: 0 })),
    ],
  };
}
