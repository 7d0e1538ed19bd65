// One diagnostics run: scan the inventory of each region, gather the extra reads, run every check,
// and assemble the report. Progress goes to the job (one step per region and phase).
import {
  countBySeverity,
  intendedFor,
  type DiagnosticsReport,
  type DiagnosticsSettings,
  type Finding,
} from '../../../shared/domain/diagnostics';
import type { AccountService } from '../accounts/account-service';
import type { InventoryService } from '../inventory/inventory-service';
import type { JobContext } from '../jobs/job-manager';
import { runChecks } from './checks';
import { couldNotCheck } from './checks/could-not-check';
import { gather, type GatherError } from './gather';

export interface RunDeps {
  readonly accounts: AccountService;
  readonly inventory: InventoryService;
}

export interface RunOptions {
  readonly regions: readonly string[];
  readonly settings: DiagnosticsSettings;
  readonly now?: () => Date;
}

export async function runDiagnostics(
  deps: RunDeps,
  options: RunOptions,
  context?: JobContext,
): Promise<DiagnosticsReport> {
  const { profile } = deps.accounts.current();
  const identity = await deps.accounts.identity(profile);
  const regions = [...new Set(options.regions)];
  context?.steps.define([
    { id: 'inventory', title: `Inventory of ${regions.join(', ')}` },
    ...regions.map((r) => ({ id: `checks-${r}`, title: `Checks in ${r}` })),
  ]);
  context?.steps.set('inventory', 'running');
  context?.progress({ value: 0.05, title: 'Scanning the inventory' });
  const inventory = await deps.inventory.scanNow(regions, profile);
  context?.steps.set('inventory', 'done');

  const findings: Finding[] = [];
  const errors: GatherError[] = [];
  for (const region of inventory.missing) {
    errors.push({
      region,
      what: 'inventory',
      code: 'missing',
      message: 'No inventory could be read or found in the cache.',
    });
  }
  for (const [i, regional] of inventory.regions.entries()) {
    context?.signal.throwIfAborted();
    const step = `checks-${regional.region}`;
    context?.steps.set(step, 'running');
    context?.progress({
      value: 0.3 + (0.7 * i) / inventory.regions.length,
      title: `Checking ${regional.region}`,
    });
    for (const e of regional.errors)
      errors.push({ region: regional.region, what: e.kind, code: e.code, message: e.message });
    const clients = {
      ec2: deps.accounts.clients.get('ec2', profile, regional.region),
      kms: deps.accounts.clients.get('kms', profile, regional.region),
      iam: deps.accounts.clients.get('iam', profile, regional.region),
    };
    const gathered = await gather({
      account: identity.accountId,
      callerArn: identity.arn,
      inventory: regional,
      intended: intendedFor(options.settings, regional.region),
      bucketPrefixes: options.settings.bucketPrefixes,
      repeatWindowHours: options.settings.repeatWindowHours,
      clients,
      ...(context ? { signal: context.signal } : {}),
    });
    errors.push(...gathered.errors);
    const found = runChecks(gathered.check);
    findings.push(...found);
    context?.steps.set(step, 'done', `${found.length} finding${found.length === 1 ? '' : 's'}`);
  }
  // Every read that was not answered becomes a "could not check" finding of the check that needed
  // it, besides its line in errors, so a refused or unimplemented call is never silent in the report.
  findings.push(...errors.map(couldNotCheck));
  context?.progress({ value: 1, title: 'Done', detail: `${findings.length} findings` });

  const intended = Object.fromEntries(regions.map((r) => [r, intendedFor(options.settings, r)]));
  return {
    schema: 'envelope.diagnostics/v1',
    generatedAt: (options.now?.() ?? new Date()).toISOString(),
    profile,
    account: identity.accountId,
    caller: identity.arn,
    regions,
    intended,
    bucketPrefixes: [...options.settings.bucketPrefixes],
    findings,
    summary: countBySeverity(findings),
    errors,
  };
}
