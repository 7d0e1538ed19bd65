// How the local engine meets S3's refusals: 503 SlowDown on some copies is absorbed by the SDK's
// adaptive retry mode (the app's clients use it) and every object ends under the key; an identity
// that may copy but not use the key gets AccessDenied for each object, said with the permissions
// to grant.
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { S3EncryptJournal } from '../../../electron/core/s3-encrypt/journal';
import { runS3EncryptPlan } from '../../../electron/core/s3-encrypt/run-plan';
import { withSandbox } from '../../helpers/sandbox';
import { countRequests, localPlan, readPlannedObjects } from './local-plan';
import { engineContext, makeLocalWorld, putLabObjects, type LocalWorld } from './local-world';

const sandbox = withSandbox();
const BUCKET = 'avi-se-refusals';
let world: LocalWorld;

beforeAll(async () => {
  world = await makeLocalWorld(sandbox, [BUCKET]);
});

async function planFor(id: string, prefix: string, s3: S3Client) {
  const o = {
    id,
    accountId: world.accountId,
    region: world.region,
    bucket: BUCKET,
    prefix,
    keyArn: world.keyArn,
  };
  return localPlan(o, await readPlannedObjects(s3, o));
}

describe('S3 re-encryption, local engine: refusals', () => {
  it('rides out SlowDown with the adaptive retry mode', async () => {
    const s3 = new S3Client(sandbox.s3Config);
    const keys = await putLabObjects(s3, BUCKET, 'slow/', 20);
    const plan = await planFor('s3e-local-slow', 'slow/', s3);
    const fault = await sandbox.controlFetch('faults', {
      method: 'POST',
      body: JSON.stringify({
        kind: 'fail',
        service: 's3',
        action: 'CopyObject',
        nth: 3,
        count: 3,
        code: 'SlowDown',
        message: 'Please reduce your request rate.',
        status: 503,
      }),
    });
    expect(fault.ok).toBe(true);
    // As core's client factory makes them (electron/core/aws/client-factory.ts).
    const adaptive = new S3Client({ ...sandbox.s3Config, retryMode: 'adaptive', maxAttempts: 8 });
    const counts = countRequests(adaptive);
    const journal = S3EncryptJournal.create(join(world.dir, 'job-slow.jsonl'), plan, 'job-slow');
    const result = await runS3EncryptPlan(plan, journal, engineContext(sandbox, world, adaptive));

    expect(result).toMatchObject({ copied: 20, failedCount: 0 });
    expect(counts.get('CopyObjectCommand')).toBe(20);
    // The three SlowDown answers were given (and retried by the SDK, not the engine).
    const { faults } = (await (await sandbox.controlFetch('faults')).json()) as {
      faults: { code?: string; done?: boolean }[];
    };
    expect(faults.find((f) => f.code === 'SlowDown')).toMatchObject({ done: true });
    for (const key of keys) {
      const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
      expect(head.SSEKMSKeyId).toBe(world.keyArn);
    }
  });

  it('says which permissions are missing when S3 refuses the copy', async () => {
    const s3 = new S3Client(sandbox.s3Config);
    await putLabObjects(s3, BUCKET, 'denied/', 3);
    const plan = await planFor('s3e-local-denied', 'denied/', s3);
    const iam = new IAMClient(sandbox.sdkConfig);
    await iam.send(new CreateUserCommand({ UserName: 's3-only' }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 's3-only',
        PolicyName: 's3-but-no-kms',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
        }),
      }),
    );
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 's3-only' }));
    const limited = new S3Client({
      ...sandbox.s3Config,
      credentials: {
        accessKeyId: AccessKey?.AccessKeyId ?? '',
        secretAccessKey: AccessKey?.SecretAccessKey ?? '',
      },
    });
    const journal = S3EncryptJournal.create(join(world.dir, 'job-denied.jsonl'), plan, 'job-denied');
    const result = await runS3EncryptPlan(plan, journal, engineContext(sandbox, world, limited));

    expect(result).toMatchObject({ copied: 0, failedCount: 3 });
    for (const failure of result.failed) {
      expect(failure.code).toBe('AccessDenied');
      expect(failure.message).toContain('kms:GenerateDataKey');
    }
  });
});
