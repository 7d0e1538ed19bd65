// A user whose IAM policies let it read a bucket but not write to it: the plan is made (reading
// needs no more), its preflight says s3:PutObject is denied by the IAM simulation, and the run is
// refused before anything changes, naming the call.
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { EC2Client } from '@aws-sdk/client-ec2';
import { KMSClient } from '@aws-sdk/client-kms';
import { CreateBucketCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3EncryptDeps } from '../../../electron/core/s3-encrypt/deps';
import { planS3Encrypt } from '../../../electron/core/s3-encrypt/plan-s3-encrypt';
import { acceptRunnablePlan } from '../../../electron/core/s3-encrypt/runnable-plan';
import { aviLab } from '../../../electron/sandbox/scenarios/avi-lab';
import { LOCATION, startS3EncryptWorld, stopS3EncryptWorld, type S3EncryptWorld } from './s3-encrypt-world';

const BUCKET = 'preflight-read-only';
let world: S3EncryptWorld;
let readOnly: S3EncryptDeps;

const READ_ONLY_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: [
        's3:GetBucketLocation',
        's3:GetBucketRequestPayment',
        's3:GetBucketVersioning',
        's3:ListBucket',
        's3:GetObject',
        's3:GetObjectTagging',
        'kms:DescribeKey',
        'kms:ListAliases',
        'kms:GetKeyPolicy',
        'kms:GenerateDataKey',
        'kms:Decrypt',
        'iam:SimulatePrincipalPolicy',
      ],
      Resource: '*',
    },
  ],
});

async function depsAs(userName: string): Promise<S3EncryptDeps> {
  const iam = new IAMClient(world.sandbox.sdkConfig);
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(
    new PutUserPolicyCommand({ UserName: userName, PolicyName: 'read', PolicyDocument: READ_ONLY_POLICY }),
  );
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  const config = {
    ...world.sandbox.sdkConfig,
    region: aviLab.region,
    credentials: {
      accessKeyId: AccessKey?.AccessKeyId ?? '',
      secretAccessKey: AccessKey?.SecretAccessKey ?? '',
    },
  };
  const clients = {
    s3: new S3Client({ ...config, forcePathStyle: true }),
    kms: new KMSClient(config),
    iam: new IAMClient(config),
    sts: new STSClient(config),
  };
  const { Account = '', Arn = '' } = await clients.sts.send(new GetCallerIdentityCommand({}));
  return {
    s3: () => clients.s3,
    s3control: () => new S3ControlClient(config),
    kms: () => clients.kms,
    iam: () => clients.iam,
    caller: () => Promise.resolve({ accountId: Account, arn: Arn }),
    preflight: () =>
      Promise.resolve({
        ec2: () => new EC2Client(config),
        kms: () => clients.kms,
        sts: () => clients.sts,
        iam: () => clients.iam,
        callerArn: Arn,
        accountId: Account,
        now: Date.now,
      }),
    homeRegion: aviLab.region,
  };
}

beforeAll(async () => {
  world = await startS3EncryptWorld();
  await world.s3.send(
    new CreateBucketCommand({ Bucket: BUCKET, CreateBucketConfiguration: { LocationConstraint: LOCATION } }),
  );
  await world.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'a.txt', Body: 'a' }));
  readOnly = await depsAs('s3-read-only');
});

afterAll(() => stopS3EncryptWorld(world));

describe('S3 re-encryption preflight', () => {
  it('finds s3:PutObject denied by simulation, and the run is refused before anything changes', async () => {
    const { plan } = await planS3Encrypt(readOnly, { bucket: BUCKET, kmsKeyRef: 'alias/lab-ebs' });
    const put = plan.preflight?.rows.find((r) => r.call === 's3:PutObject');
    expect(put).toMatchObject({
      method: 'simulation',
      result: 'denied',
      target: `arn:aws:s3:::${BUCKET}/*`,
      reason: expect.stringMatching(/S3 has no DryRun; your IAM policies do not allow it \(simulated\)/),
    });
    expect(plan.preflight?.rows.find((r) => r.call === 's3:GetObject')).toMatchObject({ result: 'allowed' });
    await expect(acceptRunnablePlan(readOnly, plan)).rejects.toMatchObject({
      code: 'preflight-denied',
      message: expect.stringContaining('s3:PutObject'),
    });
    const head = await world.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'a.txt' }));
    expect(head.ServerSideEncryption).toBe('AES256');
  });
});
