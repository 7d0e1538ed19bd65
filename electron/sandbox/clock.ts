// The sandbox's simulated clock. Simulated time = start + (real time elapsed × speed) + manual
// advances. speed 1 is real time (the app's embedded sandbox), 3600 runs an hour of AWS time in a
// real second (tests, benchmarks), 0 freezes time so only advance() moves it (deterministic tests).
// Changing the speed re-anchors, so time never jumps backwards.
import type { SandboxClock } from './context';

export interface ClockOptions {
  readonly speed?: number; // default 1 (real time)
  readonly startAt?: number; // simulated epoch ms at creation; default the real now
  readonly realNow?: () => number; // injectable real-time source, for tests of the clock itself
}

export function createClock(options: ClockOptions = {}): SandboxClock {
  const realNow = options.realNow ?? Date.now;
  let speed = checkedSpeed(options.speed ?? 1);
  let anchorReal = realNow();
  let anchorSim = options.startAt ?? anchorReal;

  const now = (): number => Math.floor(anchorSim + (realNow() - anchorReal) * speed);

  return {
    now,
    get speed() {
      return speed;
    },
    setSpeed(next: number) {
      const current = now();
      speed = checkedSpeed(next);
      anchorReal = realNow();
      anchorSim = current;
    },
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0)
        throw new RangeError(`advance(ms) needs a non-negative number, got ${ms}`);
      anchorSim += ms;
    },
  };
}

function checkedSpeed(speed: number): number {
  if (!Number.isFinite(speed) || speed < 0)
    throw new RangeError(`clock speed must be a non-negative number, got ${speed}`);
  return speed;
}
