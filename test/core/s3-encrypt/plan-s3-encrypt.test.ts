// The S3 re-encryption plan against avi-lab: the tally by encryption with listing progress, the
// keys of the bucket's region, a plan of the versioned SSE-S3 avi-se- bucket (objects carried for
// the local engine, what changes in words, cost, preflight rows labelled by method), and each
// refusal before anything changes, with what to fix.
import { CreateKeyCommand, DisableKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  CreateBucketCommand,
  PutBucketRequestPaymentCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3EncryptProgress } from '../../../shared/domain/s3-encrypt';
import { s3EncryptPlanInput } from '../../../shared/plans/render/s3-batch-job';
import { aviLab } from '../../../electron/sandbox/scenarios/avi-lab';
import { bucketKeys, tallyBucket } from '../../../electron/core/s3-encrypt/bucket-reads';
import { planS3Encrypt } from '../../../electron/core/s3-encrypt/plan-s3-encrypt';
import type { S3EncryptRequest } from '../../../shared/domain/s3-encrypt';
import {
  LOCATION,
  seBucket,
  startS3EncryptWorld,
  stopS3EncryptWorld,
  type S3EncryptWorld,
} from './s3-encrypt-world';

let world: S3EncryptWorld;
let kms: KMSClient;

beforeAll(async () => {
  world = await startS3EncryptWorld();
  kms = new KMSClient({ ...world.sandbox.sdkConfig, region: aviLab.region });
});

afterAll(() => stopS3EncryptWorld(world));

async function bucketWith(name: string, objects: Record<string, Record<string, string>>): Promise<void> {
  await world.s3.send(
    new CreateBucketCommand({
      Bucket: name,
      CreateBucketConfiguration: { LocationConstraint: LOCATION },
    }),
  );
  for (const [key, extra] of Object.entries(objects))
    await world.s3.send(new PutObjectCommand({ Bucket: name, Key: key, Body: `body of ${key}`, ...extra }));
}

const plan = (request: S3EncryptRequest) => planS3Encrypt(world.deps, request);

const SSE_C = {
  SSECustomerAlgorithm: 'AES256',
  SSECustomerKey: 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=',
};

