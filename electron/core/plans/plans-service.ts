// Plans as core offers them: import (schema + seal, never a crash), check (seal + drift against
// the live state), render (the export formats), and run — through the SAME services, executors
// and journals as the wizards: migration plans through the migration service, AMI copies through
// the AMI copy service, fixes through the diagnostics fix path. Drift refuses a run unless forced.
import { describeDrift } from '../../../shared/labels/plan-facts';
import type { Plan } from '../../../shared/plans/plan-document';
import { hasValidSeal } from '../../../shared/plans/plan-document';
import { importPlanText, importPlanValue } from '../../../shared/plans/plan-import';
import { summarizePlan, type DriftReport, type PlanSummary } from '../../../shared/plans/plan-summary';
import { renderPlan, type ExportFormat, type RenderedPlan } from '../../../shared/plans/render/render-plan';
import type { AccountService } from '../accounts/account-service';
import type { AmiCopyService } from '../ami-copy/ami-copy-service';
import type { DiagnosticsService } from '../diagnostics/diagnostics-service';
import { AppError } from '../errors/app-error';
import { toApiError } from '../errors/to-api-error';
import { isOfflineError } from '../inventory/offline';
import type { MigrationService } from '../migration/migration-service';
import type { S3EncryptService } from '../s3-encrypt/s3-encrypt-service';
import { checkDrift, offlineReport } from './drift-check';
import { InventoryCache } from '../inventory/inventory-cache';
import { planMigrationOffline } from './offline-migration-plan';
import type { PlanSigner } from './signing';

export interface PlansServiceOptions {
  readonly accounts: AccountService;
  readonly migration: MigrationService;
  readonly amiCopy: AmiCopyService;
  readonly s3Encrypt: S3EncryptService;
  readonly diagnostics: DiagnosticsService;
  readonly dataDir: string;
  readonly signer: PlanSigner;
}

export interface OfflinePlanRequest {
  readonly instanceIds: readonly string[];
  readonly kmsKeyRef: string;
  readonly strategy: 'swap' | 'rekey';
  readonly region?: string;
}

export type ImportAnswer = { ok: true; plan: Plan; summary: PlanSummary } | { ok: false; problem: string };

export interface CheckAnswer {
  readonly sealValid: boolean;
  readonly drift: DriftReport;
}

