// Core on an avi-lab sandbox for the S3 re-encryption tests: createCore as the CLI does, the
// sandbox account selected in avi-lab's region, and the planner's deps for that account.
import { S3Client, type BucketLocationConstraint } from '@aws-sdk/client-s3';
import { createCore, type Core } from '../../../electron/core/create-core';
import { accountDeps } from '../../../electron/core/s3-encrypt/account-deps';
import type { S3EncryptDeps } from '../../../electron/core/s3-encrypt/deps';
import { aviLab } from '../../../electron/sandbox/scenarios/avi-lab';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox';
import { makeTempDir } from '../../helpers/temp-dir';

export interface S3EncryptWorld {
  readonly sandbox: TestSandbox;
  readonly core: Core;
  readonly deps: S3EncryptDeps;
  readonly s3: S3Client; // in avi-lab's region
  readonly dataDir: string;
}

export async function startS3EncryptWorld(): Promise<S3EncryptWorld> {
  const sandbox = await startTestSandbox({ scenario: 'avi-lab' });
  const dataDir = makeTempDir('envelope-s3-encrypt-');
  const core = await createCore({
    dataDir,
    version: 'test',
    shell: 'cli',
    sandbox: {
      ensureStarted: () =>
        Promise.resolve({ ...sandbox.credentials, endpoint: sandbox.endpoint, region: aviLab.region }),
      stop: () => Promise.resolve(),
    },
  });
  await core.accounts.select('sandbox', aviLab.region);
  const s3 = new S3Client({ ...sandbox.s3Config, region: aviLab.region });
  return { sandbox, core, deps: accountDeps(core.accounts), s3, dataDir };
}

export async function stopS3EncryptWorld(world: S3EncryptWorld | undefined): Promise<void> {
  await world?.core.dispose();
  await world?.sandbox.close();
}

export function seBucket(world: S3EncryptWorld): string {
  const name = [...world.sandbox.handle.world.buckets.keys()].find((n) => n.startsWith('avi-se-'));
  if (!name) throw new Error('avi-lab has no avi-se- bucket');
  return name;
}

// avi-lab's region, as CreateBucket's LocationConstraint.
export const LOCATION = aviLab.region as BucketLocationConstraint;
