// The migration as a core service: plan (dry run), start, resume, rollback and cleanup as jobs,
// the journals listed from the data directory (unfinished ones resumable after a restart), and
// each journal write broadcast as `migration:changed` for the live view.
import {
  awaitingConfirmation,
  isFinished,
  STEP_TITLES,
  type MigrationJournal,
  type MigrationRequest,
  type MigrationSummary,
} from '../../../shared/domain/migration';
import { failureOf, nextActions } from '../../../shared/domain/migration-outcome';
import type { Plan } from '../../../shared/plans/plan-document';
import type { AccountService } from '../accounts/account-service';
import { AppError } from '../errors/app-error';
import { toApiError } from '../errors/to-api-error';
import { log } from '../log';
import type { EventBus } from '../events/event-bus';
import type { JobContext, JobManager } from '../jobs/job-manager';
import { cleanupMigration } from './cleanup';
import { confirmNode, executeMigration, rollbackMigration } from './executor';
import { Journal, JournalStore, summarize } from './journal';
import { AWS_WAIT_TUNING, type MigrationContext, type WaitTuning } from './migration-context';
import { createJournal, prepareMigration, type PreparedMigration } from './prepare';
import type { Preflight } from '../../../shared/domain/preflight';
import { assertPreflightPasses, migrationPreflight, withPreflight } from '../preflight/index';
import { acceptReviewedPlan, assertSamePlan } from './reviewed-plan';
import type { RunContext } from './run-context';

export interface MigrationServiceOptions {
  readonly accounts: AccountService;
  readonly jobs: JobManager;
  readonly events: EventBus;
  readonly dataDir: string;
}

// ENVELOPE_WAIT_DELAY_SECONDS shortens polling against a sandbox that runs faster than real time.
function waitTuning(): WaitTuning {
  const override = Number(process.env.ENVELOPE_WAIT_DELAY_SECONDS);
  if (!Number.isFinite(override) || override <= 0) return AWS_WAIT_TUNING;
  return { minDelay: override, maxDelay: override * 4, timeScale: 1 };
}

export class MigrationService {
  readonly store: JournalStore;
  // Migrations with a job running in this process.
  private readonly active = new Map<string, string>();

  constructor(private readonly options: MigrationServiceOptions) {
    this.store = new JournalStore({
      dataDir: options.dataDir,
      onChange: (journal) => options.events.emit('migration:changed', journal),
    });
  }

  async context(profile?: string, region?: string): Promise<MigrationContext> {
    const selection = this.options.accounts.current();
    const p = profile ?? selection.profile;
    const r = region ?? selection.region;
    const identity = await this.options.accounts.identity(p);
    return {
      ec2: this.options.accounts.clients.get('ec2', p, r),
      kms: this.options.accounts.clients.get('kms', p, r),
      iam: this.options.accounts.clients.get('iam', p, r),
      profile: p,
      region: r,
      accountId: identity.accountId,
      callerArn: identity.arn,
      waits: waitTuning(),
      now: Date.now,
      dataDir: this.options.dataDir,
    };
  }

  // The plan with its preflight: each distinct call sent once with DryRun (core/preflight).
  async plan(request: MigrationRequest): Promise<Plan> {
    const ctx = await this.context();
    const prepared = await prepareMigration(ctx, request);
    return withPreflight(prepared.plan, await this.preflight(ctx, prepared));
  }

  private preflight(ctx: MigrationContext, prepared: PreparedMigration): Promise<Preflight> {
    const { accounts } = this.options;
    return migrationPreflight(
      {
        ec2: (region) => accounts.clients.get('ec2', ctx.profile, region),
        kms: (region) => accounts.clients.get('kms', ctx.profile, region),
        sts: () => accounts.clients.get('sts', ctx.profile, ctx.region),
        iam: () => accounts.clients.get('iam', ctx.profile, ctx.region),
        callerArn: ctx.callerArn,
        accountId: ctx.accountId,
        now: ctx.now,
      },
      {
        region: ctx.region,
        strategy: prepared.strategy,
        keyArn: prepared.keyArn,
        instances: prepared.instances,
      },
    );
  }

