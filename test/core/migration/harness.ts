// A migration context pointed at a test sandbox: EC2 and KMS clients with the app's retry settings,
// tiny waiter delays, the sandbox's simulated clock for downtime, a throwaway data directory.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { GetKeyPolicyCommand, KMSClient, PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { JournalStore } from '../../../electron/core/migration/journal';
import type { MigrationContext } from '../../../electron/core/migration/migration-context';
import { ebsStatementFor } from '../../../electron/core/migration/key-check';
import type { TestSandbox } from '../../helpers/sandbox';
import { makeTempDir } from '../../helpers/temp-dir';

export const ACCOUNT = '123456789012';
export const CALLER = `arn:aws:iam::${ACCOUNT}:user/sandbox-admin`;

export function sandboxContext(
  sandbox: TestSandbox,
  options: { region?: string; maxAttempts?: number; dataDir?: string; minDelay?: number } = {},
): MigrationContext & { destroy(): void } {
  const region = options.region ?? sandbox.credentials.region;
  const config = {
    ...sandbox.sdkConfig,
    region,
    maxAttempts: options.maxAttempts ?? 8,
    retryMode: 'adaptive' as const,
  };
  const ec2 = new EC2Client(config);
  const kms = new KMSClient(config);
  const minDelay = options.minDelay ?? 0.005;
  return {
    ec2,
    kms,
    profile: 'sandbox',
    region,
    accountId: ACCOUNT,
    callerArn: CALLER,
    waits: { minDelay, maxDelay: minDelay * 4, timeScale: 0.01 },
    now: () => sandbox.handle.clock.now(),
    dataDir: options.dataDir ?? makeTempDir('envelope-migration-'),
    destroy: () => {
      ec2.destroy();
      kms.destroy();
    },
  };
}

// avi-lab's alias/avi-cmk lacks the EBS statement on purpose; the checks add it like a person would.
export async function allowEbsOn(kms: KMSClient, keyId: string, region: string): Promise<void> {
  const current = await kms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' }));
  const policy = JSON.parse(current.Policy ?? '{}') as { Statement: unknown[] };
  policy.Statement.push(JSON.parse(ebsStatementFor(ACCOUNT, region)));
  await kms.send(
    new PutKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default', Policy: JSON.stringify(policy) }),
  );
}

// For suites that run a migration hundreds of times: a sandbox clock so fast that a simulated
// minute passes in well under a real millisecond, retries as the app makes them without the
// real-time backoff (1 ms between attempts), and journals in memory (/dev/shm) when it exists.
export function fastSandboxContext(
  sandbox: TestSandbox,
  prefix: string,
): MigrationContext & { destroy(): void } {
  const config = {
    ...sandbox.sdkConfig,
    region: 'us-west-2',
    retryStrategy: new ConfiguredRetryStrategy(8, 1),
  };
  const ec2 = new EC2Client(config);
  const kms = new KMSClient(config);
  const iam = new IAMClient(config);
  return {
    ec2,
    kms,
    iam,
    profile: 'sandbox',
    region: 'us-west-2',
    accountId: ACCOUNT,
    callerArn: CALLER,
    waits: { minDelay: 0.001, maxDelay: 0.004, timeScale: 0.01 },
    now: () => sandbox.handle.clock.now(),
    dataDir: makeTempDir(prefix, existsSync('/dev/shm') ? '/dev/shm' : tmpdir()),
    destroy: () => {
      ec2.destroy();
      kms.destroy();
      iam.destroy();
    },
  };
}

// What a kill throws, so a test can tell it from a real failure.
export class Killed extends Error {}

// A journal store that kills the run before write `killAt` (never when undefined): it aborts the
// run's signal and throws, and refuses every later write, as a process killed then would make none.
// `onWrite` sees each write that went through.
export function killableStore(
  dataDir: string,
  killAt: number | undefined,
  onWrite: () => void = () => undefined,
): { store: JournalStore; signal: AbortSignal } {
  const controller = new AbortController();
  const store = new JournalStore({
    dataDir,
    beforeWrite: (_journal, write) => {
      if (controller.signal.aborted || write === killAt) {
        if (!controller.signal.aborted) controller.abort(new Killed('killed'));
        throw new Killed('killed');
      }
      onWrite();
    },
  });
  return { store, signal: controller.signal };
}
