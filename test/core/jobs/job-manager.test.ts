import { describe, expect, it, vi } from 'vitest';
import { JobManager } from '../../../electron/core/jobs/job-manager';
import { JobStore } from '../../../electron/core/jobs/job-store';
import type { JobSnapshot } from '../../../shared/domain/jobs';
import { makeTempDir } from '../../helpers/temp-dir';

const tempDir = () => makeTempDir('envelope-jobs-');

describe('JobManager', () => {
  it('returns an id at once and ends in done with the result', async () => {
    const jobs = new JobManager();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const id = jobs.start('test', 'A test job', async (ctx) => {
      ctx.steps.define([{ id: 'one', title: 'Step one' }]);
      ctx.steps.set('one', 'running');
      ctx.progress({ value: 0.5, title: 'Halfway' });
      await gate;
      ctx.steps.set('one', 'done');
      return { answer: 42 };
    });
    expect(jobs.get(id)?.state).toBe('running');
    release();
    const final = await jobs.wait(id);
    expect(final.state).toBe('done');
    expect(final.result).toEqual({ answer: 42 });
    expect(final.progress.value).toBe(1);
    expect(final.steps[0]?.state).toBe('done');
    expect(final.steps[0]?.startedAt).toBeTypeOf('number');
  });

  it('cancels through the AbortSignal and says cancelled, not failed', async () => {
    const jobs = new JobManager();
    const id = jobs.start(
      'test',
      'Long job',
      (ctx) =>
        new Promise((_resolve, reject) =>
          ctx.signal.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
    );
    jobs.cancel(id);
    expect((await jobs.wait(id)).state).toBe('cancelled');
  });

  it('records a failure as a typed error without exception text', async () => {
    const jobs = new JobManager();
    const id = jobs.start('test', 'Failing job', () => Promise.reject(new TypeError('secret internals')));
    const final = await jobs.wait(id);
    expect(final.state).toBe('failed');
    expect(final.error?.code).toBe('internal');
    expect(JSON.stringify(final)).not.toContain('secret internals');
  });

  it('clamps progress to 0..1', async () => {
    const jobs = new JobManager({ minIntervalMs: 0 });
    const seen: number[] = [];
    const id = jobs.start('test', 'Clamp', (ctx) => {
      ctx.progress({ value: 7 });
      seen.push(jobs.get(ctx.id)!.progress.value);
      ctx.progress({ value: -1 });
      seen.push(jobs.get(ctx.id)!.progress.value);
      return Promise.resolve();
    });
    await jobs.wait(id);
    expect(seen).toEqual([1, 0]);
  });

  it('coalesces progress reports to about ten per second', async () => {
    vi.useFakeTimers();
    try {
      let clock = 0;
      const reports: JobSnapshot[][] = [];
      const jobs = new JobManager({ now: () => clock, onChange: (list) => reports.push([...list]) });
      let finish!: () => void;
      const id = jobs.start('test', 'Chatty', (ctx) => {
        for (let i = 1; i <= 1000; i += 1) ctx.progress({ value: i / 1000 });
        return new Promise<void>((resolve) => (finish = resolve));
      });
      const afterBurst = reports.length;
      expect(afterBurst).toBeLessThanOrEqual(3); // the start, maybe one more, not a thousand
      clock += 150;
      vi.advanceTimersByTime(150);
      expect(reports.at(-1)?.find((j) => j.id === id)?.progress.value).toBe(1);
      finish();
      await vi.runAllTimersAsync();
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps history across a restart and marks unfinished jobs as interrupted', async () => {
    const dir = tempDir();
    const first = new JobManager({ store: new JobStore(dir) });
    const doneId = first.start('test', 'Finished', () => Promise.resolve('ok'));
    await first.wait(doneId);
    const runningId = first.start('test', 'Unfinished', () => new Promise(() => undefined));
    first.flush();

    const second = new JobManager({ store: new JobStore(dir) });
    expect(second.get(doneId)?.state).toBe('done');
    const interrupted = second.get(runningId);
    expect(interrupted?.state).toBe('failed');
    expect(interrupted?.interrupted).toBe(true);
    expect(interrupted?.error?.code).toBe('interrupted');
  });

  it('refuses to cancel an unknown job with a clear error', () => {
    const jobs = new JobManager();
    expect(() => jobs.cancel('job-nope')).toThrow(/no job job-nope/);
  });
});
