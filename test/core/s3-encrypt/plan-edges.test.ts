// The S3 re-encryption plan's edges against avi-lab: a bucket above the batch threshold is read
// from a sample and goes to S3 Batch Operations, whose plan without a usable role names the
// policies and is refused at start; archived objects are skipped with the way to restore them;
// with every version included, a version under Object Lock is never planned for deletion; an
// object another account wrote is left to its owner.
import { CreateBucketCommand, PutBucketVersioningCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planS3Encrypt } from '../../../electron/core/s3-encrypt/plan-s3-encrypt';
import { acceptRunnablePlan } from '../../../electron/core/s3-encrypt/runnable-plan';
import { TALLY_SAMPLE_SIZE } from '../../../electron/core/s3-encrypt/deps';
import { SSE_S3, seedObjects } from '../../../electron/sandbox/scenarios/s3-objects';
import { S3_BATCH_THRESHOLD } from '../../../shared/domain/s3-encrypt';
import { s3EncryptPlanInput } from '../../../shared/plans/render/s3-batch-job';
import { LOCATION, startS3EncryptWorld, stopS3EncryptWorld, type S3EncryptWorld } from './s3-encrypt-world';

let world: S3EncryptWorld;

beforeAll(async () => {
  world = await startS3EncryptWorld();
});

afterAll(() => stopS3EncryptWorld(world));

async function createBucket(name: string, versioned = false): Promise<void> {
  await world.s3.send(
    new CreateBucketCommand({ Bucket: name, CreateBucketConfiguration: { LocationConstraint: LOCATION } }),
  );
  if (versioned)
    await world.s3.send(
      new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: { Status: 'Enabled' } }),
    );
}

describe('S3 re-encryption plan, edges', () => {
  it('above the threshold: a sampled tally, S3 Batch Operations, no start without a role; every object listed for the local engine', async () => {
    await createBucket('edges-large');
    const bucket = world.sandbox.handle.world.buckets.get('edges-large');
    if (!bucket) throw new Error('no bucket');
    const count = S3_BATCH_THRESHOLD.objects + 500;
    seedObjects(
      bucket,
      Array.from({ length: count }, (_, i) => ({
        key: `logs/${String(i).padStart(6, '0')}.gz`,
        size: 1_000,
        lastModified: Date.UTC(2024, 0, 1),
        encryption: SSE_S3,
      })),
    );
    const { plan, view } = await planS3Encrypt(world.deps, {
      bucket: 'edges-large',
      kmsKeyRef: 'alias/lab-ebs',
    });
    expect(view).toMatchObject({
      tallyMethod: 'sampled',
      engine: 'batch',
      toCopy: { objects: count, bytes: count * 1_000 },
      tallies: [{ encryption: 'sse-s3', objects: count, bytes: count * 1_000 }],
      batchRole: { status: 'missing' },
    });
    expect(view.tallyNote).toContain(`sample of ${TALLY_SAMPLE_SIZE.toLocaleString('en-US')}`);
    expect(view.engineReason).toMatch(/above 10,000 objects/);
    expect(view.batchRole?.trustPolicy).toContain('batchoperations.s3.amazonaws.com');
    expect(s3EncryptPlanInput(plan).objects).toBeUndefined();
    expect(view.cost.requests).toMatchObject({ CreateJob: 1, HeadObject: TALLY_SAMPLE_SIZE });
    await expect(acceptRunnablePlan(world.deps, plan)).rejects.toMatchObject({
      code: 'batch-role-unusable',
      message: expect.stringMatching(/No role was chosen/),
    });
    // Chosen for the local engine, the plan reads and lists every object: Run copies the listing.
    const local = await planS3Encrypt(world.deps, {
      bucket: 'edges-large',
      kmsKeyRef: 'alias/lab-ebs',
      engine: 'local',
    });
    expect(local.view).toMatchObject({ tallyMethod: 'exact', engine: 'local', toCopy: { objects: count } });
    expect(s3EncryptPlanInput(local.plan).objects).toHaveLength(count);
  }, 120_000);

  it('skips archived objects with the way to restore them', async () => {
    await createBucket('edges-archive');
    await world.s3.send(
      new PutObjectCommand({ Bucket: 'edges-archive', Key: 'cold.bin', Body: 'x', StorageClass: 'GLACIER' }),
    );
    await world.s3.send(
      new PutObjectCommand({
        Bucket: 'edges-archive',
        Key: 'ia.bin',
        Body: 'x',
        StorageClass: 'STANDARD_IA',
      }),
    );
    const { plan, view } = await planS3Encrypt(world.deps, {
      bucket: 'edges-archive',
      kmsKeyRef: 'alias/lab-ebs',
    });
    expect(view.skipped.samples).toEqual([
      { key: 'cold.bin', reason: 'archived', detail: expect.stringMatching(/GLACIER: restore it first/) },
    ]);
    expect(s3EncryptPlanInput(plan).objects).toEqual([
      expect.objectContaining({ key: 'ia.bin', storageClass: 'STANDARD_IA' }),
    ]);
  });

  it('skips an object another account wrote (ACLs enabled), saying who must re-encrypt it', async () => {
    await createBucket('edges-owner');
    for (const Key of ['mine.txt', 'theirs.txt'])
      await world.s3.send(new PutObjectCommand({ Bucket: 'edges-owner', Key, Body: Key }));
    // As if another account had written it while the bucket's ACLs were enabled.
    const versions = world.sandbox.handle.world.buckets.get('edges-owner')?.objects;
    const theirs = versions?.get('theirs.txt')?.[0];
    if (theirs) versions?.set('theirs.txt', [{ ...theirs, owner: '999999999999' }]);
    const { plan, view } = await planS3Encrypt(world.deps, {
      bucket: 'edges-owner',
      kmsKeyRef: 'alias/lab-ebs',
    });
    expect(view.skipped.samples).toEqual([
      expect.objectContaining({
        key: 'theirs.txt',
        reason: 'other-owner',
        detail: expect.stringMatching(/another account/),
      }),
    ]);
    expect(s3EncryptPlanInput(plan).objects?.map((o) => o.key)).toEqual(['mine.txt']);
  });

  it('with every version, never plans to delete a version under Object Lock', async () => {
    await createBucket('edges-lock', true);
    const until = new Date(Date.now() + 365 * 86_400_000);
    await world.s3.send(
      new PutObjectCommand({
        Bucket: 'edges-lock',
        Key: 'held.txt',
        Body: 'old',
        ObjectLockMode: 'GOVERNANCE',
        ObjectLockRetainUntilDate: until,
      }),
    );
    await world.s3.send(new PutObjectCommand({ Bucket: 'edges-lock', Key: 'held.txt', Body: 'newer' }));
    const { plan, view } = await planS3Encrypt(world.deps, {
      bucket: 'edges-lock',
      kmsKeyRef: 'alias/lab-ebs',
      includeVersions: true,
    });
    const objects = s3EncryptPlanInput(plan).objects ?? [];
    expect(objects.map((o) => o.size)).toEqual([5]);
    expect(view.skipped.samples).toEqual([
      expect.objectContaining({
        key: 'held.txt',
        reason: 'object-lock',
        detail: expect.stringMatching(/retention until/),
      }),
    ]);
  });
});
