// S3 Batch Operations through @aws-sdk/client-s3-control against the sandbox: CreateJob with a
// generated manifest (filtered on encryption, storage class and key names) or a CSV manifest,
// DescribeJob, ListJobs, UpdateJobStatus, the completion report, the role and the key applied per
// task. The clock stands still (speed 0) and is moved by the test, so each status is seen.
import { DisableKeyCommand, EnableKeyCommand } from '@aws-sdk/client-kms';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import {
  CreateJobCommand,
  DescribeJobCommand,
  ListJobsCommand,
  UpdateJobStatusCommand,
  type CreateJobCommandInput,
  type JobDescriptor,
} from '@aws-sdk/client-s3-control';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { withSandbox } from '../../helpers/sandbox';
import { makeBatchWorld, putObjects, type BatchWorld } from '../../helpers/s3-batch-world';

const sandbox = withSandbox({ speed: 0 });
const BUCKET = 'batch-source';
const REPORTS = 'batch-reports';
let world: BatchWorld;

beforeAll(async () => {
  world = await makeBatchWorld(sandbox, { bucket: BUCKET, reportBucket: REPORTS, roleName: 'batch-copy' });
  await putObjects(world.s3, BUCKET, 'images/', 6);
  await putObjects(world.s3, BUCKET, 'logs/', 2);
});

function copyJob(token: string, overrides: Partial<CreateJobCommandInput> = {}): CreateJobCommandInput {
  return {
    AccountId: world.accountId,
    ClientRequestToken: token,
    ConfirmationRequired: false,
    Priority: 10,
    RoleArn: world.roleArn,
    Operation: {
      S3PutObjectCopy: {
        TargetResource: `arn:aws:s3:::${BUCKET}`,
        SSEAwsKmsKeyId: world.keyArn,
        BucketKeyEnabled: true,
        MetadataDirective: 'COPY',
      },
    },
    ManifestGenerator: {
      S3JobManifestGenerator: {
        SourceBucket: `arn:aws:s3:::${BUCKET}`,
        EnableManifestOutput: false,
        Filter: {
          MatchAnyStorageClass: ['STANDARD'],
          KeyNameConstraint: { MatchAnyPrefix: ['images/'] },
          MatchAnyObjectEncryption: [{ SSES3: {} }],
        },
      },
    },
    Report: {
      Enabled: true,
      Bucket: `arn:aws:s3:::${REPORTS}`,
      Prefix: 'reports',
      Format: 'Report_CSV_20180820',
      ReportScope: 'AllTasks',
    },
    ...overrides,
  };
}

async function describe_(jobId: string): Promise<JobDescriptor> {
  const { Job } = await world.control.send(
    new DescribeJobCommand({ AccountId: world.accountId, JobId: jobId }),
  );
  return Job ?? {};
}

// Moves the simulated clock a minute at a time until the job is in one of `statuses`.
async function until(jobId: string, statuses: readonly string[]): Promise<JobDescriptor> {
  for (let minute = 0; minute < 120; minute += 1) {
    const job = await describe_(jobId);
    if (statuses.includes(job.Status ?? '')) return job;
    sandbox.control.advanceClock(60_000);
  }
  throw new Error(`job ${jobId} never reached ${statuses.join(' or ')}`);
}

async function text(bucket: string, key: string): Promise<string> {
  const { Body } = await world.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return (await Body?.transformToString()) ?? '';
}

