// The benchmark's world, in a sandbox on the `empty` scenario: N instances with 4 gp3 volumes of
// 256 GiB each (1 TiB in all) whose write rate makes about 2% of the data change during the first
// (full) snapshot, and a CMK whose default policy lets the account use it through EC2.
import { EC2Client } from '@aws-sdk/client-ec2';
import { KMSClient } from '@aws-sdk/client-kms';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MigrationContext } from '../../electron/core/migration/migration-context';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox/index';
import { createKmsKeyWithAlias } from '../../electron/sandbox/kms/factory';
import { addImage, addInstance } from '../../electron/sandbox/scenarios/builders';

export const REGION = 'us-east-1';
export const VOLUME_GIB = 256;
// 2% of 256 GiB (5.12 GiB) written during a full snapshot of 256 GiB at 0.1 GiB/s (2,560 s).
const WRITE_RATE_GIB_PER_HOUR = (0.02 * VOLUME_GIB) / (VOLUME_GIB / 0.1 / 3600);

export interface Fleet {
  readonly sandbox: SandboxHandle;
  readonly ctx: MigrationContext;
  readonly instanceIds: string[];
  close(): Promise<void>;
}

export async function startFleet(
  count: number,
  options: { speed: number; throttling: boolean; pollSeconds: number },
): Promise<Fleet> {
  const sandbox = await startSandbox({
    scenario: 'empty',
    speed: options.speed,
    throttling: options.throttling,
    verifySignatures: false,
  });
  const world = sandbox.world;
  const now = sandbox.clock.now();
  createKmsKeyWithAlias(world, 'alias/bench-cmk', { region: REGION, now, description: 'benchmark CMK' });
  const image = addImage(world, {
    region: REGION,
    name: 'bench',
    sizeGiB: VOLUME_GIB,
    creationDate: now,
  }).image;
  const instanceIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const { instance, volumes } = addInstance(world, {
      region: REGION,
      availabilityZone: `${REGION}a`,
      image,
      instanceType: 'm5.large',
      name: `bench-${i}`,
      launchTime: now,
      rootSizeGiB: VOLUME_GIB,
      dataVolumes: ['/dev/sdb', '/dev/sdc', '/dev/sdd'].map((device) => ({
        device,
        sizeGiB: VOLUME_GIB,
        volumeType: 'gp3' as const,
      })),
    });
    for (const v of volumes) v.writeRateGiBPerHour = WRITE_RATE_GIB_PER_HOUR;
    instanceIds.push(instance.instanceId);
  }
  // The SDK's retry backoff (and the adaptive mode's client-side rate limiter) waits in REAL time,
  // while the sandbox's request buckets refill on its simulated clock: at speed 500 a 1 s real
  // backoff is 500 s of AWS time, which made throttled calls of the 20-instance run look ~2×
  // slower than AWS would be. The benchmark keeps the SDK's standard backoff (full jitter, base
  // 100 ms, cap 20 s), expressed in simulated time, so both sides run on the same clock.
  const retryStrategy = new ConfiguredRetryStrategy(8, (attempt) =>
    Math.floor(Math.min(20_000, Math.random() * 2 ** attempt * 100) / options.speed),
  );
  const config = {
    endpoint: sandbox.endpoint,
    region: REGION,
    credentials: sandbox.credentials,
    retryStrategy,
  };
  const ec2 = new EC2Client(config);
  const kms = new KMSClient(config);
  const ctx: MigrationContext = {
    ec2,
    kms,
    profile: 'sandbox',
    region: REGION,
    accountId: '123456789012',
    callerArn: 'arn:aws:iam::123456789012:user/sandbox-admin',
    waits: { minDelay: options.pollSeconds, maxDelay: options.pollSeconds, timeScale: 1 },
    now: () => sandbox.clock.now(),
    dataDir: mkdtempSync(join(tmpdir(), 'envelope-bench-migration-')),
  };
  return {
    sandbox,
    ctx,
    instanceIds,
    close: async () => {
      ec2.destroy();
      kms.destroy();
      await sandbox.close();
    },
  };
}
