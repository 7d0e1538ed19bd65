// Batch Operations jobs belong to the account the scenario made: a reset (or another scenario)
// starts without them, as it starts without buckets.
import { CreateJobCommand, ListJobsCommand } from '@aws-sdk/client-s3-control';
import { describe, expect, it } from 'vitest';
import { withSandbox } from '../../helpers/sandbox';
import { makeBatchWorld } from '../../helpers/s3-batch-world';

const sandbox = withSandbox({ speed: 0 });

describe('S3 Batch Operations jobs and the sandbox control API', () => {
  it('are gone after a reset', async () => {
    const world = await makeBatchWorld(sandbox, {
      bucket: 'reset-batch',
      reportBucket: 'reset-batch',
      roleName: 'r',
    });
    await world.control.send(
      new CreateJobCommand({
        AccountId: world.accountId,
        ClientRequestToken: 'reset-1',
        Priority: 1,
        RoleArn: world.roleArn,
        Operation: {
          S3PutObjectCopy: { TargetResource: 'arn:aws:s3:::reset-batch', SSEAwsKmsKeyId: world.keyArn },
        },
        ManifestGenerator: {
          S3JobManifestGenerator: { SourceBucket: 'arn:aws:s3:::reset-batch', EnableManifestOutput: false },
        },
        Report: { Enabled: false },
      }),
    );
    const list = async () =>
      (await world.control.send(new ListJobsCommand({ AccountId: world.accountId }))).Jobs ?? [];
    expect(await list()).toHaveLength(1);
    // GET /_sandbox/state shows them in brief.
    expect(sandbox.control.dumpState().s3BatchJobs).toEqual([
      expect.objectContaining({ status: 'New', roleArn: world.roleArn, tasks: null }),
    ]);
    sandbox.control.reset();
    expect(sandbox.control.dumpState().s3BatchJobs).toEqual([]);
    expect(await list()).toEqual([]);
  });
});
