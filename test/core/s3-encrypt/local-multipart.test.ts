// An object over CopyObject's 5 GB goes through CreateMultipartUpload + UploadPartCopy (ranges of
// the planned version) + CompleteMultipartUpload with the same encryption, its metadata, content
// type, tags and storage class carried over. The sandbox keeps no bytes for such an object, only
// its size, so the 6 GiB object is written straight into its world.
import { GetObjectTaggingCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { S3EncryptJournal } from '../../../electron/core/s3-encrypt/journal';
import { partRanges } from '../../../electron/core/s3-encrypt/local/multipart-copy';
import { runS3EncryptPlan } from '../../../electron/core/s3-encrypt/run-plan';
import { storeVersion } from '../../../electron/sandbox/s3/objects/object-model';
import { withSandbox } from '../../helpers/sandbox';
import { countRequests, localPlan, readPlannedObjects } from './local-plan';
import { engineContext, makeLocalWorld, type LocalWorld } from './local-world';

const sandbox = withSandbox();
const BUCKET = 'avi-se-large';
const SIZE = 6 * 1024 ** 3 + 123;
let world: LocalWorld;

beforeAll(async () => {
  world = await makeLocalWorld(sandbox, [BUCKET]);
});

function putLarge(key: string): void {
  const bucket = sandbox.handle.world.buckets.get(BUCKET);
  if (!bucket) throw new Error('no bucket');
  storeVersion(bucket, {
    key,
    deleteMarker: false,
    size: SIZE,
    etag: '"0123456789abcdef0123456789abcdef-700"',
    lastModified: Date.now(),
    owner: world.accountId,
    storageClass: 'STANDARD_IA',
    encryption: { algorithm: 'AES256', bucketKeyEnabled: false },
    metadata: { owner: 'lab' },
    contentHeaders: { 'content-type': 'application/x-disk-image' },
    tags: [{ Key: 'team', Value: 'net' }],
  });
}

async function run(id: string, prefix: string, s3: S3Client) {
  const o = {
    id,
    accountId: world.accountId,
    region: world.region,
    bucket: BUCKET,
    prefix,
    keyArn: world.keyArn,
  };
  const plan = await localPlan(o, await readPlannedObjects(s3, o));
  const journal = S3EncryptJournal.create(join(world.dir, `${id}.jsonl`), plan, id);
  return runS3EncryptPlan(plan, journal, engineContext(sandbox, world, s3));
}

describe('S3 re-encryption, local engine: objects over 5 GB', () => {
  it('splits into parts of at least 1 GiB, at most 10,000', () => {
    expect(partRanges(SIZE)).toHaveLength(7);
    expect(partRanges(SIZE).at(-1)).toEqual({ first: 6 * 1024 ** 3, last: SIZE - 1 });
    expect(partRanges(50 * 1024 ** 4).length).toBeLessThanOrEqual(10_000);
  });

  it('copies a 6 GiB object by UploadPartCopy under the key, keeping its attributes', async () => {
    putLarge('big/disk.img');
    const s3 = new S3Client(sandbox.s3Config);
    const counts = countRequests(s3);
    const result = await run('s3e-large', 'big/', s3);

    expect(result).toMatchObject({ copied: 1, bytesCopied: SIZE, failedCount: 0 });
    expect(counts.get('CopyObjectCommand')).toBeUndefined();
    expect(counts.get('UploadPartCopyCommand')).toBe(7);
    expect(counts.get('CompleteMultipartUploadCommand')).toBe(1);
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'big/disk.img' }));
    expect(head).toMatchObject({
      ContentLength: SIZE,
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: world.keyArn,
      BucketKeyEnabled: true,
      StorageClass: 'STANDARD_IA',
      ContentType: 'application/x-disk-image',
      Metadata: { owner: 'lab' },
    });
    expect(head.ETag).toMatch(/-7"$/);
    const { TagSet } = await s3.send(new GetObjectTaggingCommand({ Bucket: BUCKET, Key: 'big/disk.img' }));
    expect(TagSet).toEqual([{ Key: 'team', Value: 'net' }]);
  });

  it('aborts the upload when a part fails, and says why', async () => {
    putLarge('fail/disk.img');
    const s3 = new S3Client(sandbox.s3Config);
    const o = {
      id: 's3e-large-fail',
      accountId: world.accountId,
      region: world.region,
      bucket: BUCKET,
      prefix: 'fail/',
      keyArn: world.keyArn,
    };
    const plan = await localPlan(o, await readPlannedObjects(s3, o));
    // The object changes after the plan (a new ETag): the parts' CopySourceIfMatch fails.
    const bucket = sandbox.handle.world.buckets.get(BUCKET);
    const versions = bucket?.objects?.get('fail/disk.img') ?? [];
    versions.splice(0, 1, { ...versions[0]!, etag: '"ffffffffffffffffffffffffffffffff-7"' });
    const journal = S3EncryptJournal.create(join(world.dir, 's3e-large-fail.jsonl'), plan, 's3e-large-fail');
    const counts = countRequests(s3);
    const result = await runS3EncryptPlan(plan, journal, engineContext(sandbox, world, s3));

    expect(result).toMatchObject({ copied: 0, failedCount: 1 });
    expect(result.failed[0]).toMatchObject({ key: 'fail/disk.img', code: 'PreconditionFailed' });
    expect(counts.get('AbortMultipartUploadCommand')).toBe(1);
    expect(bucket?.uploads?.size ?? 0).toBe(0);
  });
});
