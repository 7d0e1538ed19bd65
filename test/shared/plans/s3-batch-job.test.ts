// The plan's S3 Batch Operations job as the JSON `aws s3control create-job --cli-input-json`
// takes: its content, and the real AWS CLI creating the job from it against the sandbox, which
// runs it to Complete. The generated manifest's encryption and key-name filters need a CLI from
// 2024 or later: the first CLI here that accepts them is used (Debian's /usr/bin/aws 2.9 refuses
// them in parameter validation; pip's AWS CLI 1.x with a current botocore accepts them).
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPlan } from '../../../shared/plans/render/render-plan';
import { renderS3BatchJob } from '../../../shared/plans/render/s3-batch-job';
import { s3ControlEndpoint } from '../../../electron/core/aws/s3-control-endpoint';
import { runAwsCli, withSandbox } from '../../helpers/sandbox';
import { makeBatchWorld, putObjects, type BatchWorld } from '../../helpers/s3-batch-world';
import { makeTempDir } from '../../helpers/temp-dir';
import { batchPlan } from '../../core/s3-encrypt/batch-plan';

const sandbox = withSandbox();
const BUCKET = 'export-batch';
let world: BatchWorld;

beforeAll(async () => {
  world = await makeBatchWorld(sandbox, { bucket: BUCKET, reportBucket: BUCKET, roleName: 'export-batch' });
});

const plan = (roleArn = world.roleArn) =>
  batchPlan({
    id: 's3e-export',
    accountId: world.accountId,
    region: sandbox.credentials.region,
    bucket: BUCKET,
    prefix: 'se/',
    keyArn: world.keyArn,
    roleArn,
    objects: 3,
  });

function controlEnv(): NodeJS.ProcessEnv {
  return {
    ...sandbox.env,
    AWS_ENDPOINT_URL: s3ControlEndpoint(sandbox.endpoint),
    HTTP_PROXY: sandbox.endpoint,
  };
}

function aws(
  cli: string,
  args: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = controlEnv();
  const argv = ['--endpoint-url', env.AWS_ENDPOINT_URL ?? '', '--output', 'json', ...args];
  return new Promise((resolve) => {
    execFile(cli, argv, { env, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe('the plan exported as an S3 Batch Operations job', () => {
  it('names the bucket, the key, the role, the filter and the report, with the plan seal as token', async () => {
    const p = await plan();
    const job = JSON.parse(renderS3BatchJob(p)) as Record<string, unknown>;
    expect(job).toMatchObject({
      AccountId: world.accountId,
      ConfirmationRequired: false,
      ClientRequestToken: `envelope-${p.sha256.slice(0, 48)}`,
      RoleArn: world.roleArn,
      Operation: {
        S3PutObjectCopy: {
          TargetResource: `arn:aws:s3:::${BUCKET}`,
          SSEAwsKmsKeyId: world.keyArn,
          BucketKeyEnabled: true,
        },
      },
      ManifestGenerator: {
        S3JobManifestGenerator: {
          SourceBucket: `arn:aws:s3:::${BUCKET}`,
          Filter: {
            KeyNameConstraint: { MatchAnyPrefix: ['se/'] },
            MatchAnyObjectEncryption: [{ SSES3: {} }],
          },
        },
      },
      Report: {
        Bucket: `arn:aws:s3:::${BUCKET}`,
        Prefix: 'envelope-reports',
        ReportScope: 'FailedTasksOnly',
      },
    });
    // One of the plan's export formats.
    expect(renderPlan(p, 's3-batch-job')).toMatchObject({
      fileName: 's3e-export.s3-batch-job.json',
      mime: 'application/json',
      text: renderS3BatchJob(p),
    });
  });

  it('says what to do when the plan names no role', async () => {
    const p = await plan();
    const input = p.input as { request: Record<string, unknown>; view: Record<string, unknown> };
    const noRole = { ...p, input: { ...input, request: { ...input.request, batchRoleArn: undefined } } };
    expect(() => renderS3BatchJob(noRole)).toThrow(/names no IAM role for S3 Batch Operations/);
  });

  it('is accepted by aws s3control create-job --cli-input-json, and the job completes', async () => {
    await putObjects(world.s3, BUCKET, 'se/', 3);
    const file = join(makeTempDir('s3-batch-export-'), 'job.json');
    writeFileSync(file, renderS3BatchJob(await plan()));
    const refusals: string[] = [];
    let jobId: string | undefined;
    for (const cli of ['/usr/bin/aws', 'aws']) {
      const run = await aws(cli, ['s3control', 'create-job', '--cli-input-json', `file://${file}`]);
      if (run.code === 0) {
        jobId = (JSON.parse(run.stdout) as { JobId: string }).JobId;
        break;
      }
      refusals.push(`${cli}: ${run.stderr.trim()}`);
    }
    expect(jobId, `no AWS CLI here accepts the job:\n${refusals.join('\n')}`).toBeDefined();

    let status = '';
    for (let poll = 0; poll < 100 && status !== 'Complete'; poll += 1) {
      const { Job } = await runAwsCli<{ Job: { Status: string } }>(
        ['s3control', 'describe-job', '--account-id', world.accountId, '--job-id', jobId!],
        controlEnv(),
      );
      status = Job.Status;
      if (['Failed', 'Cancelled'].includes(status)) break;
      sandbox.control.advanceClock(60_000);
    }
    expect(status).toBe('Complete');
    const head = await world.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'se/0002.bin' }));
    expect(head).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: world.keyArn });
  });
});
