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
      started ??= startSandbox({ port: 0, scenario: options.scenario ?? 'avi-lab', ...options }).then(
        (s) => (instance = s),
      );
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
  };
}
