// What a command needs: core, created with the CLI's data directory and an in-process sandbox
// (started only when the selected account is the sandbox), and the global options. Core and the
// sandbox are loaded with import() on first use, so a command that never reaches them (help, a
// bad argument, an offline plan) does not pay for loading them.
import { mkdirSync } from 'node:fs';
import type { Core } from '../core/create-core';
import type { AccountService } from '../core/accounts/account-service';
import type { SandboxConnection, SandboxProvider } from '../core/accounts/sandbox-account';
import type { Result } from '../../shared/ipc/channel';
import { AppError } from '../core/errors/app-error';
import { askMfaCodeOnTerminal } from './mfa-prompt';
import { packageVersion } from './version';

export { packageVersion };

export interface GlobalOptions {
  readonly profile?: string;
  readonly region?: string;
  readonly json?: boolean;
  readonly endpointUrl?: string;
}

// The sandbox module (every wire protocol and the scenarios) is loaded only when it is started.
function lazySandboxProvider(): SandboxProvider {
  let provider: Promise<SandboxProvider> | undefined;
  const load = () =>
    (provider ??= import('../sandbox/provider').then(({ createSandboxProvider }) => createSandboxProvider()));
  return {
    ensureStarted: async (): Promise<SandboxConnection> => (await load()).ensureStarted(),
    stop: async () => {
      if (provider) await (await provider).stop();
    },
  };
}

export async function withCore<T>(options: GlobalOptions, run: (core: Core) => Promise<T>): Promise<T> {
  if (options.endpointUrl) process.env.AWS_ENDPOINT_URL = options.endpointUrl;
  const [{ createCore }, { defaultDataDir }] = await Promise.all([
    import('../core/create-core'),
    import('../core/data-dir'),
  ]);
  const core = await createCore({
    dataDir: defaultDataDir(),
    version: packageVersion(),
    shell: 'cli',
    sandbox: lazySandboxProvider(),
    mfaCodeProvider: askMfaCodeOnTerminal,
  });
  try {
    if (options.profile || options.region) {
      const profile = options.profile ?? core.accounts.current().profile;
      await core.accounts.select(profile, options.region, { persist: false });
    }
    return await run(core);
  } finally {
    await core.dispose();
  }
}

// The accounts part of core alone (whoami, profiles): no inventory, migration or diagnostics
// services, so none of their SDK clients are loaded.
export async function withAccounts<T>(
  options: GlobalOptions,
  run: (accounts: AccountService) => Promise<T>,
): Promise<T> {
  if (options.endpointUrl) process.env.AWS_ENDPOINT_URL = options.endpointUrl;
  const [{ AccountService }, { SettingsStore }, { defaultDataDir }, { setLogDirectory }] = await Promise.all([
    import('../core/accounts/account-service'),
    import('../core/settings/settings-store'),
    import('../core/data-dir'),
    import('../core/log'),
  ]);
  const dataDir = defaultDataDir();
  mkdirSync(dataDir, { recursive: true });
  setLogDirectory(dataDir);
  const sandbox = lazySandboxProvider();
  // Nobody listens to events here; the event bus would load every schema of the IPC contract
  // just to check payloads no one reads.
  const events = { emit: () => undefined };
  const accounts = new AccountService(sandbox, events, new SettingsStore(dataDir), {
    mfaCodeProvider: askMfaCodeOnTerminal,
    startSandbox: 'when-used',
  });
  try {
    await accounts.init();
    if (options.profile || options.region) {
      const profile = options.profile ?? accounts.current().profile;
      await accounts.select(profile, options.region, { persist: false });
    }
    return await run(accounts);
  } finally {
    accounts.dispose();
    accounts.clients.destroy();
    await sandbox.stop();
  }
}

// Unwraps a dispatch Result, turning an error into a thrown AppError for fail().
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new AppError(result.error.code, result.error.message, result.error.hint);
}
