// A small world for S3 Batch Operations tests, built through the SDK as a user would: a bucket of
// objects under SSE-S3, a KMS key, and the role S3 assumes to run a job (trust policy for
// batchoperations.s3.amazonaws.com; s3:GetObject*/PutObject*, kms:GenerateDataKey/Decrypt, the
// report's write), plus an S3 Control client that reaches the sandbox the way the app's does
// (account id in front of a localhost endpoint; electron/core/aws/s3-control-endpoint.ts).
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { s3ControlEndpoint, s3ControlRequestHandler } from '../../electron/core/aws/s3-control-endpoint';
import type { TestSandbox } from './sandbox';

export const BATCH_TRUST_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'batchoperations.s3.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
});

export function batchPermissions(bucket: string, reportBucket: string, keyArn: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: [
          's3:GetObject',
          's3:GetObjectVersion',
          's3:GetObjectTagging',
          's3:GetObjectAcl',
          's3:ListBucket',
        ],
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
      },
      {
        Effect: 'Allow',
        Action: ['s3:PutObject', 's3:PutObjectTagging', 's3:PutObjectAcl'],
        Resource: [`arn:aws:s3:::${bucket}/*`, `arn:aws:s3:::${reportBucket}/*`],
      },
      // A CSV manifest is kept in the report bucket.
      {
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:GetObjectVersion'],
        Resource: `arn:aws:s3:::${reportBucket}/*`,
      },
      { Effect: 'Allow', Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: keyArn },
    ],
  });
}

export interface BatchWorld {
  readonly accountId: string;
  readonly keyArn: string;
  readonly roleArn: string;
  readonly s3: S3Client;
  readonly control: S3ControlClient;
  readonly kms: KMSClient;
}

export function s3ControlClient(sandbox: TestSandbox): S3ControlClient {
  return new S3ControlClient({
    ...sandbox.sdkConfig,
    endpoint: s3ControlEndpoint(sandbox.endpoint),
    requestHandler: s3ControlRequestHandler(),
  });
}

// Puts `count` objects under `prefix` (SSE-S3, the bucket's default), with metadata and tags.
export async function putObjects(
  s3: S3Client,
  bucket: string,
  prefix: string,
  count: number,
): Promise<string[]> {
  const keys = Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(4, '0')}.bin`);
  for (const key of keys)
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: `body of ${key}`,
        Metadata: { owner: 'lab' },
        Tagging: 'team=net',
      }),
    );
  return keys;
}

// Creates the buckets (the first holds the objects), a key, and the role named `roleName`.
export async function makeBatchWorld(
  sandbox: TestSandbox,
  options: { bucket: string; reportBucket: string; roleName: string },
): Promise<BatchWorld> {
  const s3 = new S3Client(sandbox.s3Config);
  const kms = new KMSClient(sandbox.sdkConfig);
  const iam = new IAMClient(sandbox.sdkConfig);
  const { Account } = await new STSClient(sandbox.sdkConfig).send(new GetCallerIdentityCommand({}));
  for (const name of new Set([options.bucket, options.reportBucket]))
    await s3.send(new CreateBucketCommand({ Bucket: name }));
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Description: 'batch target' }));
  const keyArn = KeyMetadata?.Arn ?? '';
  const { Role } = await iam.send(
    new CreateRoleCommand({ RoleName: options.roleName, AssumeRolePolicyDocument: BATCH_TRUST_POLICY }),
  );
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: options.roleName,
      PolicyName: 'batch-copy',
      PolicyDocument: batchPermissions(options.bucket, options.reportBucket, keyArn),
    }),
  );
  return {
    accountId: Account ?? '',
    keyArn,
    roleArn: Role?.Arn ?? '',
    s3,
    kms,
    control: s3ControlClient(sandbox),
  };
}
