// Everything a running sandbox holds: the world (one object for the sandbox's lifetime; scenarios
// refill it in place so references stay valid), the clock, the rates, throttling and faults.
import type { SandboxClock, SandboxRates } from './context';
import type { Faults } from './faults';
import type { Throttle } from './throttle';
import type { SandboxWorld } from './world';

export interface SandboxRuntime {
  readonly world: SandboxWorld;
  readonly clock: SandboxClock;
  rates: SandboxRates;
  readonly throttle: Throttle;
  readonly faults: Faults;
  // Recompute SigV4 signatures with the key's secret (a wrong secret is refused as in AWS).
  verifySignatures: boolean;
  // Added to every answer, real milliseconds.
  latencyMs: number;
  // The scenario loaded last and its parameters, so reset() can rebuild it.
  scenario: { name: string; params: Record<string, unknown> };
  // Handler crashes (not AwsErrors), newest last: the client sees InternalError, tests and the
  // state dump see the stack.
  readonly internalErrors: string[];
  // The per-run secret every control API call must carry (control-api.ts).
  readonly controlToken: string;
}
