// Long-running work. start() returns an id at once; the runner gets an AbortSignal and reports
// progress (value 0..1, title, detail) and per-step states; terminal states are explicit. The
// manager owns the list, persists it, and reports a full snapshot after each change, coalesced to
// about ten per second (a terminal change is reported at once).
import { randomUUID } from 'node:crypto';
import type { JobProgress, JobSnapshot, JobStep, StepState } from '../../../shared/domain/jobs';
import { isTerminalJobState } from '../../../shared/domain/jobs';
import { toApiError } from '../errors/to-api-error';
import { AppError } from '../errors/app-error';
import type { JobStore } from './job-store';

export interface JobSteps {
  // Declares (or replaces) the step list, all pending.
  define(steps: readonly { id: string; title: string }[]): void;
  set(id: string, state: StepState, detail?: string): void;
}

export interface JobContext {
  readonly id: string;
  readonly signal: AbortSignal;
  progress(update: Partial<JobProgress>): void;
  readonly steps: JobSteps;
}

export type JobRunner<T> = (context: JobContext) => Promise<T>;

export interface JobManagerOptions {
  readonly store?: JobStore;
  readonly onChange?: (jobs: readonly JobSnapshot[]) => void;
  readonly now?: () => number;
  readonly minIntervalMs?: number; // between change reports; default 100 ms (about 10 per second)
}

export class JobManager {
  private readonly jobs = new Map<string, JobSnapshot>();
  private readonly controllers = new Map<string, AbortController>();
  private readonly finished = new Map<string, Promise<JobSnapshot>>();
  private readonly now: () => number;
  private readonly minIntervalMs: number;
  private lastReport = 0;
  private pendingReport: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: JobManagerOptions = {}) {
    this.now = options.now ?? Date.now;
    this.minIntervalMs = options.minIntervalMs ?? 100;
    for (const job of options.store?.load() ?? []) {
      this.jobs.set(job.id, isTerminalJobState(job.state) ? job : this.interrupted(job));
    }
  }

  list(): JobSnapshot[] {
    return [...this.jobs.values()];
  }

  get(id: string): JobSnapshot | undefined {
    return this.jobs.get(id);
  }

  start<T>(kind: string, title: string, run: JobRunner<T>): string {
    const id = `job-${randomUUID()}`;
    const controller = new AbortController();
    this.controllers.set(id, controller);
    this.jobs.set(id, {
      id,
      kind,
      title,
      state: 'running',
      progress: { value: 0, title: 'Starting' },
      steps: [],
      createdAt: this.now(),
    });
    this.report(true);
    const context = this.contextFor(id, controller.signal);
    const done = run(context).then(
      (result) =>
        this.finish(id, { state: 'done', result: result === undefined ? undefined : toJson(result) }),
      (error: unknown) =>
        controller.signal.aborted
          ? this.finish(id, { state: 'cancelled', ...partialResult(error) })
          : this.finish(id, { state: 'failed', error: toApiError(error), ...partialResult(error) }),
    );
    this.finished.set(id, done);
    return id;
  }

  // Resolves with the job's final snapshot (for the CLI and tests).
  async wait(id: string): Promise<JobSnapshot> {
    const pending = this.finished.get(id);
    if (pending) return pending;
    const job = this.jobs.get(id);
    if (!job) throw new AppError('not-found', `There is no job ${id}.`);
    return job;
  }

  cancel(id: string): void {
    const job = this.jobs.get(id);
    if (!job)
      throw new AppError('not-found', `There is no job ${id}.`, 'It may have been cleared from the history.');
    if (isTerminalJobState(job.state)) return;
    this.controllers.get(id)?.abort(new AppError('cancelled', 'Cancelled by the user.'));
  }

  clearFinished(): void {
    for (const [id, job] of this.jobs) if (isTerminalJobState(job.state)) this.jobs.delete(id);
    this.report(true);
  }

  // Flushes a pending change report (on quit).
  flush(): void {
    if (this.pendingReport) clearTimeout(this.pendingReport);
    this.pendingReport = undefined;
    this.emit();
  }

  private contextFor(id: string, signal: AbortSignal): JobContext {
    const update = (change: (job: JobSnapshot) => JobSnapshot) => {
      const job = this.jobs.get(id);
      if (!job || isTerminalJobState(job.state)) return;
      this.jobs.set(id, change(job));
      this.report(false);
    };
    return {
      id,
      signal,
      progress: (p) =>
        update((job) => ({
          ...job,
          progress: { ...job.progress, ...p, value: clamp01(p.value ?? job.progress.value) },
        })),
      steps: {
        define: (steps) =>
          update((job) => ({
            ...job,
            steps: steps.map((s): JobStep => ({ id: s.id, title: s.title, state: 'pending' })),
          })),
        set: (stepId, state, detail) =>
          update((job) => ({
            ...job,
            steps: job.steps.map((s) => (s.id === stepId ? this.stepTo(s, state, detail) : s)),
          })),
      },
    };
  }

  private stepTo(step: JobStep, state: StepState, detail?: string): JobStep {
    const at = this.now();
    return {
      ...step,
      state,
      ...(detail === undefined ? {} : { detail }),
      ...(state === 'running' && step.startedAt === undefined ? { startedAt: at } : {}),
      ...(state !== 'running' && state !== 'pending' ? { endedAt: at } : {}),
    };
  }

  private finish(id: string, end: Pick<JobSnapshot, 'state'> & Partial<JobSnapshot>): JobSnapshot {
    const job = this.jobs.get(id)!;
    const steps = job.steps.map((s) =>
      s.state === 'running'
        ? this.stepTo(s, end.state === 'done' ? 'done' : end.state === 'cancelled' ? 'cancelled' : 'failed')
        : s,
    );
    const final: JobSnapshot = {
      ...job,
      ...end,
      steps,
      endedAt: this.now(),
      progress: end.state === 'done' ? { ...job.progress, value: 1, title: 'Done' } : job.progress,
    };
    this.jobs.set(id, final);
    this.controllers.delete(id);
    this.report(true);
    return final;
  }

  private interrupted(job: JobSnapshot): JobSnapshot {
    return {
      ...job,
      state: 'failed',
      interrupted: true,
      endedAt: job.endedAt ?? this.now(),
      error: {
        code: 'interrupted',
        message: 'Envelope stopped while this job was running.',
        hint: 'Jobs that keep a journal (migrations) resume on their own; start the others again.',
      },
    };
  }

  private report(immediate: boolean): void {
    const elapsed = this.now() - this.lastReport;
    if (immediate || elapsed >= this.minIntervalMs) {
      this.flush();
      return;
    }
    this.pendingReport ??= setTimeout(() => {
      this.pendingReport = undefined;
      this.emit();
    }, this.minIntervalMs - elapsed);
  }

  private emit(): void {
    this.lastReport = this.now();
    const jobs = this.list();
    this.options.store?.save(jobs);
    this.options.onChange?.(jobs);
  }
}

const clamp01 = (value: number): number => Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));

// A runner that stops early may still report what it made (an AMI copy's partial ids) by throwing
// an error that carries `jobResult`; the cancelled or failed job keeps it as its result.
const partialResult = (error: unknown): { result?: unknown } =>
  typeof error === 'object' && error !== null && 'jobResult' in error && error.jobResult !== undefined
    ? { result: toJson(error.jobResult) }
    : {};

const toJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
