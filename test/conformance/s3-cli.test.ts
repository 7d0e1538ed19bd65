// S3 conformance: the real AWS CLI v2 (s3api) against the sandbox.
import { describe, expect, it } from 'vitest';
import { createBucket } from '../../electron/sandbox/s3/factory';
import { runAwsCli, runAwsCliRaw, withSandbox } from '../helpers/sandbox';

const sandbox = withSandbox();
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON answers, read field by field
const s3api = (args: string[]) => runAwsCli<Record<string, any>>(['s3api', ...args], sandbox.env);

describe('aws s3api against the sandbox', () => {
  it('create-bucket, list-buckets, location, head, encryption, versioning, tagging', async () => {
    await s3api(['create-bucket', '--bucket', 'avi-se-1111']);
    await s3api(['create-bucket', '--bucket', 'avi-se-2222']);
    // This CLI build predates list-buckets' --prefix/--max-buckets; the SDK test covers paging.
    const listed = await s3api(['list-buckets']);
    expect(listed.Buckets.map((b: { Name: string }) => b.Name)).toEqual(['avi-se-1111', 'avi-se-2222']);
    expect(typeof listed.Buckets[0].CreationDate).toBe('string');
    expect(listed.Owner.ID).toMatch(/^[0-9a-f]{64}$/);

    expect((await s3api(['get-bucket-location', '--bucket', 'avi-se-1111'])).LocationConstraint).toBeNull();
    // CLI 2.9 prints nothing for head-bucket; it must exit 0 (the SDK test checks BucketRegion).
    await s3api(['head-bucket', '--bucket', 'avi-se-1111']);
    const missingHead = await runAwsCliRaw(
      ['s3api', 'head-bucket', '--bucket', 'no-such-bucket-xyz'],
      sandbox.env,
    );
    expect(missingHead.stderr).toContain('(404)');

    const defaults = await s3api(['get-bucket-encryption', '--bucket', 'avi-se-1111']);
    expect(
      defaults.ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm,
    ).toBe('AES256');
    await s3api([
      'put-bucket-encryption',
      '--bucket',
      'avi-se-1111',
      '--server-side-encryption-configuration',
      JSON.stringify({
        Rules: [
          {
            ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/avi-s3' },
            BucketKeyEnabled: true,
          },
        ],
      }),
    ]);
    const kmsRule = (await s3api(['get-bucket-encryption', '--bucket', 'avi-se-1111']))
      .ServerSideEncryptionConfiguration.Rules[0];
    expect(kmsRule).toEqual({
      ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/avi-s3' },
      BucketKeyEnabled: true,
    });

    expect(await s3api(['get-bucket-versioning', '--bucket', 'avi-se-1111'])).toEqual({});
    await s3api([
      'put-bucket-versioning',
      '--bucket',
      'avi-se-1111',
      '--versioning-configuration',
      'Status=Enabled',
    ]);
    expect((await s3api(['get-bucket-versioning', '--bucket', 'avi-se-1111'])).Status).toBe('Enabled');
    await s3api([
      'put-bucket-tagging',
      '--bucket',
      'avi-se-1111',
      '--tagging',
      'TagSet=[{Key=owner,Value=avi}]',
    ]);
    expect((await s3api(['get-bucket-tagging', '--bucket', 'avi-se-1111'])).TagSet).toEqual([
      { Key: 'owner', Value: 'avi' },
    ]);
  });

  it('reads a bucket in another region through the redirect, and reports S3 errors', async () => {
    createBucket(sandbox.handle.world, {
      name: 'eu-avi-se-3333',
      region: 'eu-west-1',
      now: Date.now(),
      versioning: 'Enabled',
    });
    expect((await s3api(['get-bucket-location', '--bucket', 'eu-avi-se-3333'])).LocationConstraint).toBe(
      'eu-west-1',
    );
    expect(
      (await s3api(['get-bucket-versioning', '--bucket', 'eu-avi-se-3333', '--region', 'eu-west-1'])).Status,
    ).toBe('Enabled');

    const missing = await runAwsCliRaw(
      ['s3api', 'get-bucket-encryption', '--bucket', 'no-such-bucket-xyz'],
      sandbox.env,
    );
    expect(missing.stderr).toContain('(NoSuchBucket)');
    const policy = await runAwsCliRaw(['s3api', 'get-bucket-policy', '--bucket', 'avi-se-2222'], sandbox.env);
    expect(policy.stderr).toContain('(NoSuchBucketPolicy)');
    const tags = await runAwsCliRaw(['s3api', 'get-bucket-tagging', '--bucket', 'avi-se-2222'], sandbox.env);
    expect(tags.stderr).toContain('(NoSuchTagSet)');
  });
});
