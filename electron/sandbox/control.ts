// The control operations of a running sandbox, as functions (in-process: startSandbox().control)
// and, through control-api.ts, as JSON under /_sandbox/.
import type { FaultSpec } from './faults';
import type { SandboxRuntime } from './runtime';
import { loadScenario } from './scenarios/index';
import { dumpWorld } from './state-dump';

export interface SandboxHealth {
  readonly status: 'ok';
  readonly scenario: string;
  readonly now: string; // simulated time, ISO 8601
  readonly speed: number;
  readonly throttling: boolean;
}

export interface SandboxControl {
  health(): SandboxHealth;
  // Rebuilds the loaded scenario from scratch; clears faults and throttle buckets.
  reset(): void;
  loadScenario(name: string, params?: Record<string, unknown>): void;
  // Moves simulated time forward; returns the new simulated time (epoch ms).
  advanceClock(ms: number): number;
  setSpeed(speed: number): void;
  setThrottling(enabled: boolean): void;
  // Latency added to every answer, real ms.
  setLatency(ms: number): void;
  addFault(spec: FaultSpec): string; // returns the fault id
  clearFaults(): void;
  listFaults(): unknown[];
  // The whole world as JSON-ready data, without secrets.
  dumpState(): Record<string, unknown>;
  // The simulated user approves a device authorization (SSO login in the browser).
  approveDevice(userCode: string): void;
}

export function createControl(runtime: SandboxRuntime): SandboxControl {
  const load = (name: string, params: Record<string, unknown>): void => {
    loadScenario(runtime.world, runtime.clock.now(), name, params);
    runtime.scenario = { name, params };
    runtime.faults.clear();
    runtime.throttle.reset();
  };
  return {
    health: () => ({
      status: 'ok',
      scenario: runtime.world.scenario,
      now: new Date(runtime.clock.now()).toISOString(),
      speed: runtime.clock.speed,
      throttling: runtime.throttle.enabled,
    }),
    reset: () => load(runtime.scenario.name, runtime.scenario.params),
    loadScenario: (name, params = {}) => load(name, params),
    advanceClock: (ms) => {
      runtime.clock.advance(ms);
      runtime.faults.applyDue();
      return runtime.clock.now();
    },
    setSpeed: (speed) => runtime.clock.setSpeed(speed),
    setThrottling: (enabled) => {
      runtime.throttle.enabled = enabled;
    },
    setLatency: (ms) => {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('latency must be a non-negative number of ms');
      runtime.latencyMs = ms;
    },
    addFault: (spec) => runtime.faults.add(spec).id,
    clearFaults: () => runtime.faults.clear(),
    listFaults: () =>
      runtime.faults.list().map((f) => ({ id: f.id, ...f.spec, seen: f.seen, done: f.done, at: f.at })),
    dumpState: () => ({
      ...dumpWorld(runtime.world),
      now: runtime.clock.now(),
      internalErrors: [...runtime.internalErrors],
    }),
    approveDevice: (userCode) => {
      const auth = [...runtime.world.sso.deviceAuthorizations.values()].find((d) => d.userCode === userCode);
      if (!auth) throw new RangeError(`no device authorization with user code ${userCode}`);
      auth.status = 'approved';
    },
  };
}