export interface RunAnswer {
  readonly kind: Plan['kind'];
  readonly jobIds: string[];
  readonly migrationId?: string;
  readonly fixEntryId?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export class PlansService {
  constructor(private readonly options: PlansServiceOptions) {}

  async import(text: string): Promise<ImportAnswer> {
    const result = await importPlanText(text);
    if (!result.ok) return result;
    const signer = this.options.signer.signerOf(result.plan);
    return { ok: true, plan: result.plan, summary: { ...summarizePlan(result.plan), signer } };
  }

  // A migration plan from the cached inventory of the selected account: no AWS call at all.
  async planOffline(request: OfflinePlanRequest): Promise<ImportAnswer> {
    const selection = this.options.accounts.current();
    const plan = await planMigrationOffline(new InventoryCache(this.options.dataDir), {
      profile: selection.profile,
      region: request.region ?? selection.region,
      instanceIds: request.instanceIds,
      kmsKeyRef: request.kmsKeyRef,
      strategy: request.strategy,
    });
    return { ok: true, plan, summary: summarizePlan(plan) };
  }

  // A plan object from IPC or a producer: the same checks as a file.
  async accept(value: unknown): Promise<Plan> {
    const result = await importPlanValue(value);
    if (!result.ok) throw new AppError('invalid-plan', result.problem);
    return result.plan;
  }

  async check(value: unknown): Promise<CheckAnswer> {
    const plan = await this.accept(value);
    return { sealValid: await hasValidSeal(plan), drift: await this.drift(plan) };
  }

  // A signer fingerprint the user checked with its owner: plans it signs import as known.
  trust(fingerprint: string): Promise<{ fingerprint: string }> {
    return Promise.resolve().then(() => this.options.signer.trust(fingerprint));
  }

  // Plans are signed on export (the JSON carries the signature block; the other formats are for
  // reading and running, and name the seal).
  async render(plan: Plan, format: ExportFormat): Promise<RenderedPlan> {
    const signed = format === 'json' ? await this.options.signer.sign(plan) : plan;
    try {
      return renderPlan(signed, format);
    } catch (error) {
      throw new AppError('export-unavailable', error instanceof Error ? error.message : String(error));
    }
  }

  async drift(plan: Plan): Promise<DriftReport> {
    const { accounts } = this.options;
    const profile = accounts.current().profile;
    const checkedAt = new Date().toISOString();
    try {
      const identity = await accounts.identity(profile);
      if (identity.accountId !== plan.accountId) {
        return {
          status: 'drift',
          checkedAt,
          drifts: [
            {
              resource: 'account',
              id: profile,
              region: '',
              attribute: 'accountId',
              planned: plan.accountId,
              live: identity.accountId,
            },
          ],
          unchecked: plan.facts.map((f) => `${f.resource} ${f.id}`),
          reason: `The plan is for account ${plan.accountId}; profile ${profile} is account ${identity.accountId}.`,
        };
      }
    } catch (error) {
      if (!isOfflineError(error) && toApiError(error).code !== 'offline') throw error;
      return offlineReport(plan, checkedAt, error);
    }
    return checkDrift(plan, {
      ec2: (region) => accounts.clients.get('ec2', profile, region),
      kms: (region) => accounts.clients.get('kms', profile, region),
    });
  }

  async run(value: unknown, options: { force?: boolean } = {}): Promise<RunAnswer> {
    const plan = await this.accept(value);
    const drift = await this.drift(plan);
    if (drift.status === 'offline') {
      throw new AppError(
        'offline',
        drift.reason ?? 'AWS is not reachable.',
        'Run the plan when AWS can be reached.',
      );
    }
    if (drift.status === 'drift' && !options.force) {
      const first = drift.drifts[0];
      throw new AppError(
        'plan-drift',
        `The live state differs from the plan in ${drift.drifts.length} place(s)${first ? `, e.g. ${describeDrift(first)}` : ''}.`,
        'Review the drift (plan check) and plan again, or run with --force.',
      );
    }
    switch (plan.kind) {
      case 'migration':
        return this.runMigration(plan);
      case 'ami-copy':
        return { kind: plan.kind, jobIds: await this.options.amiCopy.start(plan) };
      case 'diagnostic-fix': {
        const entry = await this.options.diagnostics.applyFix(plan);
        return { kind: plan.kind, jobIds: [], fixEntryId: entry.id };
      }
      case 's3-encrypt':
        return { kind: plan.kind, jobIds: [await this.options.s3Encrypt.start(plan)] };
    }
  }

  private async runMigration(plan: Plan): Promise<RunAnswer> {
    const region = plan.regions[0];
    const current = this.options.accounts.current();
    if (region && region !== current.region) {
      throw new AppError(
        'wrong-region',
        `The plan is for ${region}, but the selected region is ${current.region}.`,
        `Select ${region} (or pass --region ${region}).`,
      );
    }
    const input = plan.input;
    const keyArn = str(input.keyArn);
    const strategy = str(input.strategy);
    const instanceIds = Array.isArray(input.instanceIds)
      ? input.instanceIds.filter((i) => typeof i === 'string')
      : [];
    if (!keyArn || !strategy || instanceIds.length === 0) {
      throw new AppError('invalid-plan', 'The migration plan does not say which instances and key to use.');
    }
    const started = await this.options.migration.start(
      { instanceIds, kmsKeyRef: keyArn, strategy: strategy as 'swap' | 'rekey' | 'replace' },
      plan.sha256,
    );
    return { kind: plan.kind, jobIds: [started.jobId], migrationId: started.migrationId };
  }
}