describe('S3 Batch Operations over the SDK', () => {
  it('runs a confirmed job on a generated manifest and writes the completion report', async () => {
    const { JobId } = await world.control.send(
      new CreateJobCommand(copyJob('generated-1', { ConfirmationRequired: true, Description: 'to KMS' })),
    );
    expect(JobId).toMatch(/^[0-9a-f-]{36}$/);
    // The same ClientRequestToken answers with the same job.
    const again = await world.control.send(new CreateJobCommand(copyJob('generated-1')));
    expect(again.JobId).toBe(JobId);

    expect((await describe_(JobId!)).Status).toBe('New');
    const suspended = await until(JobId!, ['Suspended']);
    expect(suspended.SuspendedCause).toBe('AwaitingConfirmation');
    expect(suspended.ProgressSummary?.TotalNumberOfTasks).toBe(6);
    await world.control.send(
      new UpdateJobStatusCommand({ AccountId: world.accountId, JobId: JobId!, RequestedJobStatus: 'Ready' }),
    );
    const done = await until(JobId!, ['Complete', 'Failed']);
    expect(done.Status).toBe('Complete');
    expect(done.ProgressSummary).toMatchObject({ NumberOfTasksSucceeded: 6, NumberOfTasksFailed: 0 });
    expect(done.ManifestGenerator?.S3JobManifestGenerator?.Filter?.KeyNameConstraint?.MatchAnyPrefix).toEqual(
      ['images/'],
    );

    const head = await world.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'images/0000.bin' }));
    expect(head).toMatchObject({
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: world.keyArn,
      BucketKeyEnabled: true,
    });
    expect(head.Metadata).toEqual({ owner: 'lab' });
    const untouched = await world.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'logs/0000.bin' }));
    expect(untouched.ServerSideEncryption).toBe('AES256');

    const manifest = JSON.parse(await text(REPORTS, `reports/job-${JobId}/manifest.json`)) as {
      Format: string;
      Results: { TaskExecutionStatus: string; Key: string }[];
    };
    expect(manifest.Format).toBe('Report_CSV_20180820');
    expect(manifest.Results.map((r) => r.TaskExecutionStatus)).toEqual(['succeeded']);
    const rows = (await text(REPORTS, manifest.Results[0]!.Key)).trim().split('\n');
    expect(rows).toHaveLength(6);
    expect(rows[0]).toBe(`${BUCKET},images/0000.bin,,succeeded,200,,Successful`);

    const { Jobs } = await world.control.send(
      new ListJobsCommand({ AccountId: world.accountId, JobStatuses: ['Complete'] }),
    );
    expect(Jobs?.map((j) => j.JobId)).toContain(JobId);
    expect(Jobs?.find((j) => j.JobId === JobId)).toMatchObject({
      Operation: 'S3PutObjectCopy',
      Description: 'to KMS',
    });
  });

  it('runs a CSV manifest; a disabled key fails every task with the S3 error code, and the report says so', async () => {
    const csv = `${BUCKET},logs/0000.bin\n${BUCKET},logs/0001.bin\n`;
    const { ETag } = await world.s3.send(
      new PutObjectCommand({ Bucket: REPORTS, Key: 'manifest.csv', Body: csv }),
    );
    await world.kms.send(new DisableKeyCommand({ KeyId: world.keyArn }));
    try {
      const { JobId } = await world.control.send(
        new CreateJobCommand(
          copyJob('csv-1', {
            ManifestGenerator: undefined,
            Manifest: {
              Spec: { Format: 'S3BatchOperations_CSV_20180820', Fields: ['Bucket', 'Key'] },
              Location: { ObjectArn: `arn:aws:s3:::${REPORTS}/manifest.csv`, ETag },
            },
          }),
        ),
      );
      const done = await until(JobId!, ['Complete', 'Failed']);
      expect(done.FailureReasons ?? []).toEqual([]);
      expect(done.Status).toBe('Complete');
      expect(done.ProgressSummary).toMatchObject({ TotalNumberOfTasks: 2, NumberOfTasksFailed: 2 });
      const manifest = JSON.parse(await text(REPORTS, `reports/job-${JobId}/manifest.json`)) as {
        Results: { TaskExecutionStatus: string; Key: string }[];
      };
      expect(manifest.Results.map((r) => r.TaskExecutionStatus)).toEqual(['failed']);
      const rows = (await text(REPORTS, manifest.Results[0]!.Key)).trim().split('\n');
      expect(rows[0]).toMatch(new RegExp(`^${BUCKET},logs/0000.bin,,failed,400,KMS.DisabledException,`));
    } finally {
      await world.kms.send(new EnableKeyCommand({ KeyId: world.keyArn }));
    }
  });

  it('fails a job once more than half of at least 1,000 tasks failed, and reports them', async () => {
    const keys = Array.from({ length: 1_000 }, (_, i) => `many/${String(i).padStart(4, '0')}`);
    for (let i = 0; i < keys.length; i += 50)
      await Promise.all(
        keys
          .slice(i, i + 50)
          .map((Key) => world.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: Key }))),
      );
    await world.kms.send(new DisableKeyCommand({ KeyId: world.keyArn }));
    try {
      const generator = copyJob('threshold-1').ManifestGenerator!.S3JobManifestGenerator!;
      const { JobId } = await world.control.send(
        new CreateJobCommand(
          copyJob('threshold-1', {
            ManifestGenerator: {
              S3JobManifestGenerator: {
                ...generator,
                Filter: { ...generator.Filter, KeyNameConstraint: { MatchAnyPrefix: ['many/'] } },
              },
            },
          }),
        ),
      );
      const failed = await until(JobId!, ['Failed', 'Complete']);
      expect(failed.Status).toBe('Failed');
      expect(failed.FailureReasons?.[0]?.FailureCode).toBe('TaskFailureThresholdExceeded');
      expect(failed.ProgressSummary).toMatchObject({ NumberOfTasksSucceeded: 0, NumberOfTasksFailed: 1_000 });
      const manifest = JSON.parse(await text(REPORTS, `reports/job-${JobId}/manifest.json`)) as {
        Results: { TaskExecutionStatus: string; Key: string }[];
      };
      const rows = (await text(REPORTS, manifest.Results[0]!.Key)).trim().split('\n');
      expect(rows).toHaveLength(1_000);
    } finally {
      await world.kms.send(new EnableKeyCommand({ KeyId: world.keyArn }));
    }
  });

  it('cancels a job awaiting confirmation and refuses to confirm one that is not', async () => {
    const { JobId } = await world.control.send(
      new CreateJobCommand(copyJob('cancel-1', { ConfirmationRequired: true })),
    );
    await until(JobId!, ['Suspended']);
    const cancelled = await world.control.send(
      new UpdateJobStatusCommand({
        AccountId: world.accountId,
        JobId: JobId!,
        RequestedJobStatus: 'Cancelled',
        StatusUpdateReason: 'changed my mind',
      }),
    );
    expect(cancelled.Status).toBe('Cancelling');
    expect((await until(JobId!, ['Cancelled'])).StatusUpdateReason).toBe('changed my mind');
    await expect(
      world.control.send(
        new UpdateJobStatusCommand({
          AccountId: world.accountId,
          JobId: JobId!,
          RequestedJobStatus: 'Ready',
        }),
      ),
    ).rejects.toMatchObject({ name: 'JobStatusException' });
  });

  it('fails a job whose role S3 cannot assume, with the reason', async () => {
    const { Role } = await new IAMClient(sandbox.sdkConfig).send(
      new CreateRoleCommand({
        RoleName: 'not-for-batch',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        }),
      }),
    );
    const { JobId } = await world.control.send(
      new CreateJobCommand(copyJob('untrusted-1', { RoleArn: Role!.Arn })),
    );
    const failed = await until(JobId!, ['Failed', 'Complete']);
    expect(failed.Status).toBe('Failed');
    expect(failed.FailureReasons?.[0]?.FailureReason).toContain('batchoperations.s3.amazonaws.com');
  });

  it('refuses bad input with S3 Control errors', async () => {
    await expect(
      world.control.send(new CreateJobCommand(copyJob('bad-role', { RoleArn: 'batch-copy' }))),
    ).rejects.toMatchObject({ name: 'BadRequestException' });
    await expect(
      world.control.send(
        new DescribeJobCommand({ AccountId: world.accountId, JobId: '00000000-0000-0000-0000-000000000000' }),
      ),
    ).rejects.toMatchObject({ name: 'NotFoundException' });
  });
});
