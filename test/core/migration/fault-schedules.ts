// Seeded fault schedules for the reliability suite: where the executor is killed (before the Nth
// journal write), which AWS calls fail and how (throttling storms, 5xx, AccessDenied on attach),
// and world events tied to a journal write (the key disabled). No instance type refuses encrypted
// volumes: every type supports EBS encryption (EBS user guide, "Supported instance types").
// The same seed always yields the same schedule.
import type { FaultSpec } from '../../../electron/sandbox/index';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The KMS key put into a state just after a journal write (so at a chosen step of the run).
export type KeyState = 'Disabled' | 'PendingDeletion';
export type WorldEvent = { readonly atWrite: number; readonly kind: 'key-state'; readonly state: KeyState };

export interface FaultSchedule {
  readonly seed: number;
  readonly kills: readonly number[]; // kill before this write of each successive attempt
  readonly faults: readonly FaultSpec[];
  readonly events: readonly WorldEvent[];
  readonly labels: readonly string[];
}

const ACTIONS = [
  'DescribeVolumes',
  'DescribeInstances',
  'DescribeSnapshots',
  'CreateSnapshot',
  'CreateVolume',
  'StopInstances',
  'StartInstances',
  'DetachVolume',
  'AttachVolume',
];

// `sweep` is the write to kill at in the first attempt, so that the runs together kill at every write.
export function makeSchedule(seed: number, sweep: number): FaultSchedule {
  const random = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const labels: string[] = [`kill@${sweep}`];
  const kills = [sweep];
  if (random() < 0.3) {
    const again = int(1, 30);
    kills.push(again);
    labels.push(`kill@${again}`);
  }
  const faults: FaultSpec[] = [];
  const events: WorldEvent[] = [];
  if (random() < 0.35) {
    const action = pick(ACTIONS);
    faults.push({
      kind: 'fail',
      service: 'ec2',
      action,
      nth: int(1, 3),
      count: int(2, 6),
      code: 'RequestLimitExceeded',
      message: 'Request limit exceeded.',
      status: 503,
    });
    labels.push(`throttle:${action}`);
  }
  if (random() < 0.3) {
    const action = pick(ACTIONS);
    const server = random() < 0.5;
    faults.push({
      kind: 'fail',
      service: 'ec2',
      action,
      nth: int(1, 3),
      count: int(1, 3),
      code: server ? 'InternalError' : 'Unavailable',
      message: server
        ? 'An internal error has occurred'
        : 'The service is unavailable. Please try again shortly.',
      status: server ? 500 : 503,
    });
    labels.push(`5xx:${action}`);
  }
  if (random() < 0.15) {
    faults.push({
      kind: 'fail',
      service: 'ec2',
      action: 'AttachVolume',
      nth: int(1, 2),
      count: int(1, 3),
      code: 'UnauthorizedOperation',
      message: 'You are not authorized to perform this operation.',
      status: 403,
    });
    labels.push('access-denied:AttachVolume');
  }
  if (random() < 0.12) {
    const atWrite = int(1, 40);
    events.push({ atWrite, kind: 'key-state', state: 'Disabled' });
    labels.push(`disable-key@${atWrite}`);
  }
  return { seed, kills, faults, events, labels };
}

// The key-failure family: the key disabled (schedules 0–41, 84–125 …) or scheduled for deletion
// (42–83 …) just after journal write (index % writes) + 1, so that together they hit every step
// of the swap, before, inside and after the downtime window; a seeded third of them also kill the
// executor somewhere, so that a failure found after a resume is covered too. No other fault: the
// one failure each run can meet is the key's, and the suite checks that the error names it.
export function makeKeySchedule(index: number, writes: number): FaultSchedule {
  const random = mulberry32(0x6b65 + index);
  const atWrite = (index % writes) + 1;
  const state: KeyState = Math.floor(index / writes) % 2 === 0 ? 'Disabled' : 'PendingDeletion';
  const labels = [`${state === 'Disabled' ? 'disable-key' : 'delete-key'}@${atWrite}`];
  const kills: number[] = [];
  if (random() < 0.35) {
    const at = 1 + Math.floor(random() * (writes + 10));
    kills.push(at);
    labels.push(`kill@${at}`);
  }
  return { seed: 0x6b65 + index, kills, faults: [], events: [{ atWrite, kind: 'key-state', state }], labels };
}
