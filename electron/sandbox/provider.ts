// The sandbox as core's SandboxProvider: started in-process on first use, on a random loopback
// port. Electron main, the preview and the CLI pass this to createCore().
import type { SandboxConnection, SandboxProvider } from '../core/accounts/sandbox-account';
import { startSandbox } from './index';

export interface SandboxProviderOptions {
  readonly scenario?: string;
  readonly speed?: number;
  readonly throttling?: boolean;
}

export function createSandboxProvider(options: SandboxProviderOptions = {}): SandboxProvider & {
  running(): Awaited<ReturnType<typeof startSandbox>> | undefined;
} {
  let started: Promise<Awaited<ReturnType<typeof startSandbox>>> | undefined;
  let instance: Awaited<ReturnType<typeof startSandbox>> | undefined;
  return {
    async ensureStarted(): Promise<SandboxConnection> {
      started ??= startSandbox({
        ...options,
        port: 0,
        scenario: options.scenario ?? 'avi-lab',
        speed: options.speed ?? defaultSpeed(),
      }).then((s) => (instance = s));
      const sandbox = await started;
      return {
        endpoint: sandbox.endpoint,
        region: sandbox.credentials.region,
        accessKeyId: sandbox.credentials.accessKeyId,
        secretAccessKey: sandbox.credentials.secretAccessKey,
        ssoStartUrl: sandbox.world.sso.startUrl,
        ssoRegion: sandbox.world.sso.region,
      };
    },
    async stop() {
      const sandbox = await started;
      started = undefined;
      instance = undefined;
      await sandbox?.close();
    },
    running: () => instance,
    speed: () => options.speed ?? defaultSpeed(),
  };
}

// The in-app sandbox runs an hour of AWS time per minute by default, so that copying a 128 GiB
// image takes about a minute rather than the better part of an hour; ENVELOPE_SANDBOX_SPEED
// sets another factor (1 = real time).
export const DEFAULT_SANDBOX_SPEED = 60;

function defaultSpeed(): number {
  const fromEnv = Number(process.env.ENVELOPE_SANDBOX_SPEED);
  return Number.isFinite(fromEnv) && fromEnv >= 0 && process.env.ENVELOPE_SANDBOX_SPEED
    ? fromEnv
    : DEFAULT_SANDBOX_SPEED;
}
