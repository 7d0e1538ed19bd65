// The local engine against the sandbox's S3: 50 objects under SSE-S3 end under the key with their
// metadata, content type, tags and storage class; the journal ends with the result; a disabled key
// fails every object in words; an object changed after the plan is reported and not overwritten.
import { DisableKeyCommand } from '@aws-sdk/client-kms';
import {
  CreateBucketCommand,
  GetObjectAclCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { S3EncryptProgress } from '../../../shared/domain/s3-encrypt';
import { S3EncryptJournal, readS3EncryptJournal } from '../../../electron/core/s3-encrypt/journal';
import { interruptedS3EncryptRuns, runS3EncryptPlan } from '../../../electron/core/s3-encrypt/run-plan';
import { withSandbox } from '../../helpers/sandbox';
import { countRequests, localPlan, readPlannedObjects } from './local-plan';
import { engineContext, makeLocalWorld, newKey, putLabObjects, type LocalWorld } from './local-world';

const sandbox = withSandbox();
const BUCKET = 'avi-se-local';
const ACL_BUCKET = 'avi-se-acl';
let world: LocalWorld;

beforeAll(async () => {
  world = await makeLocalWorld(sandbox, [BUCKET]);
});

async function planFor(id: string, prefix: string, s3: S3Client, keyArn = world.keyArn) {
  const o = { id, accountId: world.accountId, region: world.region, bucket: BUCKET, prefix, keyArn };
  return localPlan(o, await readPlannedObjects(s3, o));
}

describe('S3 re-encryption, local engine', () => {
  it('copies 50 SSE-S3 objects in place under the key, keeping metadata, tags and storage class', async () => {
    const s3 = new S3Client(sandbox.s3Config);
    const keys = await putLabObjects(s3, BUCKET, 'se/', 50);
    const plan = await planFor('s3e-local-50', 'se/', s3);
    const counts = countRequests(s3);
    const progress: S3EncryptProgress[] = [];
    const path = join(world.dir, 'job-50.jsonl');
    const journal = S3EncryptJournal.create(path, plan, 'job-50');
    const result = await runS3EncryptPlan(plan, journal, engineContext(sandbox, world, s3, { progress }));

    expect(result).toMatchObject({ engine: 'local', copied: 50, failedCount: 0, cancelled: false });
    expect(result.bytesCopied).toBeGreaterThan(0);
    // One CopyObject per object and no HeadObject on the way (the plan read them).
    expect(counts.get('CopyObjectCommand')).toBe(50);
    expect(counts.get('HeadObjectCommand')).toBeUndefined();
    // A new bucket's ACLs are disabled (BucketOwnerEnforced): no ACL to read.
    expect(counts.get('GetObjectAclCommand')).toBeUndefined();
    for (const [i, key] of keys.entries()) {
      const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
      expect(head).toMatchObject({
        ServerSideEncryption: 'aws:kms',
        SSEKMSKeyId: world.keyArn,
        BucketKeyEnabled: true,
        ContentType: 'application/x-se-image',
        Metadata: { owner: 'lab', index: String(i) },
      });
      expect(head.StorageClass).toBe(i % 3 === 0 ? 'STANDARD_IA' : undefined);
      const { TagSet } = await s3.send(new GetObjectTaggingCommand({ Bucket: BUCKET, Key: key }));
      expect(TagSet).toEqual([
        { Key: 'team', Value: 'net' },
        { Key: 'tier', Value: 'se' },
      ]);
    }
    expect(progress.at(-1)).toMatchObject({ phase: 'done', objectsDone: 50, objectsTotal: 50, failed: 0 });
    expect(result.after).toEqual([{ encryption: 'kms-target', objects: 50, bytes: result.bytesCopied }]);
    // The journal ends with the result; the run is not listed as interrupted.
    expect(readS3EncryptJournal(path).result).toMatchObject({ copied: 50 });
    expect(await interruptedS3EncryptRuns(world.dir)).toEqual([]);
  });

  it('says in words that the key is disabled, for every object, and leaves them as they were', async () => {
    const s3 = new S3Client(sandbox.s3Config);
    await putLabObjects(s3, BUCKET, 'disabled/', 6);
    const keyArn = await newKey(world.kms);
    const plan = await planFor('s3e-local-disabled', 'disabled/', s3, keyArn);
    await world.kms.send(new DisableKeyCommand({ KeyId: keyArn }));
    const journal = S3EncryptJournal.create(join(world.dir, 'job-disabled.jsonl'), plan, 'job-disabled');
    const result = await runS3EncryptPlan(plan, journal, engineContext(sandbox, world, s3));

    expect(result).toMatchObject({ copied: 0, failedCount: 6 });
    for (const failure of result.failed) {
      expect(failure.code).toBe('KMS.DisabledException');
      expect(failure.message).toContain(`The KMS key ${keyArn} is disabled`);
    }
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'disabled/000.img' }));
    expect(head.ServerSideEncryption).toBe('AES256');
  });

  it('reports an object changed after the plan and does not overwrite it', async () => {
    const s3 = new S3Client(sandbox.s3Config);
    await putLabObjects(s3, BUCKET, 'changed/', 4);
    const plan = await planFor('s3e-local-changed', 'changed/', s3);
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'changed/002.img', Body: 'new content' }));
    const journal = S3EncryptJournal.create(join(world.dir, 'job-changed.jsonl'), plan, 'job-changed');
    const result = await runS3EncryptPlan(plan, journal, engineContext(sandbox, world, s3));

    expect(result).toMatchObject({ copied: 3, failedCount: 1 });
    expect(result.after).toEqual([
      { encryption: 'sse-s3', objects: 1, bytes: expect.any(Number) as number },
      { encryption: 'kms-target', objects: 3, bytes: expect.any(Number) as number },
    ]);
    expect(result.failed[0]).toMatchObject({ key: 'changed/002.img', code: 'PreconditionFailed' });
    expect(result.failed[0]?.message).toContain('changed since the plan');
    const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'changed/002.img' }));
    expect(object.ServerSideEncryption).toBe('AES256');
    expect(await object.Body?.transformToString()).toBe('new content');
  });

  it('keeps a public-read ACL where the bucket has ACLs enabled', async () => {
    const s3 = new S3Client(sandbox.s3Config);
    await s3.send(new CreateBucketCommand({ Bucket: ACL_BUCKET, ObjectOwnership: 'ObjectWriter' }));
    await s3.send(
      new PutObjectCommand({ Bucket: ACL_BUCKET, Key: 'pub/a.img', Body: 'a', ACL: 'public-read' }),
    );
    await s3.send(new PutObjectCommand({ Bucket: ACL_BUCKET, Key: 'pub/b.img', Body: 'b' }));
    const o = {
      id: 's3e-local-acl',
      accountId: world.accountId,
      region: world.region,
      bucket: ACL_BUCKET,
      prefix: 'pub/',
      keyArn: world.keyArn,
    };
    const plan = await localPlan(o, await readPlannedObjects(s3, o));
    const journal = S3EncryptJournal.create(join(world.dir, 'job-acl.jsonl'), plan, 'job-acl');
    const result = await runS3EncryptPlan(plan, journal, engineContext(sandbox, world, s3));

    expect(result).toMatchObject({ copied: 2, failedCount: 0 });
    const everyone = async (key: string) => {
      const { Grants = [] } = await s3.send(new GetObjectAclCommand({ Bucket: ACL_BUCKET, Key: key }));
      return Grants.some((g) => g.Grantee?.URI === 'http://acs.amazonaws.com/groups/global/AllUsers');
    };
    expect(await everyone('pub/a.img')).toBe(true);
    expect(await everyone('pub/b.img')).toBe(false);
    const head = await s3.send(new HeadObjectCommand({ Bucket: ACL_BUCKET, Key: 'pub/a.img' }));
    expect(head.SSEKMSKeyId).toBe(world.keyArn);
  });

  it('refuses in words a plan without its objects, or with fewer than it counts', async () => {
    const s3 = new S3Client(sandbox.s3Config);
    const plan = await planFor('s3e-local-none', 'none/', s3);
    const bare = { ...plan, input: { ...(plan.input as object), objects: undefined } };
    const journal = S3EncryptJournal.create(join(world.dir, 'job-none.jsonl'), bare, 'job-none');
    await expect(runS3EncryptPlan(bare, journal, engineContext(sandbox, world, s3))).rejects.toThrow(
      /does not list the objects to copy/,
    );
    const input = plan.input as { view: { toCopy: { objects: number } } };
    const sampled = {
      ...plan,
      input: { ...input, view: { ...input.view, toCopy: { objects: 12_000, bytes: 1 } } },
    };
    const again = S3EncryptJournal.create(join(world.dir, 'job-sampled.jsonl'), sampled, 'job-sampled');
    await expect(runS3EncryptPlan(sampled, again, engineContext(sandbox, world, s3))).rejects.toThrow(
      /lists 0 objects to copy but counts 12000/,
    );
  });
});
