// The sandbox's S3 Object Ownership: new buckets BucketOwnerEnforced (ACLs disabled, the default
// since April 2023), the setting CreateBucket names in x-amz-object-ownership, a bucket from before
// without ownership controls answering OwnershipControlsNotFoundError, and PutBucketOwnershipControls.
import {
  CreateBucketCommand,
  GetBucketOwnershipControlsCommand,
  GetObjectAclCommand,
  PutBucketOwnershipControlsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { createBucket } from '../../../electron/sandbox/s3/factory';
import { withSandbox } from '../../helpers/sandbox';

const sandbox = withSandbox();

const ownership = async (s3: S3Client, bucket: string) =>
  (await s3.send(new GetBucketOwnershipControlsCommand({ Bucket: bucket }))).OwnershipControls?.Rules?.[0]
    ?.ObjectOwnership;

describe('sandbox S3 Object Ownership', () => {
  it('answers each bucket its setting, and changes it', async () => {
    const s3 = new S3Client(sandbox.s3Config);
    await s3.send(new CreateBucketCommand({ Bucket: 'owned-new' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'owned-writer', ObjectOwnership: 'ObjectWriter' }));
    createBucket(sandbox.handle.world, {
      name: 'owned-2022',
      region: sandbox.credentials.region,
      now: Date.UTC(2022, 5, 1),
    });

    expect(await ownership(s3, 'owned-new')).toBe('BucketOwnerEnforced');
    expect(await ownership(s3, 'owned-writer')).toBe('ObjectWriter');
    await expect(ownership(s3, 'owned-2022')).rejects.toMatchObject({
      name: 'OwnershipControlsNotFoundError',
      $metadata: { httpStatusCode: 404 },
    });
    await s3.send(
      new PutBucketOwnershipControlsCommand({
        Bucket: 'owned-2022',
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
      }),
    );
    expect(await ownership(s3, 'owned-2022')).toBe('BucketOwnerPreferred');
  });

  it('refuses an ACL on a write where ACLs are disabled, and keeps one where they are enabled', async () => {
    const s3 = new S3Client(sandbox.s3Config);
    await s3.send(new CreateBucketCommand({ Bucket: 'acl-enforced' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'acl-writer', ObjectOwnership: 'ObjectWriter' }));
    const put = (Bucket: string, acl: Partial<PutObjectCommand['input']>) =>
      s3.send(new PutObjectCommand({ Bucket, Key: 'k', Body: 'x', ...acl }));

    // S3 user guide, Object Ownership "Troubleshooting": 400 AccessControlListNotSupported.
    for (const acl of [{ ACL: 'public-read' as const }, { GrantRead: 'id=someone' }])
      await expect(put('acl-enforced', acl)).rejects.toMatchObject({
        name: 'AccessControlListNotSupported',
        $metadata: { httpStatusCode: 400 },
      });
    await put('acl-enforced', { ACL: 'bucket-owner-full-control' });
    await put('acl-enforced', {});

    await put('acl-writer', { ACL: 'public-read' });
    const acl = await s3.send(new GetObjectAclCommand({ Bucket: 'acl-writer', Key: 'k' }));
    expect(acl.Grants?.map((g) => g.Permission)).toContain('READ');
  });
});