describe('S3 re-encryption plan', () => {
  it('tallies a bucket by encryption, with listing progress', async () => {
    const progress: S3EncryptProgress[] = [];
    const tally = await tallyBucket(world.deps, seBucket(world), 'se-images/', (p) => progress.push(p));
    expect(tally).toMatchObject({ region: aviLab.region, tallyMethod: 'exact' });
    expect(tally.tallies).toEqual([{ encryption: 'sse-s3', objects: 30, bytes: expect.any(Number) }]);
    expect(progress.every((p) => p.phase === 'listing')).toBe(true);
    expect(progress.at(-1)).toMatchObject({ objectsDone: 30, objectsTotal: 30 });
  });

  it('lists the customer managed keys of the bucket’s region', async () => {
    const { region, keys } = await bucketKeys(world.deps, seBucket(world));
    expect(region).toBe(aviLab.region);
    expect(keys.some((k) => k.aliases.includes('alias/lab-ebs'))).toBe(true);
    expect(keys.every((k) => k.manager === 'CUSTOMER')).toBe(true);
  });

  it('plans the versioned SSE-S3 bucket for the local engine, older versions kept', async () => {
    const bucket = seBucket(world);
    const { plan: sealed, view } = await plan({
      bucket,
      kmsKeyRef: 'alias/lab-ebs',
      prefix: 'se-images/',
    });
    expect(sealed.kind).toBe('s3-encrypt');
    expect(view).toMatchObject({
      region: aviLab.region,
      versioning: 'Enabled',
      engine: 'local',
      tallyMethod: 'exact',
      toCopy: { objects: 30 },
      skipped: { count: 0 },
      bucketKey: { enabled: true, recommended: true },
    });
    expect(view.key.aliases).toContain('alias/lab-ebs');
    expect(view.changes.join(' ')).toMatch(/noncurrent version under its old encryption/);
    expect(view.cost.requests).toMatchObject({ CopyObject: 30, ListObjects: 1 });
    expect(view.cost.costNote).toMatch(/us-east-1/);
    const input = s3EncryptPlanInput(sealed);
    expect(input.objects).toHaveLength(30);
    expect(input.objects?.every((o) => o.versionId && o.encryption === 'sse-s3')).toBe(true);
    // S3 has no DryRun: every S3 call is simulated; lab-ebs's default key policy leaves the key to
    // IAM, so its KMS rows are simulations with S3 as kms:ViaService.
    const rows = sealed.preflight?.rows ?? [];
    expect(rows.map((r) => r.call)).toEqual(
      expect.arrayContaining(['s3:GetObject', 's3:PutObject', 'kms:GenerateDataKey', 'kms:Decrypt']),
    );
    expect(rows.every((r) => r.method === 'simulation' && r.result === 'allowed')).toBe(true);
    expect(rows.find((r) => r.call === 'kms:GenerateDataKey')?.reason).toMatch(
      /leaves it to your IAM policies/,
    );
  });

  it('with every version: each key oldest first, the originals to delete said to be permanent', async () => {
    const bucket = 'plan-versions';
    await bucketWith(bucket, {});
    await world.s3.send(
      new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }),
    );
    for (const body of ['one', 'two', 'three'])
      await world.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'a.txt', Body: body }));
    const { plan: sealed, view } = await plan({
      bucket,
      kmsKeyRef: 'alias/lab-ebs',
      includeVersions: true,
    });
    const objects = s3EncryptPlanInput(sealed).objects ?? [];
    expect(objects.map((o) => o.size)).toEqual([3, 3, 5]);
    expect(view.changes.join(' ')).toMatch(/permanent/);
    expect(view.cost.requests.DeleteObject).toBe(3);
    await expect(
      plan({ bucket, kmsKeyRef: 'alias/lab-ebs', includeVersions: true, engine: 'batch' }),
    ).rejects.toMatchObject({
      code: 'batch-current-versions-only',
      hint: expect.stringMatching(/local engine/),
    });
  });

  it('lists SSE-C objects as skipped, and refuses a prefix that holds nothing else', async () => {
    const bucket = 'plan-sse-c';
    await bucketWith(bucket, { 'mixed/plain.txt': {}, 'mixed/secret.txt': SSE_C, 'only/secret.txt': SSE_C });
    const { view } = await plan({ bucket, kmsKeyRef: 'alias/lab-ebs', prefix: 'mixed/' });
    expect(view.toCopy.objects).toBe(1);
    expect(view.skipped).toMatchObject({ count: 1, byReason: { 'sse-c': 1 } });
    expect(view.skipped.samples[0]).toMatchObject({ key: 'mixed/secret.txt', reason: 'sse-c' });
    await expect(plan({ bucket, kmsKeyRef: 'alias/lab-ebs', prefix: 'only/' })).rejects.toMatchObject({
      code: 'only-sse-c-objects',
    });
  });

  it('checks kms:Decrypt on the keys objects are under now, through S3', async () => {
    const bucket = 'plan-other-key';
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Description: 'the old key' }));
    await bucketWith(bucket, {
      'old.txt': { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: KeyMetadata?.Arn ?? '' },
    });
    const { plan: sealed, view } = await plan({ bucket, kmsKeyRef: 'alias/lab-ebs' });
    expect(view.tallies).toEqual([{ encryption: 'kms-other', objects: 1, bytes: expect.any(Number) }]);
    expect(sealed.preflight?.rows).toContainEqual(
      expect.objectContaining({ call: 'kms:Decrypt', target: KeyMetadata?.Arn, result: 'allowed' }),
    );
  });

  it('refuses a disabled key, a key pending deletion and a key of another region', async () => {
    const bucket = seBucket(world);
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Description: 'to disable' }));
    await kms.send(new DisableKeyCommand({ KeyId: KeyMetadata?.KeyId }));
    await expect(plan({ bucket, kmsKeyRef: KeyMetadata?.Arn ?? '' })).rejects.toMatchObject({
      code: 'key-disabled',
      hint: expect.stringMatching(/enable-key/),
    });
    await expect(plan({ bucket, kmsKeyRef: aviLab.ids.pendingDeletionKeyArn })).rejects.toMatchObject({
      code: 'key-pending-deletion',
    });
    const elsewhere = (KeyMetadata?.Arn ?? '').replace(`:${aviLab.region}:`, ':eu-central-1:');
    await expect(plan({ bucket, kmsKeyRef: elsewhere })).rejects.toMatchObject({
      code: 'key-in-other-region',
      message: expect.stringContaining(`bucket ${bucket} is in ${aviLab.region}`),
    });
  });

  it('refuses a Requester Pays bucket, another account’s bucket and a bad request', async () => {
    await bucketWith('plan-requester-pays', { 'a.txt': {} });
    await world.s3.send(
      new PutBucketRequestPaymentCommand({
        Bucket: 'plan-requester-pays',
        RequestPaymentConfiguration: { Payer: 'Requester' },
      }),
    );
    await expect(plan({ bucket: 'plan-requester-pays', kmsKeyRef: 'alias/lab-ebs' })).rejects.toMatchObject({
      code: 'bucket-requester-pays',
      hint: expect.stringMatching(/Payer=BucketOwner/),
    });

    await bucketWith('plan-other-account', { 'a.txt': {} });
    const other = world.sandbox.handle.world.buckets.get('plan-other-account');
    if (other) other.accountId = '999999999999';
    await expect(plan({ bucket: 'plan-other-account', kmsKeyRef: 'alias/lab-ebs' })).rejects.toMatchObject({
      code: 'bucket-access-denied',
      message: expect.stringMatching(/another account/),
    });

    await expect(plan({ bucket: 'No_Such', kmsKeyRef: '' })).rejects.toMatchObject({
      code: 'invalid-request',
    });
    await expect(plan({ bucket: 'plan-no-such-bucket', kmsKeyRef: 'alias/lab-ebs' })).rejects.toMatchObject({
      code: 'bucket-not-found',
    });
  });
});
