// A whole core against a test sandbox (as test/core/inventory does it), for the diagnostics tests.
import { createCore, type Core } from '../../../electron/core/create-core';
import type { TestSandbox } from '../../helpers/sandbox';
import { makeTempDir } from '../../helpers/temp-dir';

export async function coreFor(sandbox: TestSandbox, region: string): Promise<Core> {
  const core = await createCore({
    dataDir: makeTempDir('envelope-diagnostics-'),
    version: 'test',
    shell: 'cli',
    sandbox: {
      ensureStarted: () => Promise.resolve({ ...sandbox.credentials, endpoint: sandbox.endpoint, region }),
      stop: () => Promise.resolve(),
    },
  });
  await core.accounts.select('sandbox', region);
  return core;
}
