// S3 Batch Operations through the real AWS CLI v2 (aws s3control …) against the sandbox. The CLI
// puts the account id in front of the endpoint's host (<account-id>.localhost:PORT); it reaches
// the sandbox through HTTP_PROXY, which the sandbox serves like a direct request (README, "S3 Batch
// Operations").
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { s3ControlEndpoint } from '../../../electron/core/aws/s3-control-endpoint';
import { runAwsCli, runAwsCliRaw, withSandbox } from '../../helpers/sandbox';
import { makeBatchWorld, putObjects, type BatchWorld } from '../../helpers/s3-batch-world';
import { makeTempDir } from '../../helpers/temp-dir';

const sandbox = withSandbox({ speed: 0 });
const BUCKET = 'cli-batch-source';
let world: BatchWorld;

interface Job {
  Status: string;
  ProgressSummary?: {
    TotalNumberOfTasks?: number;
    NumberOfTasksSucceeded?: number;
    NumberOfTasksFailed?: number;
  };
}

function controlEnv(): NodeJS.ProcessEnv {
  return {
    ...sandbox.env,
    AWS_ENDPOINT_URL: s3ControlEndpoint(sandbox.endpoint),
    HTTP_PROXY: sandbox.endpoint,
  };
}

async function describeJob(jobId: string): Promise<Job> {
  const out = await runAwsCli<{ Job: Job }>(
    ['s3control', 'describe-job', '--account-id', world.accountId, '--job-id', jobId],
    controlEnv(),
  );
  return out.Job;
}

beforeAll(async () => {
  world = await makeBatchWorld(sandbox, { bucket: BUCKET, reportBucket: BUCKET, roleName: 'cli-batch' });
  await putObjects(world.s3, BUCKET, 'se/', 4);
});

describe('aws s3control against the sandbox', () => {
  // The CLI here (2.9) predates the generated manifest's encryption and key-name filters (the
  // export test, test/shared/plans/s3-batch-job.test.ts, runs those with the newest CLI on the
  // machine): this job reads a CSV manifest uploaded with the CLI.
  it('creates a job from --cli-input-json, confirms it, and describe-job shows it Complete', async () => {
    const dir = makeTempDir('s3control-cli-');
    const csv = join(dir, 'manifest.csv');
    writeFileSync(
      csv,
      ['se/0000.bin', 'se/0001.bin', 'se/0002.bin', 'se/0003.bin'].map((k) => `${BUCKET},${k}\n`).join(''),
    );
    const { ETag } = await runAwsCli<{ ETag: string }>(
      ['s3api', 'put-object', '--bucket', BUCKET, '--key', 'manifests/job-1.csv', '--body', csv],
      sandbox.env,
    );
    const input = {
      AccountId: world.accountId,
      ConfirmationRequired: true,
      ClientRequestToken: 'cli-job-1',
      Priority: 10,
      RoleArn: world.roleArn,
      Operation: {
        S3PutObjectCopy: {
          TargetResource: `arn:aws:s3:::${BUCKET}`,
          SSEAwsKmsKeyId: world.keyArn,
          MetadataDirective: 'COPY',
        },
      },
      Manifest: {
        Spec: { Format: 'S3BatchOperations_CSV_20180820', Fields: ['Bucket', 'Key'] },
        Location: { ObjectArn: `arn:aws:s3:::${BUCKET}/manifests/job-1.csv`, ETag },
      },
      Report: {
        Enabled: true,
        Bucket: `arn:aws:s3:::${BUCKET}`,
        Prefix: 'envelope-reports',
        Format: 'Report_CSV_20180820',
        ReportScope: 'AllTasks',
      },
    };
    const file = join(dir, 'job.json');
    writeFileSync(file, JSON.stringify(input));
    const { JobId } = await runAwsCli<{ JobId: string }>(
      ['s3control', 'create-job', '--cli-input-json', `file://${file}`],
      controlEnv(),
    );
    expect(JobId).toMatch(/^[0-9a-f-]{36}$/);

    sandbox.control.advanceClock(10 * 60_000);
    const suspended = await describeJob(JobId);
    expect(suspended.Status).toBe('Suspended');
    await runAwsCli(
      [
        's3control',
        'update-job-status',
        '--account-id',
        world.accountId,
        '--job-id',
        JobId,
        '--requested-job-status',
        'Ready',
      ],
      controlEnv(),
    );
    sandbox.control.advanceClock(10 * 60_000);
    const done = await describeJob(JobId);
    expect(done.Status).toBe('Complete');
    expect(done.ProgressSummary).toMatchObject({ TotalNumberOfTasks: 4, NumberOfTasksSucceeded: 4 });

    const head = await runAwsCli<{ ServerSideEncryption: string; SSEKMSKeyId: string }>(
      ['s3api', 'head-object', '--bucket', BUCKET, '--key', 'se/0003.bin'],
      sandbox.env,
    );
    expect(head).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: world.keyArn });
    const listed = await runAwsCli<{ Jobs: { JobId: string; Status: string }[] }>(
      ['s3control', 'list-jobs', '--account-id', world.accountId],
      controlEnv(),
    );
    expect(listed.Jobs).toContainEqual(expect.objectContaining({ JobId, Status: 'Complete' }));
  });

  it('answers an unknown job with NotFoundException', async () => {
    const run = await runAwsCliRaw(
      [
        's3control',
        'describe-job',
        '--account-id',
        world.accountId,
        '--job-id',
        '00000000-0000-0000-0000-000000000000',
      ],
      controlEnv(),
    );
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain('NotFoundException');
  });
});