  // reviewedPlanSha256: the seal of an imported plan this run carries out (plans:run).
  async start(
    request: MigrationRequest,
    reviewedPlanSha256?: string,
  ): Promise<{ migrationId: string; jobId: string }> {
    const ctx = await this.context();
    const prepared = await prepareMigration(ctx, request);
    // Nothing starts while AWS would refuse one of the calls (the journal is not even written).
    assertPreflightPasses(await this.preflight(ctx, prepared));
    const journal = createJournal(this.store, ctx, prepared, undefined, reviewedPlanSha256);
    const jobId = this.run(journal, ctx, 'Migrate', (run, job) => executeMigration(run, this.hooks(job)));
    return { migrationId: journal.value.id, jobId };
  }

  // The wizard's Run: exactly the reviewed plan, or nothing (reviewed-plan.ts).
  async startReviewed(value: unknown): Promise<{ migrationId: string; jobId: string }> {
    const { plan, request } = await acceptReviewedPlan(value);
    const ctx = await this.context();
    if (plan.accountId !== ctx.accountId || !plan.regions.includes(ctx.region)) {
      throw new AppError(
        'wrong-account',
        `The plan is for account ${plan.accountId} in ${plan.regions.join(', ')}, but ${ctx.accountId} in ${ctx.region} is selected.`,
        'Select that account and region, or review a new plan.',
      );
    }
    const prepared = await prepareMigration(ctx, request);
    assertSamePlan(plan, prepared.plan);
    assertPreflightPasses(await this.preflight(ctx, prepared));
    const journal = createJournal(this.store, ctx, prepared, undefined, plan.sha256);
    const jobId = this.run(journal, ctx, 'Migrate', (run, job) => executeMigration(run, this.hooks(job)));
    return { migrationId: journal.value.id, jobId };
  }

  async resume(id: string): Promise<{ migrationId: string; jobId: string }> {
    const { journal, ctx } = await this.open(id);
    if (isFinished(journal.value.status)) {
      throw new AppError(
        'migration-finished',
        `${id} is ${journal.value.status}; there is nothing to resume.`,
      );
    }
    const jobId = this.run(journal, ctx, 'Resume', (run, job) => executeMigration(run, this.hooks(job)));
    return { migrationId: id, jobId };
  }

  // Replace strategy: the user confirms the swap of the instance that waits for it (they have
  // moved the workload to its replacement); the migration then stops that original and goes on.
  async confirm(id: string, instanceId?: string): Promise<{ migrationId: string; jobId: string }> {
    const { journal, ctx } = await this.open(id);
    confirmNode(journal, instanceId, ctx.now());
    const jobId = this.run(journal, ctx, 'Continue', (run, job) => executeMigration(run, this.hooks(job)));
    return { migrationId: id, jobId };
  }

  async rollback(id: string): Promise<{ migrationId: string; jobId: string }> {
    const { journal, ctx } = await this.open(id);
    if (journal.value.status === 'cleaned-up') {
      throw new AppError(
        'migration-finished',
        `${id} was cleaned up; its originals are gone, so it cannot be rolled back.`,
      );
    }
    const jobId = this.run(journal, ctx, 'Roll back', (run, job) => rollbackMigration(run, this.hooks(job)));
    return { migrationId: id, jobId };
  }

  async cleanup(id: string): Promise<{ migrationId: string; jobId: string }> {
    const { journal, ctx } = await this.open(id);
    const jobId = this.run(journal, ctx, 'Clean up', (run) => cleanupMigration(run));
    return { migrationId: id, jobId };
  }

