// The S3 re-encryption service against avi-lab: a planned prefix of a versioned bucket runs as an
// 's3-encrypt' job (journalled under the data directory) and ends with every object under the key,
// metadata and tags kept and the older versions still there; Plans → Run goes to the same start();
// a tampered plan is refused; a run a crash left without a final record is resumed from its
// journal; a cancel ends a cancelled job that keeps its report; the batch engine runs a plan with a
// role S3 can assume.
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import {
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3EncryptJournal } from '../../../electron/core/s3-encrypt/journal';
import { S3EncryptService } from '../../../electron/core/s3-encrypt/s3-encrypt-service';
import { aviLab } from '../../../electron/sandbox/scenarios/avi-lab';
import type { S3EncryptProgress, S3EncryptResult } from '../../../shared/domain/s3-encrypt';
import { sealPlan } from '../../../shared/plans/plan-document';
import { SSE_S3, seedObjects } from '../../../electron/sandbox/scenarios/s3-objects';
import { BATCH_TRUST_POLICY, batchPermissions, putObjects } from '../../helpers/s3-batch-world';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { LOCATION, startS3EncryptWorld, stopS3EncryptWorld, type S3EncryptWorld } from './s3-encrypt-world';

const BUCKET = 'service-run';
let world: S3EncryptWorld;
let service: S3EncryptService;
let labKeyArn: string;

beforeAll(async () => {
  world = await startS3EncryptWorld();
  service = new S3EncryptService({
    accounts: world.core.accounts,
    jobs: world.core.jobs,
    events: world.core.events,
    dataDir: world.dataDir,
    pollMs: 20,
  });
  labKeyArn = aviLab.ids.labKeyArn;
  await world.s3.send(
    new CreateBucketCommand({ Bucket: BUCKET, CreateBucketConfiguration: { LocationConstraint: LOCATION } }),
  );
  await world.s3.send(
    new PutBucketVersioningCommand({ Bucket: BUCKET, VersioningConfiguration: { Status: 'Enabled' } }),
  );
});

afterAll(() => stopS3EncryptWorld(world));

async function expectUnderLabKey(keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    const head = await world.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(head).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: labKeyArn });
    expect(head.Metadata).toEqual({ owner: 'lab' });
    const { TagSet } = await world.s3.send(new GetObjectTaggingCommand({ Bucket: BUCKET, Key: key }));
    expect(TagSet).toEqual([{ Key: 'team', Value: 'net' }]);
  }
}

