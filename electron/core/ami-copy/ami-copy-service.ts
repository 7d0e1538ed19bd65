// The AMI copy as core offers it: search source AMIs and destination keys for the wizard, check a
// key, plan (sealed plan document), run a plan as one job per copy (jobs panel and tray show them),
// clean up a cancelled or failed copy and deregister a source, both only when asked.
import { SANDBOX_PROFILE } from '../../../shared/domain/accounts';
import type { KeyRecord } from '../../../shared/domain/inventory';
import {
  amiCopyPlanViewSchema,
  copyResultSchema,
  formatDuration,
  partialCopySchema,
  type AmiCopyRequest,
  type PlanKey,
  type PlannedCopy,
  type SourceImage,
} from '../../../shared/domain/ami-copy';
import { hasValidSeal, planSchema, type Plan } from '../../../shared/plans/plan-document';
import type { AccountService } from '../accounts/account-service';
import type { EventBus } from '../events/event-bus';
import { AppError } from '../errors/app-error';
import { fetchKeys } from '../inventory/fetch-keys';
import type { JobContext, JobManager } from '../jobs/job-manager';
import { cleanupPartialCopy, deregisterSourceImage, ownsImage, type CleanupResult } from './cleanup';
import { copyImageEncrypted, type CopyProgressUpdate } from './copy-image';
import { DEFAULT_POLL_MS, type AmiCopyDeps } from './deps';
import { checkDestinationKey } from './key-check';
import { CopyLimits } from './limits';
import { planAmiCopy, type AmiCopyPlanResult } from './plan-ami-copy';
import { searchImages } from './source-images';
import {
  assertPreflightPasses,
  planPreflight,
  withPreflight,
  type PreflightContext,
} from '../preflight/index';
import { accountPreflightContext } from '../preflight/account-context';

export interface AmiCopyServiceOptions {
  readonly accounts: AccountService;
  readonly jobs: JobManager;
  readonly events: EventBus;
  readonly pollMs?: number;
}

export const AMI_COPY_JOB_KIND = 'ami-copy';

export class AmiCopyService {
  private readonly limits = new CopyLimits();

  constructor(private readonly options: AmiCopyServiceOptions) {}

  deps(profile = this.options.accounts.current().profile): AmiCopyDeps {
    const { accounts } = this.options;
    return {
      ec2: (region) => accounts.clients.get('ec2', profile, region),
      kms: (region) => accounts.clients.get('kms', profile, region),
      iam: () => accounts.clients.get('iam', profile, 'us-east-1'),
      caller: async () => {
        const identity = await accounts.identity(profile);
        return { accountId: identity.accountId, arn: identity.arn };
      },
      limits: this.limits,
      // The sandbox's clock usually runs many times faster than AWS: poll it every second.
      pollMs: this.options.pollMs ?? (profile === SANDBOX_PROFILE ? 1_000 : DEFAULT_POLL_MS),
    };
  }

  async images(region: string, query: string): Promise<SourceImage[]> {
    const deps = this.deps();
    const caller = await deps.caller();
    return searchImages(deps.ec2(region), region, caller.accountId, query);
  }

  async keys(region: string): Promise<KeyRecord[]> {
    return fetchKeys(this.deps().kms(region), 4);
  }

  async checkKey(region: string, ref: string | undefined): Promise<PlanKey> {
    const deps = this.deps();
    return (await checkDestinationKey(deps, ref, region, await deps.caller())).view;
  }

  // The plan with its preflight (core/preflight): CopyImage sent once per source and destination
  // with DryRun and the chosen key, the key's KMS side analysed.
  async plan(request: AmiCopyRequest): Promise<AmiCopyPlanResult> {
    const result = await planAmiCopy(this.deps(), request);
    const preflight = await planPreflight(await this.preflightContext(), result.plan);
    return { ...result, plan: await withPreflight(result.plan, preflight) };
  }

  private async preflightContext(): Promise<PreflightContext> {
    const { accounts } = this.options;
    const { profile } = accounts.current();
    return accountPreflightContext(accounts, profile, await accounts.identity(profile));
  }

  // Runs a sealed plan: one job per copy. Returns the job ids at once.
  async start(input: unknown): Promise<string[]> {
    const parsed = planSchema.safeParse(input);
    if (!parsed.success || parsed.data.kind !== 'ami-copy') {
      throw new AppError('invalid-plan', 'This is not an AMI copy plan.', 'Plan the copy again.');
    }
    const plan: Plan = parsed.data;
    if (!(await hasValidSeal(plan))) {
      throw new AppError(
        'plan-tampered',
        'The plan was changed after it was made (its SHA-256 does not match).',
        'Plan the copy again.',
      );
    }
    // Asked again now: nothing starts while AWS would refuse one of the calls.
    assertPreflightPasses(await planPreflight(await this.preflightContext(), plan));
    const view = amiCopyPlanViewSchema.parse((plan.input as { view?: unknown }).view);
    const profile = this.options.accounts.current().profile;
    return view.copies.map((copy) =>
      this.options.jobs.start(
        AMI_COPY_JOB_KIND,
        `Encrypted copy of ${copy.sourceImageId} → ${copy.destRegion}`,
        (ctx) => this.runCopy(ctx, copy, profile),
      ),
    );
  }

