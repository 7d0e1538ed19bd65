// Offline: the last inventory of each (account, region) is kept in the data directory and served,
// with its age and the reason, when the endpoint is down.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/create-core';
import type { SandboxProvider } from '../../../electron/core/accounts/sandbox-account';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox';
import { makeTempDir } from '../../helpers/temp-dir';

const REGION = 'us-west-2';
const dataDir = makeTempDir('envelope-inventory-');
const cores: Core[] = [];

function provider(sandbox: TestSandbox): SandboxProvider {
  return {
    ensureStarted: () =>
      Promise.resolve({ ...sandbox.credentials, endpoint: sandbox.endpoint, region: REGION }),
    stop: () => Promise.resolve(),
  };
}

async function coreFor(sandbox: TestSandbox): Promise<Core> {
  const core = await createCore({ dataDir, version: 'test', shell: 'cli', sandbox: provider(sandbox) });
  cores.push(core);
  await core.accounts.select('sandbox', REGION);
  return core;
}

afterAll(async () => {
  for (const core of cores) await core.dispose();
});

describe('offline inventory', () => {
  it('serves the cached inventory with its age when the endpoint is down', async () => {
    const sandbox = await startTestSandbox({ scenario: 'avi-lab' });
    const core = await coreFor(sandbox);
    const live = await core.inventory.scanNow([REGION]);
    const region = live.regions[0]!;
    expect(region.source).toBe('live');
    expect(region.volumes.length).toBeGreaterThan(0);
    const file = join(dataDir, 'inventory', live.account!, `${REGION}.json`);
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      region: REGION,
      scannedAt: region.scannedAt,
    });

    await sandbox.close();
    const offline = await core.inventory.scanNow([REGION]);
    const cached = offline.regions[0]!;
    expect(cached.source).toBe('cache');
    expect(cached.scannedAt).toBe(region.scannedAt);
    expect(cached.offline?.code).toBe('network');
    expect(cached.volumes.map((v) => v.id)).toEqual(region.volumes.map((v) => v.id));

    // A new session (no identity in memory, STS unreachable) still finds the cache for the profile.
    const fresh = await coreFor(sandbox);
    const read = await fresh.inventory.get([REGION, 'eu-north-1']);
    expect(read.regions.map((r) => [r.region, r.source, r.scannedAt])).toEqual([
      [REGION, 'cache', region.scannedAt],
    ]);
    expect(read.missing).toEqual(['eu-north-1']);

    // Through the IPC map, as the page sees it.
    const viaIpc = await fresh.dispatch('inventory:get', { regions: [REGION] });
    expect(viaIpc.ok).toBe(true);
  });
});
