// The local engine's progress events are coalesced to about four a second (a run of 100,000
// objects would otherwise send one IPC message per object), and the last state always goes out.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { S3EncryptProgress } from '../../../shared/domain/s3-encrypt';
import { ProgressThrottle } from '../../../electron/core/s3-encrypt/local/progress-throttle';

afterEach(() => {
  vi.useRealTimers();
});

describe('local engine progress', () => {
  it('sends at most one event per 250 ms of changes, and the last one on flush', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-04T06:00:00Z'));
    const sent: S3EncryptProgress[] = [];
    let done = 0;
    const throttle = new ProgressThrottle(
      (p) => sent.push(p),
      () => ({
        jobId: 'job',
        bucket: 'b',
        engine: 'local',
        phase: 'copying',
        objectsDone: done,
        objectsTotal: 1_000,
        bytesDone: done,
        bytesTotal: 1_000,
        failed: 0,
      }),
    );
    for (done = 1; done <= 500; done += 1) throttle.changed();
    expect(sent.map((p) => p.objectsDone)).toEqual([1]);
    vi.advanceTimersByTime(250);
    for (; done <= 1_000; done += 1) throttle.changed();
    expect(sent.map((p) => p.objectsDone)).toEqual([1, 501]);
    done = 1_000;
    throttle.flush();
    expect(sent.at(-1)?.objectsDone).toBe(1_000);
  });
});
