// S3 re-encryption as core offers it (S3EncryptApi): the tally of a bucket's objects by
// encryption, the keys of its region, the sealed plan, and the run as one JobManager job (kind
// 's3-encrypt') journalled at <dataDir>/s3-encrypt/<jobId>.jsonl, resumed after a crash
// (resumeInterrupted, called from create-core like the migration's) and cancelled through
// jobs:cancel. The engines (local, batch) run from the plan alone; this service gives them the
// account's clients in the bucket's region.
import { join } from 'node:path';
import { SANDBOX_PROFILE } from '../../../shared/domain/accounts';
import type { KeyRecord } from '../../../shared/domain/inventory';
import type {
  EncryptionTally,
  S3EncryptPlanView,
  S3EncryptProgress,
  S3EncryptRequest,
  S3EncryptResult,
} from '../../../shared/domain/s3-encrypt';
import { s3EncryptResultSchema } from '../../../shared/domain/s3-encrypt';
import { hasValidSeal, type Plan } from '../../../shared/plans/plan-document';
import type { AccountService } from '../accounts/account-service';
import { AppError } from '../errors/app-error';
import type { EventBus } from '../events/event-bus';
import type { JobContext, JobManager } from '../jobs/job-manager';
import { log } from '../log';
import { toApiError } from '../errors/to-api-error';
import { accountDeps } from './account-deps';
import { bucketKeys, tallyBucket } from './bucket-reads';
import type { S3EncryptDeps } from './deps';
import type { EngineContext } from './engine';
import { S3EncryptJournal } from './journal';
import { listAndRead } from './list-objects';
import { planS3Encrypt } from './plan-s3-encrypt';
import { interruptedS3EncryptRuns, runS3EncryptPlan } from './run-plan';
import { S3_ENCRYPT_JOB_KIND, type S3EncryptApi, type S3Tally } from './s3-encrypt-api';
import { acceptRunnablePlan } from './runnable-plan';
import { jobProgressOf } from './job-progress';

export interface S3EncryptServiceOptions {
  readonly accounts: AccountService;
  readonly jobs: JobManager;
  readonly events: EventBus;
  readonly dataDir: string;
  // How often the batch engine asks DescribeJob (ms); the sandbox's clock runs fast.
  readonly pollMs?: number;
}

export class S3EncryptService implements S3EncryptApi {
  constructor(private readonly options: S3EncryptServiceOptions) {}

  private get journalDir(): string {
    return join(this.options.dataDir, 's3-encrypt');
  }

  deps(profile = this.options.accounts.current().profile): S3EncryptDeps {
    return accountDeps(this.options.accounts, profile);
  }

  tally(
    bucket: string,
    prefix: string | undefined,
    onProgress?: (p: S3EncryptProgress) => void,
  ): Promise<S3Tally> {
    return tallyBucket(this.deps(), bucket, prefix, onProgress);
  }

  keys(bucket: string): Promise<{ region: string; keys: KeyRecord[] }> {
    return bucketKeys(this.deps(), bucket);
  }

  plan(
    request: S3EncryptRequest,
    onProgress?: (p: S3EncryptProgress) => void,
  ): Promise<{ plan: Plan; view: S3EncryptPlanView }> {
    return planS3Encrypt(this.deps(), request, onProgress);
  }

  async start(plan: Plan): Promise<string> {
    return this.startJob(await acceptRunnablePlan(this.deps(), plan));
  }

  async run(
    plan: Plan,
    onProgress?: (p: S3EncryptProgress) => void,
    signal?: AbortSignal,
  ): Promise<S3EncryptResult> {
    const jobId = this.startJob(await acceptRunnablePlan(this.deps(), plan), onProgress);
    return this.resultOf(jobId, signal);
  }

  // Runs left without a final record by a quit or a crash, each as a new job on its journal.
  async resumeInterrupted(): Promise<{ resumed: string[]; left: { path: string; reason: string }[] }> {
    const resumed: string[] = [];
    const left: { path: string; reason: string }[] = [];
    for (const run of await interruptedS3EncryptRuns(this.journalDir)) {
      try {
        if (!(await hasValidSeal(run.plan)))
          throw new AppError('plan-tampered', 'The plan in the journal was changed after it was made.');
        // The account selected now must be the plan's: its clients are the ones the run uses.
        const { accountId } = await this.deps().caller();
        if (accountId !== run.plan.accountId)
          throw new AppError(
            'wrong-account',
            `The run is for account ${run.plan.accountId}; the selected account is ${accountId}.`,
            'Select the plan’s account to resume it.',
          );
        resumed.push(this.startJob(run.plan, undefined, run.path));
      } catch (error) {
        left.push({ path: run.path, reason: toApiError(error).message });
      }
    }
    for (const id of resumed) log.info(`s3-encrypt run resumed from its journal as ${id}`);
    for (const l of left) log.warn(`s3-encrypt run ${l.path} not resumed: ${l.reason}`);
    return { resumed, left };
  }

