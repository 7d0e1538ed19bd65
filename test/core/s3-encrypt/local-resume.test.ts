// The local engine's journal guarantees: a run killed mid-way (its journal closed with what it had
// not made durable lost, its requests refused from then on) is found interrupted, reopened and
// resumed without copying any object twice (a versioned bucket keeps one version per copy, so a
// second copy would show); a cancel stops sending, lets the copies in flight finish, and leaves a
// journal that says exactly which objects were copied.
import { HeadObjectCommand, ListObjectVersionsCommand, S3Client } from '@aws-sdk/client-s3';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { S3EncryptJournal, readS3EncryptJournal } from '../../../electron/core/s3-encrypt/journal';
import { interruptedS3EncryptRuns, runS3EncryptPlan } from '../../../electron/core/s3-encrypt/run-plan';
import { withSandbox } from '../../helpers/sandbox';
import { countRequests, localPlan, readPlannedObjects } from './local-plan';
import {
  enableVersioning,
  engineContext,
  makeLocalWorld,
  putLabObjects,
  type LocalWorld,
} from './local-world';

const sandbox = withSandbox();
const VERSIONED = 'avi-se-resume';
const PLAIN = 'lab-se-cancel';
let world: LocalWorld;

beforeAll(async () => {
  world = await makeLocalWorld(sandbox, [VERSIONED, PLAIN]);
  await enableVersioning(new S3Client(sandbox.s3Config), VERSIONED);
});

async function planFor(id: string, bucket: string, prefix: string, s3: S3Client) {
  const o = {
    id,
    accountId: world.accountId,
    region: world.region,
    bucket,
    prefix,
    keyArn: world.keyArn,
    versioning: bucket === VERSIONED ? ('Enabled' as const) : ('Unversioned' as const),
  };
  return localPlan(o, await readPlannedObjects(s3, o));
}

class Crash extends Error {}

describe('S3 re-encryption, local engine: crash, resume and cancel', () => {
  it('resumes a crashed run from its journal without copying an object twice', async () => {
    const s3 = new S3Client(sandbox.s3Config);
    const keys = await putLabObjects(s3, VERSIONED, 'crash/', 60);
    const plan = await planFor('s3e-local-crash', VERSIONED, 'crash/', s3);
    const path = join(world.dir, 'job-crash.jsonl');
    const journal = S3EncryptJournal.create(path, plan, 'job-crash');
    // The process "dies" after S3 answered 20 copies: the journal keeps what it had made durable,
    // the copies already sent still reach S3, nothing new is sent.
    let crashed = false;
    const firstRun = countRequests(s3, {
      before: () => {
        if (crashed) throw new Crash('the process is gone');
      },
      after: (command) => {
        if (command === 'CopyObjectCommand' && firstRun.get(command) === 20 && !crashed) {
          crashed = true;
          journal.close();
        }
      },
    });
    await expect(runS3EncryptPlan(plan, journal, engineContext(sandbox, world, s3))).rejects.toThrow();
    const copiedBeforeCrash = firstRun.get('CopyObjectCommand') ?? 0;
    expect(copiedBeforeCrash).toBeGreaterThanOrEqual(20);
    expect(copiedBeforeCrash).toBeLessThan(60);

    const [interrupted, ...others] = await interruptedS3EncryptRuns(world.dir);
    expect(others).toEqual([]);
    expect(interrupted).toMatchObject({ jobId: 'job-crash', path });
    const s3Again = new S3Client(sandbox.s3Config);
    const secondRun = countRequests(s3Again);
    const reopened = S3EncryptJournal.open(path);
    const journalledBeforeResume = reopened.localRecords().filter((r) => r.t === 'done').length;
    const result = await runS3EncryptPlan(
      interrupted?.plan ?? plan,
      reopened,
      engineContext(sandbox, world, s3Again),
    );

    expect(result).toMatchObject({ copied: 60, failedCount: 0, cancelled: false });
    expect(copiedBeforeCrash + (secondRun.get('CopyObjectCommand') ?? 0)).toBe(60);
    // Only the objects claimed but not journalled are re-read.
    expect(secondRun.get('HeadObjectCommand') ?? 0).toBeLessThanOrEqual(60 - journalledBeforeResume);
    const { Versions = [] } = await s3Again.send(
      new ListObjectVersionsCommand({ Bucket: VERSIONED, Prefix: 'crash/' }),
    );
    for (const key of keys) expect(Versions.filter((v) => v.Key === key)).toHaveLength(2);
    expect(await interruptedS3EncryptRuns(world.dir)).toEqual([]);
  });

  it('cancels: the copies in flight finish, and the journal says exactly what was copied', async () => {
    const s3 = new S3Client(sandbox.s3Config);
    const keys = await putLabObjects(s3, PLAIN, 'cancel/', 80);
    const plan = await planFor('s3e-local-cancel', PLAIN, 'cancel/', s3);
    const path = join(world.dir, 'job-cancel.jsonl');
    const cancel = new AbortController();
    const counts = countRequests(s3, {
      after: (command) => {
        if (command === 'CopyObjectCommand' && counts.get(command) === 10) cancel.abort();
      },
    });
    const result = await runS3EncryptPlan(
      plan,
      S3EncryptJournal.create(path, plan, 'job-cancel'),
      engineContext(sandbox, world, s3, { signal: cancel.signal }),
    );

    expect(result.cancelled).toBe(true);
    expect(result.copied).toBe(counts.get('CopyObjectCommand'));
    expect(result.copied).toBeLessThan(80);
    const contents = readS3EncryptJournal(path);
    expect(contents.result).toMatchObject({ cancelled: true, copied: result.copied });
    const done = new Set(contents.local.flatMap((r) => (r.t === 'done' ? [r.i] : [])));
    expect(done.size).toBe(result.copied);
    for (const [i, object] of (plan.input as { objects: { key: string }[] }).objects.entries()) {
      const head = await s3.send(new HeadObjectCommand({ Bucket: PLAIN, Key: object.key }));
      expect(head.ServerSideEncryption === 'aws:kms').toBe(done.has(i));
    }
    expect(keys).toHaveLength(80);
  });
});
