// AmiCopyDeps pointed at a test sandbox: one client per (service, region), the app's retry
// settings (adaptive, 8 attempts), a fast poll, and a world snapshot to compare before/after.
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AmiCopyDeps } from '../../../electron/core/ami-copy/deps';
import { CopyLimits } from '../../../electron/core/ami-copy/limits';
import type { TestSandbox } from '../../helpers/sandbox';

export function sandboxDeps(sandbox: TestSandbox, pollMs = 50): AmiCopyDeps & { destroy(): void } {
  const made = new Map<string, { destroy(): void }>();
  const config = (region: string) => ({
    ...sandbox.sdkConfig,
    region,
    maxAttempts: 8,
    retryMode: 'adaptive' as const,
  });
  const get = <T extends { destroy(): void }>(key: string, make: () => T): T => {
    let client = made.get(key) as T | undefined;
    if (!client) {
      client = make();
      made.set(key, client);
    }
    return client;
  };
  return {
    ec2: (r) => get(`ec2|${r}`, () => new EC2Client(config(r))),
    kms: (r) => get(`kms|${r}`, () => new KMSClient(config(r))),
    iam: () => get('iam', () => new IAMClient(config('us-east-1'))),
    caller: async () => {
      const sts = get('sts', () => new STSClient(config('us-east-1')));
      const answer = await sts.send(new GetCallerIdentityCommand({}));
      return { accountId: answer.Account ?? '', arn: answer.Arn ?? '' };
    },
    pollMs,
    limits: new CopyLimits(),
    destroy: () => {
      for (const client of made.values()) client.destroy();
    },
  };
}

// The parts of the world a copy would create: images and snapshots, by id.
export function worldIds(sandbox: TestSandbox): { images: string[]; snapshots: string[] } {
  const world = sandbox.handle.world;
  return {
    images: [...world.images.values()]
      .filter((i) => i.state !== 'deregistered')
      .map((i) => i.imageId)
      .sort(),
    snapshots: [...world.snapshots.keys()].sort(),
  };
}
