// S3 through the real SDK v3 client (path style) against the sandbox server.
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  HeadBucketCommand,
  NoSuchBucket,
  paginateListBuckets,
  PutBucketEncryptionCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { createBucket } from '../../../electron/sandbox/s3/factory';
import { withSandbox } from '../../helpers/sandbox';

const sandbox = withSandbox();

describe('S3 over the SDK', () => {
  it('creates buckets, pages ListBuckets and reads configuration', async () => {
    const s3 = new S3Client(sandbox.s3Config);
    for (const name of ['avi-se-aaaa', 'avi-se-bbbb', 'other-bucket'])
      await s3.send(new CreateBucketCommand({ Bucket: name }));
    const names: string[] = [];
    for await (const page of paginateListBuckets({ client: s3, pageSize: 1 }, { Prefix: 'avi-se-' })) {
      names.push(...(page.Buckets ?? []).map((b) => b.Name!));
    }
    expect(names).toEqual(['avi-se-aaaa', 'avi-se-bbbb']);

    expect(
      (await s3.send(new GetBucketLocationCommand({ Bucket: 'avi-se-aaaa' }))).LocationConstraint,
    ).toBeUndefined();
    const head = await s3.send(new HeadBucketCommand({ Bucket: 'avi-se-aaaa' }));
    expect(head.BucketRegion).toBe('us-east-1');

    const defaultEncryption = await s3.send(new GetBucketEncryptionCommand({ Bucket: 'avi-se-aaaa' }));
    expect(defaultEncryption.ServerSideEncryptionConfiguration?.Rules?.[0]).toEqual({
      ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' },
      BucketKeyEnabled: false,
    });
    await s3.send(
      new PutBucketEncryptionCommand({
        Bucket: 'avi-se-aaaa',
        ServerSideEncryptionConfiguration: {
          Rules: [
            {
              ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/s3-key' },
              BucketKeyEnabled: true,
            },
          ],
        },
      }),
    );
    const kmsEncryption = await s3.send(new GetBucketEncryptionCommand({ Bucket: 'avi-se-aaaa' }));
    expect(kmsEncryption.ServerSideEncryptionConfiguration?.Rules?.[0]).toEqual({
      ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/s3-key' },
      BucketKeyEnabled: true,
    });

    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: 'avi-se-aaaa' }))).Status).toBeUndefined();
    await s3.send(
      new PutBucketVersioningCommand({
        Bucket: 'avi-se-aaaa',
        VersioningConfiguration: { Status: 'Enabled' },
      }),
    );
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: 'avi-se-aaaa' }))).Status).toBe('Enabled');

    await expect(s3.send(new GetBucketTaggingCommand({ Bucket: 'avi-se-aaaa' }))).rejects.toMatchObject({
      name: 'NoSuchTagSet',
    });
    await s3.send(
      new PutBucketTaggingCommand({
        Bucket: 'avi-se-aaaa',
        Tagging: { TagSet: [{ Key: 'owner', Value: 'avi' }] },
      }),
    );
    expect((await s3.send(new GetBucketTaggingCommand({ Bucket: 'avi-se-aaaa' }))).TagSet).toEqual([
      { Key: 'owner', Value: 'avi' },
    ]);
    await expect(s3.send(new GetBucketPolicyCommand({ Bucket: 'avi-se-aaaa' }))).rejects.toMatchObject({
      name: 'NoSuchBucketPolicy',
    });
    await s3.send(new DeleteBucketCommand({ Bucket: 'other-bucket' }));
  });

  it('answers NoSuchBucket, 404/403 heads, and redirects to the bucket region', async () => {
    const s3 = new S3Client(sandbox.s3Config);
    const missing = await s3
      .send(new GetBucketEncryptionCommand({ Bucket: 'no-such-bucket-here' }))
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NoSuchBucket);
    const head = await s3
      .send(new HeadBucketCommand({ Bucket: 'no-such-bucket-here' }))
      .catch((e: unknown) => e);
    expect((head as S3ServiceException).$metadata.httpStatusCode).toBe(404);

    const world = sandbox.handle.world;
    createBucket(world, {
      name: 'foreign-bucket',
      accountId: '999999999999',
      region: 'us-east-1',
      now: Date.now(),
    });
    const denied = await s3
      .send(new GetBucketEncryptionCommand({ Bucket: 'foreign-bucket' }))
      .catch((e: unknown) => e);
    expect((denied as S3ServiceException).name).toBe('AccessDenied');
    const deniedHead = await s3
      .send(new HeadBucketCommand({ Bucket: 'foreign-bucket' }))
      .catch((e: unknown) => e);
    expect((deniedHead as S3ServiceException).$metadata.httpStatusCode).toBe(403);

    createBucket(world, { name: 'eu-bucket', region: 'eu-west-1', now: Date.now(), versioning: 'Enabled' });
    expect((await s3.send(new GetBucketLocationCommand({ Bucket: 'eu-bucket' }))).LocationConstraint).toBe(
      'eu-west-1',
    );
    const redirected = await s3
      .send(new GetBucketVersioningCommand({ Bucket: 'eu-bucket' }))
      .catch((e: unknown) => e);
    expect((redirected as S3ServiceException).$metadata.httpStatusCode).toBe(301);
    const following = new S3Client({ ...sandbox.s3Config, followRegionRedirects: true });
    expect((await following.send(new GetBucketVersioningCommand({ Bucket: 'eu-bucket' }))).Status).toBe(
      'Enabled',
    );
    const eu = new S3Client({ ...sandbox.s3Config, region: 'eu-west-1' });
    expect((await eu.send(new GetBucketVersioningCommand({ Bucket: 'eu-bucket' }))).Status).toBe('Enabled');
  });
});