  private async runCopy(ctx: JobContext, copy: PlannedCopy, profile: string) {
    const result = await this.copy(ctx, copy, profile);
    // Kept in the job's result, so the page offers "Deregister source" only for the caller's own AMI.
    const owned = await ownsImage(this.deps(profile), copy.sourceRegion, copy.sourceImageId);
    return owned === undefined ? result : { ...result, sourceOwned: owned };
  }

  private copy(ctx: JobContext, copy: PlannedCopy, profile: string) {
    ctx.steps.define([
      { id: 'slot', title: `Wait for a copy slot in ${copy.destRegion}` },
      { id: 'copy', title: 'Check the key and start CopyImage (Encrypted)' },
      { id: 'snapshots', title: `Copy ${copy.totalGiB} GiB of snapshots, encrypting` },
      { id: 'register', title: 'AMI becomes available' },
    ]);
    ctx.steps.set('slot', 'running');
    let phase = 'slot';
    const move = (to: string, detail?: string) => {
      if (to === phase) {
        if (detail) ctx.steps.set(to, 'running', detail);
        return;
      }
      ctx.steps.set(phase, 'done');
      phase = to;
      ctx.steps.set(to, 'running', detail);
    };
    const onProgress = (update: CopyProgressUpdate) => {
      this.options.events.emit('amiCopy:progress', { jobId: ctx.id, ...update });
      if (update.imageState === 'queued') {
        const ahead = this.limits.queuedIn(copy.destRegion);
        ctx.progress({
          title: 'Queued',
          detail: ahead > 0 ? `${ahead} copies wait for a slot` : 'Checking the key',
        });
        return;
      }
      const allDone = update.snapshots.length > 0 && update.snapshots.every((s) => s.state === 'completed');
      const detail = update.snapshots.map((s) => `${s.device} ${Math.round(s.fraction * 100)}%`).join(' · ');
      if (update.imageState === 'available') move('register');
      else if (allDone) move('register', 'Registering the AMI');
      else move('snapshots', detail);
      ctx.progress({
        value: update.fraction,
        title: `${update.imageId ?? ''} ${update.imageState}`,
        detail: `${Math.round(update.fraction * 100)}%${update.secondsLeft === undefined ? '' : `, about ${formatDuration(update.secondsLeft)} left`}`,
      });
    };
    return copyImageEncrypted(
      this.deps(profile),
      {
        sourceImageId: copy.sourceImageId,
        sourceRegion: copy.sourceRegion,
        destRegion: copy.destRegion,
        kmsKeyRef: copy.kmsKeyArn,
        name: copy.name,
        description: copy.description,
        copyTags: copy.copyTags,
        clientToken: copy.clientToken,
        estimatedSeconds: copy.estimatedSeconds,
      },
      { signal: ctx.signal, onProgress },
    );
  }

  // Deregisters the partial copy a cancelled or failed job left and deletes its snapshots.
  async cleanup(jobId: string): Promise<CleanupResult> {
    const job = this.options.jobs.get(jobId);
    const partial = partialCopySchema.safeParse(job?.result);
    if (!job || job.kind !== AMI_COPY_JOB_KIND || !partial.success) {
      throw new AppError(
        'nothing-to-clean-up',
        `Job ${jobId} left no partial AMI copy to clean up.`,
        'Only a cancelled or failed AMI copy that had started has something to clean up.',
      );
    }
    const { destRegion, imageId, snapshotIds } = partial.data;
    return cleanupPartialCopy(this.deps(), destRegion, imageId, snapshotIds);
  }

  // Deregisters the unencrypted source of a finished copy (never done by default).
  async deregisterSource(jobId: string): Promise<{ imageId: string; region: string }> {
    const job = this.options.jobs.get(jobId);
    const result = copyResultSchema.safeParse(job?.result);
    if (!job || job.state !== 'done' || !result.success) {
      throw new AppError(
        'copy-not-done',
        `Job ${jobId} is not a finished AMI copy.`,
        'Deregister a source only after its encrypted copy is available.',
      );
    }
    if (result.data.sourceOwned === false) {
      throw new AppError(
        'ami-not-owned',
        `The source AMI ${result.data.sourceImageId} belongs to another account; only its owner can deregister it.`,
        'Nothing to do: stop using it in your launch templates instead.',
      );
    }
    // Asked again of AWS (ownership can change): deregisterSourceImage refuses another's AMI.
    await deregisterSourceImage(this.deps(), result.data.sourceRegion, result.data.sourceImageId);
    return { imageId: result.data.sourceImageId, region: result.data.sourceRegion };
  }
}
