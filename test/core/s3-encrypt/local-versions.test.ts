// includeVersions on a versioned bucket: each key's versions are copied oldest first, so the copies
// keep the history's order and the copy of the current version ends current, all under the key;
// then the originals are deleted by version id, except one under an Object Lock legal hold, which
// is kept and reported. Without includeVersions the original stays as a noncurrent version.
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { S3EncryptJournal } from '../../../electron/core/s3-encrypt/journal';
import { runS3EncryptPlan } from '../../../electron/core/s3-encrypt/run-plan';
import { withSandbox } from '../../helpers/sandbox';
import { countRequests, localPlan, readPlannedObjects } from './local-plan';
import { enableVersioning, engineContext, makeLocalWorld, type LocalWorld } from './local-world';

const sandbox = withSandbox();
const BUCKET = 'avi-se-versions';
let world: LocalWorld;
let s3: S3Client;

beforeAll(async () => {
  world = await makeLocalWorld(sandbox, [BUCKET]);
  s3 = new S3Client(sandbox.s3Config);
  await enableVersioning(s3, BUCKET);
});

async function putVersions(key: string, count: number, legalHoldOnFirst = false): Promise<void> {
  for (let n = 1; n <= count; n += 1)
    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: key,
        Body: `${key} v${n}`,
        Metadata: { generation: String(n) },
        ...(legalHoldOnFirst && n === 1 ? { ObjectLockLegalHoldStatus: 'ON' as const } : {}),
      }),
    );
}

async function versionsOf(key: string) {
  const { Versions = [] } = await s3.send(new ListObjectVersionsCommand({ Bucket: BUCKET, Prefix: key }));
  return Versions.filter((v) => v.Key === key).reverse(); // oldest first
}

async function run(id: string, prefix: string, includeVersions: boolean) {
  const o = {
    id,
    accountId: world.accountId,
    region: world.region,
    bucket: BUCKET,
    prefix,
    keyArn: world.keyArn,
    includeVersions,
    versioning: 'Enabled' as const,
  };
  const plan = await localPlan(o, await readPlannedObjects(s3, o));
  const journal = S3EncryptJournal.create(join(world.dir, `${id}.jsonl`), plan, id);
  return { plan, result: await runS3EncryptPlan(plan, journal, engineContext(sandbox, world, s3)) };
}

describe('S3 re-encryption, local engine: versions', () => {
  it('copies every version in order under the key and deletes the originals', async () => {
    for (const key of ['all/a.img', 'all/b.img', 'all/c.img']) await putVersions(key, 3);
    const before = new Set((await versionsOf('all/a.img')).map((v) => v.VersionId));
    const { result } = await run('s3e-versions', 'all/', true);

    expect(result).toMatchObject({ copied: 9, failedCount: 0 });
    for (const key of ['all/a.img', 'all/b.img', 'all/c.img']) {
      const versions = await versionsOf(key);
      expect(versions).toHaveLength(3);
      expect(versions.at(-1)?.IsLatest).toBe(true);
      for (const [n, version] of versions.entries()) {
        if (key === 'all/a.img') expect(before.has(version.VersionId)).toBe(false);
        const object = await s3.send(
          new GetObjectCommand({ Bucket: BUCKET, Key: key, VersionId: version.VersionId }),
        );
        expect(object).toMatchObject({
          ServerSideEncryption: 'aws:kms',
          SSEKMSKeyId: world.keyArn,
          Metadata: { generation: String(n + 1) },
        });
        expect(await object.Body?.transformToString()).toBe(`${key} v${n + 1}`);
      }
    }
  });

  it('resumes a crashed includeVersions run: each key ends with one copy per version, in order', async () => {
    const keys = Array.from({ length: 8 }, (_, i) => `crash/k${i}.img`);
    for (const key of keys) await putVersions(key, 3);
    const o = {
      id: 's3e-versions-crash',
      accountId: world.accountId,
      region: world.region,
      bucket: BUCKET,
      prefix: 'crash/',
      keyArn: world.keyArn,
      includeVersions: true,
      versioning: 'Enabled' as const,
    };
    const plan = await localPlan(o, await readPlannedObjects(s3, o));
    const path = join(world.dir, 's3e-versions-crash.jsonl');
    const journal = S3EncryptJournal.create(path, plan, 's3e-versions-crash');
    const crashing = new S3Client(sandbox.s3Config);
    let crashed = false;
    const first = countRequests(crashing, {
      before: () => {
        if (crashed) throw new Error('the process is gone');
      },
      after: (command) => {
        if (command === 'CopyObjectCommand' && first.get(command) === 10 && !crashed) {
          crashed = true;
          journal.close();
        }
      },
    });
    await expect(runS3EncryptPlan(plan, journal, engineContext(sandbox, world, crashing))).rejects.toThrow();

    const second = countRequests(s3);
    const result = await runS3EncryptPlan(
      plan,
      S3EncryptJournal.open(path),
      engineContext(sandbox, world, s3),
    );
    expect(result).toMatchObject({ copied: 24, failedCount: 0 });
    expect((first.get('CopyObjectCommand') ?? 0) + (second.get('CopyObjectCommand') ?? 0)).toBe(24);
    for (const key of keys) {
      const versions = await versionsOf(key);
      expect(versions).toHaveLength(3);
      for (const [n, version] of versions.entries()) {
        const object = await s3.send(
          new GetObjectCommand({ Bucket: BUCKET, Key: key, VersionId: version.VersionId }),
        );
        expect(object.SSEKMSKeyId).toBe(world.keyArn);
        expect(await object.Body?.transformToString()).toBe(`${key} v${n + 1}`);
      }
    }
  });

  it('keeps an original version under a legal hold and says why', async () => {
    await putVersions('held/x.img', 2, true);
    const held = (await versionsOf('held/x.img'))[0]?.VersionId;
    const { result } = await run('s3e-versions-held', 'held/', true);

    expect(result).toMatchObject({ copied: 2, failedCount: 1 });
    expect(result.failed[0]).toMatchObject({
      key: 'held/x.img',
      versionId: held,
      code: 'OriginalVersionKept',
    });
    expect(result.failed[0]?.message).toContain('Object Lock');
    const versions = await versionsOf('held/x.img');
    expect(versions.map((v) => v.VersionId)).toContain(held);
    expect(versions).toHaveLength(3);
  });

  it('without includeVersions, copies the current version and keeps the original as noncurrent', async () => {
    await putVersions('current/y.img', 2);
    const original = (await versionsOf('current/y.img'))[1]?.VersionId;
    const { result } = await run('s3e-versions-current', 'current/', false);

    expect(result).toMatchObject({ copied: 1, failedCount: 0 });
    const versions = await versionsOf('current/y.img');
    expect(versions).toHaveLength(3);
    expect(versions[1]?.VersionId).toBe(original);
    const current = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'current/y.img' }));
    expect(current).toMatchObject({ ServerSideEncryption: 'aws:kms', Metadata: { generation: '2' } });
  });
});