describe('S3 re-encryption service', () => {
  it('runs a plan as an s3-encrypt job: objects under the key, metadata and tags kept, older versions kept', async () => {
    const keys = await putObjects(world.s3, BUCKET, 'run/', 5);
    const { plan } = await service.plan({ bucket: BUCKET, kmsKeyRef: 'alias/lab-ebs', prefix: 'run/' });
    const progress: S3EncryptProgress[] = [];
    const result = await service.run(plan, (p) => progress.push(p));
    expect(result).toMatchObject({ engine: 'local', copied: 5, failedCount: 0, cancelled: false });
    expect(result.after).toEqual([{ encryption: 'kms-target', objects: 5, bytes: expect.any(Number) }]);
    expect(progress.length).toBeGreaterThan(0);
    const job = world.core.jobs.list().find((j) => j.kind === 's3-encrypt');
    expect(job).toMatchObject({ state: 'done' });
    expect(existsSync(join(world.dataDir, 's3-encrypt', `${job?.id ?? ''}.jsonl`))).toBe(true);
    await expectUnderLabKey(keys);
    const { Versions = [] } = await world.s3.send(
      new ListObjectVersionsCommand({ Bucket: BUCKET, Prefix: 'run/' }),
    );
    expect(Versions).toHaveLength(10);
  });

  it('runs an s3-encrypt plan from Plans → Run through the same start()', async () => {
    const keys = await putObjects(world.s3, BUCKET, 'plans/', 3);
    const { plan } = await service.plan({ bucket: BUCKET, kmsKeyRef: 'alias/lab-ebs', prefix: 'plans/' });
    const answer = await world.core.plans.run(plan);
    expect(answer).toMatchObject({ kind: 's3-encrypt', jobIds: [expect.any(String)] });
    const job = await world.core.jobs.wait(answer.jobIds[0] ?? '');
    expect(job).toMatchObject({ kind: 's3-encrypt', state: 'done', result: { copied: 3 } });
    await expectUnderLabKey(keys);
  });

  it('refuses a tampered plan and one for another kind', async () => {
    await putObjects(world.s3, BUCKET, 'tamper/', 1);
    const { plan } = await service.plan({ bucket: BUCKET, kmsKeyRef: 'alias/lab-ebs', prefix: 'tamper/' });
    await expect(service.start({ ...plan, title: 'changed' })).rejects.toMatchObject({
      code: 'plan-tampered',
    });
    await expect(service.start({ ...plan, kind: 'ami-copy' })).rejects.toMatchObject({
      code: 'invalid-plan',
    });
  });

  it('resumes a run a crash left without a final record', async () => {
    const keys = await putObjects(world.s3, BUCKET, 'resume/', 4);
    const { plan } = await service.plan({ bucket: BUCKET, kmsKeyRef: 'alias/lab-ebs', prefix: 'resume/' });
    S3EncryptJournal.create(
      join(world.dataDir, 's3-encrypt', 'job-crashed.jsonl'),
      plan,
      'job-crashed',
    ).close();
    const { resumed, left } = await service.resumeInterrupted();
    expect(left).toEqual([]);
    expect(resumed).toHaveLength(1);
    const result = await service.resultOf(resumed[0] ?? '');
    expect(result).toMatchObject({ copied: 4, failedCount: 0 });
    await expectUnderLabKey(keys);
    expect((await service.resumeInterrupted()).resumed).toEqual([]);
  });

  it('leaves a journal whose plan was changed, or is for another account, for a person', async () => {
    await putObjects(world.s3, BUCKET, 'left/', 1);
    const { plan } = await service.plan({ bucket: BUCKET, kmsKeyRef: 'alias/lab-ebs', prefix: 'left/' });
    const dir = join(world.dataDir, 's3-encrypt');
    S3EncryptJournal.create(
      join(dir, 'job-tampered.jsonl'),
      { ...plan, title: 'changed' },
      'job-tampered',
    ).close();
    const { sha256: _seal, ...body } = plan;
    void _seal;
    const elsewhere = await sealPlan({ ...body, accountId: '999999999999' });
    S3EncryptJournal.create(join(dir, 'job-elsewhere.jsonl'), elsewhere, 'job-elsewhere').close();
    const { resumed, left } = await service.resumeInterrupted();
    expect(resumed).toEqual([]);
    expect(left).toEqual([
      { path: join(dir, 'job-elsewhere.jsonl'), reason: expect.stringMatching(/account 999999999999/) },
      { path: join(dir, 'job-tampered.jsonl'), reason: expect.stringMatching(/changed after it was made/) },
    ]);
  });

  it('cancels through the signal: a cancelled job that keeps its report', async () => {
    await world.s3.send(
      new CreateBucketCommand({
        Bucket: 'service-cancel',
        CreateBucketConfiguration: { LocationConstraint: LOCATION },
      }),
    );
    const bucket = world.sandbox.handle.world.buckets.get('service-cancel');
    if (!bucket) throw new Error('no bucket');
    seedObjects(
      bucket,
      Array.from({ length: 800 }, (_, i) => ({
        key: `many/${String(i).padStart(5, '0')}`,
        size: 100,
        lastModified: Date.UTC(2024, 0, 1),
        encryption: SSE_S3,
      })),
    );
    const { plan } = await service.plan({ bucket: 'service-cancel', kmsKeyRef: 'alias/lab-ebs' });
    const controller = new AbortController();
    const result = await service.run(
      plan,
      (p) => {
        if (p.phase === 'copying' && p.objectsDone > 0) controller.abort();
      },
      controller.signal,
    );
    expect(result).toMatchObject({ cancelled: true, engine: 'local' });
    expect(result.copied).toBeLessThan(800);
    const job = world.core.jobs.list().find((j) => j.kind === 's3-encrypt' && j.state === 'cancelled');
    expect(job?.result).toMatchObject({ cancelled: true, copied: result.copied });
  });

  it('runs a batch plan with a role S3 Batch Operations can assume', async () => {
    const iam = new IAMClient(world.sandbox.sdkConfig);
    const { Role } = await iam.send(
      new CreateRoleCommand({ RoleName: 'service-batch', AssumeRolePolicyDocument: BATCH_TRUST_POLICY }),
    );
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'service-batch',
        PolicyName: 'copy',
        PolicyDocument: batchPermissions(BUCKET, BUCKET, labKeyArn),
      }),
    );
    const keys = await putObjects(world.s3, BUCKET, 'batch/', 4);
    await world.s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'batch/infrequent.bin',
        Body: 'x',
        StorageClass: 'STANDARD_IA',
      }),
    );
    const { plan, view } = await service.plan({
      bucket: BUCKET,
      kmsKeyRef: 'alias/lab-ebs',
      prefix: 'batch/',
      engine: 'batch',
      batchRoleArn: Role?.Arn ?? '',
    });
    expect(view.batchRole).toMatchObject({ status: 'ok' });
    expect(view.changes.join(' ')).toMatch(/leaves 0 objects over 5 GB .* and 1 in other storage classes/);
    const result: S3EncryptResult = await service.run(plan);
    expect(result).toMatchObject({ engine: 'batch', copied: 4, failedCount: 0 });
    expect(result.reportLocation).toMatch(new RegExp(`^s3://${BUCKET}/envelope-reports/`));
    await expectUnderLabKey(keys);
  });
});