  async resultOf(jobId: string, signal?: AbortSignal): Promise<S3EncryptResult> {
    const cancel = () => this.options.jobs.cancel(jobId);
    signal?.addEventListener('abort', cancel, { once: true });
    if (signal?.aborted) cancel();
    const job = await this.options.jobs
      .wait(jobId)
      .finally(() => signal?.removeEventListener('abort', cancel));
    const result = s3EncryptResultSchema.safeParse(job.result);
    if (result.success) return result.data;
    if (job.error) throw new AppError(job.error.code, job.error.message, job.error.hint);
    throw new AppError(
      's3-encrypt-no-result',
      `The S3 re-encryption job ${jobId} ended ${job.state} without a result.`,
    );
  }

  private startJob(plan: Plan, onProgress?: (p: S3EncryptProgress) => void, resumePath?: string): string {
    const profile = this.options.accounts.current().profile;
    const { view } = plan.input as { view: S3EncryptPlanView };
    const where = view.prefix ? `s3://${view.bucket}/${view.prefix}` : `s3://${view.bucket}`;
    return this.options.jobs.start(S3_ENCRYPT_JOB_KIND, `Re-encrypt ${where} under SSE-KMS`, async (ctx) => {
      const journal = resumePath
        ? S3EncryptJournal.open(resumePath)
        : S3EncryptJournal.create(join(this.journalDir, `${ctx.id}.jsonl`), plan, ctx.id);
      try {
        const result = await runS3EncryptPlan(
          plan,
          journal,
          this.engineContext(ctx, plan, view, profile, onProgress),
        );
        // A cancelled run ends as a cancelled job that keeps its report (copied, failed, the
        // batch job), like a cancelled AMI copy keeps its partial ids.
        if (result.cancelled && ctx.signal.aborted)
          throw Object.assign(
            new AppError(
              'cancelled',
              `Cancelled after ${result.copied} objects were copied; the journal records which.`,
            ),
            { jobResult: result },
          );
        return result;
      } catch (error) {
        // Ended here, not by a crash or a quit: the journal says so, so the next start does not
        // resume (and fail) it again.
        if (!journal.result) journal.fail(error instanceof Error ? error.message : String(error));
        throw error;
      } finally {
        journal.close();
      }
    });
  }

  // The batch engine's DescribeJob interval: AWS's jobs take minutes (every 5 s is plenty); the
  // sandbox, in the app or behind a loopback --endpoint-url, runs its clock many times faster.
  private pollMsFor(profile: string): number {
    if (profile === SANDBOX_PROFILE) return 1_000;
    let endpoint: string | undefined;
    try {
      endpoint = this.options.accounts.access(profile).endpointFor('s3control');
    } catch {
      endpoint = undefined;
    }
    const host = endpoint ? new URL(endpoint).hostname : '';
    return host === '127.0.0.1' || host === 'localhost' || host.endsWith('.localhost') ? 200 : 5_000;
  }

  private engineContext(
    ctx: JobContext,
    plan: Plan,
    view: S3EncryptPlanView,
    profile: string,
    onProgress?: (p: S3EncryptProgress) => void,
  ): EngineContext {
    const deps = this.deps(profile);
    return {
      accountId: plan.accountId,
      region: view.region,
      s3: deps.s3(view.region),
      s3control: deps.s3control(view.region),
      iam: deps.iam(),
      signal: ctx.signal,
      jobId: ctx.id,
      pollMs: this.options.pollMs ?? this.pollMsFor(profile),
      onProgress: (p) => {
        const progress = { ...p, jobId: ctx.id };
        this.options.events.emit('s3Encrypt:progress', progress);
        ctx.progress(jobProgressOf(progress));
        onProgress?.(progress);
      },
      tallyAfter: async (): Promise<EncryptionTally[]> => {
        const listing = await listAndRead(deps.s3(view.region), {
          bucket: view.bucket,
          accountId: plan.accountId,
          ...(view.prefix ? { prefix: view.prefix } : {}),
          includeVersions: false,
          targetKeyArn: view.key.arn,
        });
        return listing.tallies;
      },
    };
  }
}
