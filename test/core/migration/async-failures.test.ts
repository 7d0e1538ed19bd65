// The executors' side of asynchronous KMS failures, against stub clients so that each AWS answer
// is exactly the one under test: a volume in 'error' or gone fails the wait at that poll (the
// SDK's VolumeAvailable waiter would keep polling both until its maximum wait), a volume not yet
// visible is waited for a few polls, and the failure names the key's state read with DescribeKey.
import type { EC2Client, Volume } from '@aws-sdk/client-ec2';
import type { KMSClient } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/errors/app-error';
import { explainKeyFailure, keyCause } from '../../../electron/core/migration/key-cause';
import type { MigrationContext } from '../../../electron/core/migration/migration-context';
import { waitVolumesAvailable } from '../../../electron/core/migration/waits';

const ARN = 'arn:aws:kms:us-west-2:123456789012:key/9c32ff12-24b5-47c5-a3c2-2e6eb9192c98';

// An EC2 stub answering DescribeVolumes with the next list of volumes (the last one repeats).
function ec2Answering(pages: Volume[][]): { client: EC2Client; polls: () => number } {
  let polls = 0;
  const client = {
    send: () => {
      const page = pages[Math.min(polls, pages.length - 1)] ?? [];
      polls += 1;
      return Promise.resolve({ Volumes: page });
    },
  } as unknown as EC2Client;
  return { client, polls: () => polls };
}

function kmsAnswering(state: string, deletion?: Date): KMSClient {
  return {
    send: () =>
      Promise.resolve({ KeyMetadata: { KeyState: state, ...(deletion ? { DeletionDate: deletion } : {}) } }),
  } as unknown as KMSClient;
}

// timeScale also scales the grace a never-seen volume gets (60 s on AWS).
function ctxWith(ec2: EC2Client, timeScale = 0.001): MigrationContext {
  return {
    ec2,
    kms: kmsAnswering('Enabled'),
    profile: 'test',
    region: 'us-west-2',
    accountId: '123456789012',
    callerArn: 'arn:aws:iam::123456789012:user/test',
    waits: { minDelay: 0.001, maxDelay: 0.002, timeScale },
    now: () => 0,
    dataDir: '/nonexistent',
  };
}

async function failureOf(run: Promise<unknown>): Promise<AppError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('waitVolumesAvailable', () => {
  it('fails at the first poll that shows a volume in error', async () => {
    const ec2 = ec2Answering([
      [{ VolumeId: 'vol-1', State: 'creating' }],
      [{ VolumeId: 'vol-1', State: 'error' }],
    ]);
    const error = await failureOf(waitVolumesAvailable(ctxWith(ec2.client), ['vol-1']));
    expect(error.code).toBe('volume-failed');
    expect(error.message).toContain('vol-1 is error');
    expect(ec2.polls()).toBe(2);
  });

  it('fails once a volume seen before is gone, and waits a few polls for one never seen', async () => {
    const gone = ec2Answering([[{ VolumeId: 'vol-1', State: 'creating' }], []]);
    const error = await failureOf(waitVolumesAvailable(ctxWith(gone.client), ['vol-1']));
    expect(error.message).toContain('vol-1 no longer exists');
    expect(gone.polls()).toBe(2);

    const late = ec2Answering([[], [], [], [{ VolumeId: 'vol-2', State: 'available' }]]);
    // A full minute of grace, so however slow the machine the late volume is waited for.
    await waitVolumesAvailable(ctxWith(late.client, 1), ['vol-2']);
    expect(late.polls()).toBe(4);

    // Never seen at all: gone after the grace (scaled by waits.timeScale) and a few polls.
    const never = ec2Answering([[]]);
    const error2 = await failureOf(waitVolumesAvailable(ctxWith(never.client, 0.0001), ['vol-3']));
    expect(error2.message).toContain('vol-3 no longer exists');
    expect(never.polls()).toBeGreaterThanOrEqual(3);
  });
});

describe('naming the key', () => {
  it('says the key is Disabled or PendingDeletion, and what to do', async () => {
    const disabled = await keyCause(kmsAnswering('Disabled'), ARN, 'alias/lab-ebs', 'us-west-2');
    expect(disabled.sentence).toBe(`the KMS key alias/lab-ebs (${ARN}) is Disabled`);
    expect(disabled.hint).toContain(`aws kms enable-key --key-id ${ARN}`);
    const pending = await keyCause(
      kmsAnswering('PendingDeletion', new Date('2026-12-10T00:00:00Z')),
      ARN,
      'alias/lab-ebs',
      'us-west-2',
    );
    expect(pending.sentence).toMatch(/is PendingDeletion, to be deleted on \d+ Dec 2026, \d\d:\d\d:\d\d /);
    expect(pending.hint).toContain('cancel-key-deletion');
  });

  it('turns a volume failure into key-not-usable, and leaves a failure the key does not explain', async () => {
    const key = { kms: kmsAnswering('Disabled'), arn: ARN, label: 'alias/lab-ebs', region: 'us-west-2' };
    const volume = new AppError('volume-failed', 'EBS did not make the volume available (vol-1 is deleted).');
    const explained = (await explainKeyFailure(volume, key)) as AppError;
    expect(explained.code).toBe('key-not-usable');
    expect(explained.message).toBe(
      `EBS did not make the volume available (vol-1 is deleted): the KMS key alias/lab-ebs (${ARN}) is Disabled.`,
    );
    const capacity = new AppError(
      'instance-start-failed',
      'i-1 did not start (Server.InsufficientInstanceCapacity: Insufficient capacity).',
    );
    const enabled = { ...key, kms: kmsAnswering('Enabled') };
    expect(await explainKeyFailure(capacity, enabled)).toBe(capacity);
    const other = new AppError('verify-failed', 'Verification failed.');
    expect(await explainKeyFailure(other, key)).toBe(other);
  });
});
