// The batch engine against the sandbox's S3 Batch Operations: the job runs and the objects end
// under the key; a disabled key fails the tasks and the result says so in words; a resumed run
// follows the job the journal names instead of making a second; cancel cancels the job; a role S3
// cannot assume is refused before anything is created. The sandbox runs at 3,600× (a job takes
// about 15 real ms), the engine polls every 20 ms.
import { DisableKeyCommand, EnableKeyCommand } from '@aws-sdk/client-kms';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { ListJobsCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { s3ControlEndpoint, s3ControlRequestHandler } from '../../../electron/core/aws/s3-control-endpoint';
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import type { S3EncryptProgress } from '../../../shared/domain/s3-encrypt';
import { S3BatchEngine } from '../../../electron/core/s3-encrypt/batch/batch-engine';
import type { EngineContext } from '../../../electron/core/s3-encrypt/engine';
import { withSandbox } from '../../helpers/sandbox';
import { makeBatchWorld, putObjects, type BatchWorld } from '../../helpers/s3-batch-world';
import { batchPlan, memoryJournal } from './batch-plan';

const sandbox = withSandbox();
const BUCKET = 'engine-batch';
let world: BatchWorld;

beforeAll(async () => {
  world = await makeBatchWorld(sandbox, { bucket: BUCKET, reportBucket: BUCKET, roleName: 'engine-batch' });
});

function context(progress: S3EncryptProgress[] = [], signal = new AbortController().signal): EngineContext {
  return {
    accountId: world.accountId,
    region: sandbox.credentials.region,
    s3: world.s3,
    s3control: world.control,
    iam: new IAMClient(sandbox.sdkConfig),
    signal,
    onProgress: (p) => progress.push(p),
    jobId: 'job-test',
    pollMs: 20,
  };
}

function plan(id: string, prefix: string, objects: number, keyArn = world.keyArn, roleArn = world.roleArn) {
  return batchPlan({
    id,
    accountId: world.accountId,
    region: sandbox.credentials.region,
    bucket: BUCKET,
    prefix,
    keyArn,
    roleArn,
    objects,
  });
}

async function jobsNamed(planId: string): Promise<number> {
  const { Jobs = [] } = await world.control.send(new ListJobsCommand({ AccountId: world.accountId }));
  return Jobs.filter((j) => j.Description?.startsWith(`Envelope ${planId}:`)).length;
}

describe('S3 Batch Operations engine', () => {
  it('creates, confirms and follows the job; the objects end under the key, metadata kept', async () => {
    const keys = await putObjects(world.s3, BUCKET, 'run/', 5);
    const progress: S3EncryptProgress[] = [];
    const journal = memoryJournal();
    const result = await new S3BatchEngine().run(
      await plan('s3e-run', 'run/', 5),
      journal,
      context(progress),
    );
    expect(result).toMatchObject({
      engine: 'batch',
      copied: 5,
      failedCount: 0,
      failed: [],
      cancelled: false,
    });
    expect(result.batchJobId).toBe(journal.batch()?.jobId);
    expect(journal.batch()).toMatchObject({ confirmed: true });
    expect(result.reportLocation).toBe(
      `s3://${BUCKET}/envelope-reports/job-${result.batchJobId}/manifest.json`,
    );
    expect(new Set(progress.map((p) => p.phase))).toContain('batch-preparing');
    expect(progress.at(-1)).toMatchObject({ phase: 'batch-report', objectsDone: 5, objectsTotal: 5 });
    for (const key of keys) {
      const head = await world.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
      expect(head).toMatchObject({
        ServerSideEncryption: 'aws:kms',
        SSEKMSKeyId: world.keyArn,
        BucketKeyEnabled: true,
      });
      expect(head.Metadata).toEqual({ owner: 'lab' });
    }
  });

  it('reports every task a disabled key failed, in words', async () => {
    await putObjects(world.s3, BUCKET, 'disabled/', 3);
    await world.kms.send(new DisableKeyCommand({ KeyId: world.keyArn }));
    try {
      const result = await new S3BatchEngine().run(
        await plan('s3e-disabled', 'disabled/', 3),
        memoryJournal(),
        context(),
      );
      expect(result).toMatchObject({ copied: 0, failedCount: 3, cancelled: false });
      expect(result.failed.map((f) => f.key)).toEqual([
        'disabled/0000.bin',
        'disabled/0001.bin',
        'disabled/0002.bin',
      ]);
      expect(result.failed[0]).toMatchObject({
        code: 'KMS.DisabledException',
        message: expect.stringContaining('the KMS key is disabled: enable it'),
      });
    } finally {
      await world.kms.send(new EnableKeyCommand({ KeyId: world.keyArn }));
    }
  });

  it('resumes by following the job the journal names, without creating a second', async () => {
    await putObjects(world.s3, BUCKET, 'resume/', 4);
    const p = await plan('s3e-resume', 'resume/', 4);
    // The first run "crashes" right after writing the job id.
    const journal = memoryJournal((record) => {
      if (record.jobId && !record.confirmed && journal.writes.length === 2) throw new Error('crash');
    });
    await expect(new S3BatchEngine().run(p, journal, context())).rejects.toThrow('crash');
    const jobId = journal.batch()?.jobId;
    expect(jobId).toBeDefined();
    const result = await new S3BatchEngine().run(p, journal, context());
    expect(result).toMatchObject({ batchJobId: jobId, copied: 4, cancelled: false });
    expect(await jobsNamed('s3e-resume')).toBe(1);
  });

  it('gives up on a journalled job S3 does not know, after a few polls, saying what to do', async () => {
    const journal = memoryJournal();
    const p = await plan('s3e-gone', 'gone/', 1);
    journal.setBatch({ clientRequestToken: 'whatever', jobId: '00000000-0000-0000-0000-000000000000' });
    await expect(new S3BatchEngine().run(p, journal, context())).rejects.toMatchObject({
      code: 'batch-job-gone',
      hint: expect.stringContaining('Plan the bucket again'),
    });
  });

  it('cancels the job when the run is cancelled', async () => {
    await putObjects(world.s3, BUCKET, 'cancel/', 2);
    const controller = new AbortController();
    const progress: S3EncryptProgress[] = [];
    const ctx = {
      ...context(progress, controller.signal),
      onProgress: (p: S3EncryptProgress) => {
        progress.push(p);
        controller.abort(); // at the first answer, while S3 is still preparing the job
      },
    };
    const result = await new S3BatchEngine().run(
      await plan('s3e-cancel', 'cancel/', 2),
      memoryJournal(),
      ctx,
    );
    expect(result).toMatchObject({ cancelled: true, copied: 0 });
    expect(progress.at(-1)?.batchStatus).toBe('Cancelled');
    const head = await world.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'cancel/0000.bin' }));
    expect(head.ServerSideEncryption).toBe('AES256');
  });

  it('says which permission is missing when S3 refuses to create the job', async () => {
    const iam = new IAMClient(sandbox.sdkConfig);
    await iam.send(new CreateUserCommand({ UserName: 'no-pass-role' }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'no-pass-role',
        PolicyName: 'all-but-pass-role',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: ['s3:*', 'iam:GetRole', 'iam:SimulatePrincipalPolicy'],
              Resource: '*',
            },
          ],
        }),
      }),
    );
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'no-pass-role' }));
    const credentials = {
      accessKeyId: AccessKey!.AccessKeyId!,
      secretAccessKey: AccessKey!.SecretAccessKey!,
    };
    const ctx = {
      ...context(),
      s3control: new S3ControlClient({
        ...sandbox.sdkConfig,
        credentials,
        endpoint: s3ControlEndpoint(sandbox.endpoint),
        requestHandler: s3ControlRequestHandler(),
      }),
    };
    await expect(
      new S3BatchEngine().run(await plan('s3e-no-pass-role', 'x/', 1), memoryJournal(), ctx),
    ).rejects.toMatchObject({ code: 'batch-access-denied', hint: expect.stringContaining('iam:PassRole') });
  });

  it('refuses a role S3 cannot assume before creating anything, with both policies', async () => {
    const { Role } = await new IAMClient(sandbox.sdkConfig).send(
      new CreateRoleCommand({
        RoleName: 'engine-untrusted',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        }),
      }),
    );
    const run = new S3BatchEngine().run(
      await plan('s3e-untrusted', 'x/', 1, world.keyArn, Role!.Arn),
      memoryJournal(),
      context(),
    );
    await expect(run).rejects.toMatchObject({
      code: 'batch-role',
      message: expect.stringContaining('batchoperations.s3.amazonaws.com'),
      hint: expect.stringContaining('"kms:GenerateDataKey"'),
    });
    expect(await jobsNamed('s3e-untrusted')).toBe(0);
  });
});
