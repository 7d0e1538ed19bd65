// The sandbox account, in-process: startSandbox() builds a world, loads a scenario and listens on
// 127.0.0.1. The app, the browser preview, the CLI (`envelope sandbox`) and the tests use it; SDK
// clients reach it only through their endpoint setting (AWS_ENDPOINT_URL / endpoint_url).
import type { AddressInfo } from 'node:net';
import { createClock } from './clock';
import { defaultConfig, SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY } from './config';
import type { SandboxClock, SandboxRates } from './context';
import { createControl, type SandboxControl } from './control';
import { CONTROL_PREFIX } from './control-api';
import { newToken } from '../core/security/loopback-guard';
import { Faults } from './faults';
import type { SandboxRuntime } from './runtime';
import { createSandboxServer } from './server';
import { Throttle } from './throttle';
import { createWorld } from './world-factory';
import { scenarioRegion } from './scenarios/index';
import type { SandboxWorld } from './world';

export interface StartSandboxOptions {
  readonly port?: number; // 0 (default) = a free port
  readonly scenario?: string; // default 'empty'
  readonly scenarioParams?: Record<string, unknown>;
  readonly speed?: number; // clock speed, default 1 (real time)
  readonly startAt?: number; // simulated epoch ms at start, default now
  readonly throttling?: boolean; // default true
  readonly latencyMs?: number; // real ms added to every answer, default 0
  readonly verifySignatures?: boolean; // recompute SigV4 signatures, default true
  readonly rates?: Partial<SandboxRates>;
}

export interface SandboxHandle {
  readonly endpoint: string; // http://127.0.0.1:PORT
  readonly port: number;
  readonly controlUrl: string; // http://127.0.0.1:PORT/_sandbox/
  // This run's control API token: every call under controlUrl sends it in CONTROL_TOKEN_HEADER.
  readonly controlToken: string;
  readonly world: SandboxWorld;
  readonly clock: SandboxClock;
  readonly control: SandboxControl;
  readonly credentials: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly region: string;
  };
  close(): Promise<void>;
}

export async function startSandbox(options: StartSandboxOptions = {}): Promise<SandboxHandle> {
  const clock = createClock({
    speed: options.speed ?? defaultConfig.speed,
    ...(options.startAt === undefined ? {} : { startAt: options.startAt }),
  });
  const world = createWorld();
  const runtime: SandboxRuntime = {
    world,
    clock,
    rates: { ...defaultConfig.rates, ...options.rates },
    throttle: new Throttle(() => clock.now(), options.throttling ?? defaultConfig.throttling),
    faults: new Faults(
      () => clock.now(),
      () => world,
    ),
    latencyMs: options.latencyMs ?? defaultConfig.latencyMs,
    verifySignatures: options.verifySignatures ?? true,
    scenario: { name: 'empty', params: {} },
    internalErrors: [],
    controlToken: newToken(),
  };
  const control = createControl(runtime);
  control.loadScenario(options.scenario ?? 'empty', options.scenarioParams ?? {});

  const server = createSandboxServer(runtime, control);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    port,
    controlUrl: `${endpoint}${CONTROL_PREFIX}`,
    controlToken: runtime.controlToken,
    world,
    clock,
    control,
    // The region of the scenario loaded at start, so a client with these settings sees its resources.
    credentials: {
      accessKeyId: SANDBOX_ACCESS_KEY_ID,
      secretAccessKey: SANDBOX_SECRET_ACCESS_KEY,
      region: scenarioRegion(options.scenario ?? 'empty'),
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export type { SandboxControl } from './control';
export type { FaultSpec } from './faults';
export { CONTROL_PREFIX, CONTROL_TOKEN_HEADER } from './control-api';
export {
  SANDBOX_ACCESS_KEY_ID,
  SANDBOX_SECRET_ACCESS_KEY,
  SANDBOX_REGION,
  SANDBOX_ACCOUNT_ID,
} from './config';
export { scenarioNames } from './scenarios/index';
