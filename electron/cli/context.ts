// What a command needs: core, created with the CLI's data directory and an in-process sandbox
// (used only when the selected account is the sandbox), and the global options.
import { readFileSync } from 'node:fs';
import { createCore, type Core } from '../core/create-core';
import { defaultDataDir } from '../core/data-dir';
import { createSandboxProvider } from '../sandbox/provider';
import type { Result } from '../../shared/ipc/channel';
import { AppError } from '../core/errors/app-error';
import { askMfaCodeOnTerminal } from './mfa-prompt';

export interface GlobalOptions {
  readonly profile?: string;
  readonly region?: string;
  readonly json?: boolean;
  readonly endpointUrl?: string;
}

export function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

export async function withCore<T>(options: GlobalOptions, run: (core: Core) => Promise<T>): Promise<T> {
  if (options.endpointUrl) process.env.AWS_ENDPOINT_URL = options.endpointUrl;
  const core = await createCore({
    dataDir: defaultDataDir(),
    version: packageVersion(),
    shell: 'cli',
    sandbox: createSandboxProvider(),
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

// Unwraps a dispatch Result, turning an error into a thrown AppError for fail().
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new AppError(result.error.code, result.error.message, result.error.hint);
}
