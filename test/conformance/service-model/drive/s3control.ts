// S3 Batch Operations as the app's batch engine drives them (electron/core/s3-encrypt/batch): a
// job on a generated manifest filtered on encryption, confirmed, followed to Complete, listed; a
// second one cancelled; the errors it handles (no such job, a status change the job refuses, bad
// input).
import { CreateRoleCommand, GetRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import {
  CreateJobCommand,
  DescribeJobCommand,
  ListJobsCommand,
  UpdateJobStatusCommand,
  type CreateJobCommandInput,
} from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { BATCH_TRUST_POLICY, batchPermissions } from '../../../helpers/s3-batch-world';
import { expectError, type DriveContext } from './context';

const BUCKET = 'conformance-batch';

export async function driveS3Control(ctx: DriveContext, keyArn: string): Promise<void> {
  const { s3, s3control, iam, sts } = ctx;
  const AccountId = (await sts.send(new GetCallerIdentityCommand({}))).Account ?? '';
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  for (const key of ['a/1.bin', 'a/2.bin'])
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: key }));
  const { Role } = await iam.send(
    new CreateRoleCommand({ RoleName: 'conformance-batch', AssumeRolePolicyDocument: BATCH_TRUST_POLICY }),
  );
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: 'conformance-batch',
      PolicyName: 'copy',
      PolicyDocument: batchPermissions(BUCKET, BUCKET, keyArn),
    }),
  );
  // The engine reads the role's trust policy before it creates a job.
  await iam.send(new GetRoleCommand({ RoleName: 'conformance-batch' }));
  const job = (token: string): CreateJobCommandInput => ({
    AccountId,
    ClientRequestToken: token,
    ConfirmationRequired: true,
    Description: 'conformance',
    Priority: 10,
    RoleArn: Role?.Arn ?? '',
    Operation: {
      S3PutObjectCopy: {
        TargetResource: `arn:aws:s3:::${BUCKET}`,
        SSEAwsKmsKeyId: keyArn,
        BucketKeyEnabled: true,
        MetadataDirective: 'COPY',
      },
    },
    ManifestGenerator: {
      S3JobManifestGenerator: {
        SourceBucket: `arn:aws:s3:::${BUCKET}`,
        EnableManifestOutput: false,
        Filter: {
          KeyNameConstraint: { MatchAnyPrefix: ['a/'] },
          MatchAnyStorageClass: ['STANDARD'],
          MatchAnyObjectEncryption: [{ SSES3: {} }, { NOTSSE: {} }],
        },
      },
    },
    Report: {
      Enabled: true,
      Bucket: `arn:aws:s3:::${BUCKET}`,
      Prefix: 'reports',
      Format: 'Report_CSV_20180820',
      ReportScope: 'AllTasks',
    },
  });
  const { JobId = '' } = await s3control.send(new CreateJobCommand(job('conformance-1')));
  await s3control.send(new DescribeJobCommand({ AccountId, JobId }));
  ctx.advance(10 * 60_000);
  await s3control.send(new DescribeJobCommand({ AccountId, JobId })); // Suspended
  await s3control.send(new UpdateJobStatusCommand({ AccountId, JobId, RequestedJobStatus: 'Ready' }));
  ctx.advance(10 * 60_000);
  await s3control.send(new DescribeJobCommand({ AccountId, JobId })); // Complete, with a report
  await s3control.send(new ListJobsCommand({ AccountId, JobStatuses: ['Complete'], MaxResults: 10 }));
  // The completion report the engine reads.
  await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: `reports/job-${JobId}/manifest.json` }));

  const second = (await s3control.send(new CreateJobCommand(job('conformance-2')))).JobId ?? '';
  await s3control.send(
    new UpdateJobStatusCommand({
      AccountId,
      JobId: second,
      RequestedJobStatus: 'Cancelled',
      StatusUpdateReason: 'conformance',
    }),
  );
  await expectError(
    s3control.send(new UpdateJobStatusCommand({ AccountId, JobId: second, RequestedJobStatus: 'Ready' })),
    'JobStatusException',
  );
  await expectError(
    s3control.send(new DescribeJobCommand({ AccountId, JobId: '00000000-0000-0000-0000-000000000000' })),
    'NotFoundException',
  );
  await expectError(
    s3control.send(new CreateJobCommand({ ...job('conformance-3'), RoleArn: 'not-a-role' })),
    'BadRequestException',
  );
}