  // On start (the app, not the CLI): every journal a quit or a crash left 'running' is resumed;
  // the executor reads AWS state to decide each step. One that cannot be (its profile's credentials
  // are gone, another account) stays listed as interrupted, with the reason in the log.
  async resumeInterrupted(): Promise<{ resumed: string[]; left: { id: string; reason: string }[] }> {
    const resumed: string[] = [];
    const left: { id: string; reason: string }[] = [];
    for (const summary of this.list().filter((m) => m.status === 'interrupted')) {
      try {
        await this.resume(summary.id);
        resumed.push(summary.id);
      } catch (error) {
        left.push({ id: summary.id, reason: toApiError(error).message });
      }
    }
    for (const id of resumed) log.info(`migration ${id} resumed from its journal`);
    for (const l of left) log.warn(`migration ${l.id} not resumed: ${l.reason}`);
    return { resumed, left };
  }

  get(id: string): MigrationJournal {
    return this.store.read(id);
  }

  // A journal left 'running' by a process that is gone is reported as interrupted.
  list(): MigrationSummary[] {
    return this.store.list().map((journal) => {
      const summary = summarize(journal);
      return journal.status === 'running' && !this.active.has(journal.id)
        ? { ...summary, status: 'interrupted' }
        : summary;
    });
  }

  private async open(id: string): Promise<{ journal: Journal; ctx: MigrationContext }> {
    if (this.active.has(id)) throw new AppError('migration-busy', `${id} is already running in this window.`);
    const value = this.store.read(id);
    const ctx = await this.context(value.profile, value.region);
    if (ctx.accountId !== value.accountId) {
      throw new AppError(
        'wrong-account',
        `${id} ran in account ${value.accountId}, but profile ${value.profile} is now account ${ctx.accountId}.`,
      );
    }
    return { journal: new Journal(this.store, value, ctx.now), ctx };
  }

  private hooks(job: JobContext) {
    return {
      onStep: (instanceId: string, step: string, state: 'running' | 'done' | 'failed') => {
        const title = STEP_TITLES[step as keyof typeof STEP_TITLES] ?? step;
        job.progress({ title, detail: `${instanceId}: ${title} (${state})` });
      },
    };
  }

  private run(
    journal: Journal,
    ctx: MigrationContext,
    verb: string,
    work: (run: RunContext, job: JobContext) => Promise<void>,
  ): string {
    const id = journal.value.id;
    this.active.set(id, 'starting');
    const jobId = this.options.jobs.start(
      'migration',
      `${verb} ${id} (${journal.value.instances.length} instance(s), ${journal.value.keyLabel})`,
      async (job) => {
        try {
          await work({ ctx, journal, signal: job.signal }, job);
          const value = journal.value;
          // A run that ended failed, or rolled back after a failure, is a failed job with the real
          // error (a rollback the person asked for that finished is not).
          const failure = failureOf(value);
          const failedRun =
            value.status === 'failed' || (value.status === 'rolled-back' && verb !== 'Roll back');
          if (failedRun && failure) {
            const next = nextActions(value)
              .map((a) => `${a.text} (${a.cli})`)
              .join(' ');
            throw new AppError(
              failure.code,
              `${id} ${value.status === 'rolled-back' ? 'was rolled back' : 'failed'}: ${failure.message}`,
              [failure.hint, next].filter(Boolean).join(' '),
            );
          }
          const waiting = awaitingConfirmation(value);
          const replacement = waiting?.replace?.replacementInstanceId;
          job.progress({
            value: 1,
            title: waiting
              ? `Waiting for your confirmation: ${waiting.name ?? waiting.instanceId} → ${replacement ?? 'its replacement'}`
              : value.status,
          });
          return { migrationId: id, status: value.status };
        } catch (error) {
          // A failed or cancelled job still names its migration, so Jobs links to its live view.
          if (typeof error === 'object' && error !== null)
            Object.assign(error, { jobResult: { migrationId: id, status: journal.value.status } });
          throw error;
        } finally {
          this.active.delete(id);
        }
      },
    );
    this.active.set(id, jobId);
    return jobId;
  }
}
