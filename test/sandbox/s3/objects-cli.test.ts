// S3 objects through the real AWS CLI v2 against avi-lab (the sandbox side of issue M's Check):
// 50 objects put under SSE-S3 into an avi-se- bucket, copied in place to SSE-KMS with
// alias/lab-ebs; head-object shows aws:kms with that key and the metadata, content type and tags
// unchanged; in the versioned bucket the previous versions are still listed; `aws s3 cp --recursive
// --sse aws:kms` (what benchmark P5 compares against) works; S3's refusals are AWS's.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aviLab } from '../../../electron/sandbox/scenarios/avi-lab';
import { withSandbox } from '../../helpers/sandbox';
import { startWarmAwsCli, type WarmAwsCli } from '../../helpers/warm-aws-cli';

const sandbox = withSandbox({ scenario: 'avi-lab' });
const REGION = aviLab.region;
let bucket: string;
let keyArn: string;
let dir: string;
let warm: WarmAwsCli;

type Head = {
  ServerSideEncryption?: string;
  SSEKMSKeyId?: string;
  Metadata?: Record<string, string>;
  ContentType?: string;
  VersionId?: string;
  BucketKeyEnabled?: boolean;
};
const env = () => ({ ...sandbox.env, AWS_DEFAULT_REGION: REGION });
// The real AWS CLI, warm (test/helpers/warm-aws-cli.ts): some 300 commands here.
const runAwsCliRaw = (args: string[], environment: NodeJS.ProcessEnv) => warm.run(args, environment);
async function cli<T = Record<string, unknown>>(...args: string[]): Promise<T> {
  const run = await warm.run(args, env());
  if (run.exitCode !== 0)
    throw new Error(`aws ${args.join(' ')} failed (exit ${run.exitCode}): ${run.stderr}`);
  return (run.stdout.trim() === '' ? {} : JSON.parse(run.stdout)) as T;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'envelope-s3-objects-'));
  warm = await startWarmAwsCli(dir);
  const state = (await (await sandbox.controlFetch('state')).json()) as { buckets: { name: string }[] };
  bucket = state.buckets.map((b) => b.name).find((n) => n.startsWith('avi-se-'))!;
  keyArn = (await cli<{ KeyMetadata: { Arn: string } }>('kms', 'describe-key', '--key-id', 'alias/lab-ebs'))
    .KeyMetadata.Arn;
  writeFileSync(join(dir, 'body.txt'), 'service engine image part\n');
});

afterAll(() => {
  warm?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('S3 objects with the AWS CLI', () => {
  it('puts 50 objects under SSE-S3, copies them in place to SSE-KMS, and keeps metadata, tags and older versions', async () => {
    const keys = Array.from({ length: 50 }, (_, i) => `check/object-${String(i).padStart(2, '0')}.bin`);
    for (const key of keys)
      await cli(
        's3api',
        'put-object',
        '--bucket',
        bucket,
        '--key',
        key,
        '--body',
        join(dir, 'body.txt'),
        '--content-type',
        'text/plain',
        '--metadata',
        'owner=lab,purpose=check',
        '--tagging',
        'team=net&tier=2',
      );
    const before = await cli<Head>('s3api', 'head-object', '--bucket', bucket, '--key', keys[0]!);
    expect(before.ServerSideEncryption).toBe('AES256');

    for (const key of keys)
      await cli(
        's3api',
        'copy-object',
        '--bucket',
        bucket,
        '--key',
        key,
        '--copy-source',
        `${bucket}/${key}`,
        '--server-side-encryption',
        'aws:kms',
        '--ssekms-key-id',
        'alias/lab-ebs',
      );

    for (const key of keys) {
      const head = await cli<Head>('s3api', 'head-object', '--bucket', bucket, '--key', key);
      expect(head.ServerSideEncryption).toBe('aws:kms');
      expect(head.SSEKMSKeyId).toBe(keyArn);
      expect(head.Metadata).toEqual({ owner: 'lab', purpose: 'check' });
      expect(head.ContentType).toBe('text/plain');
      const tags = await cli<{ TagSet: { Key: string; Value: string }[] }>(
        's3api',
        'get-object-tagging',
        '--bucket',
        bucket,
        '--key',
        key,
      );
      expect(tags.TagSet).toEqual([
        { Key: 'team', Value: 'net' },
        { Key: 'tier', Value: '2' },
      ]);
    }
    const versions = await cli<{ Versions: { Key: string; IsLatest: boolean }[] }>(
      's3api',
      'list-object-versions',
      '--bucket',
      bucket,
      '--prefix',
      keys[0]!,
    );
    expect(versions.Versions.filter((v) => v.Key === keys[0])).toHaveLength(2);
    expect(versions.Versions.filter((v) => v.IsLatest)).toHaveLength(1);
  }, 300_000);

  it('refuses a copy to itself that changes nothing, with S3 code and words', async () => {
    const key = 'se-images/30.2.1/se.qcow2.md5';
    const run = await runAwsCliRaw(
      ['s3api', 'copy-object', '--bucket', bucket, '--key', key, '--copy-source', `${bucket}/${key}`],
      env(),
    );
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain('InvalidRequest');
    expect(run.stderr).toContain("copy an object to itself without changing the object's metadata");
  });

  it('re-encrypts a prefix with aws s3 cp --recursive --sse aws:kms', async () => {
    const run = await runAwsCliRaw(
      [
        's3',
        'cp',
        `s3://${bucket}/se-images/31.1.1/`,
        `s3://${bucket}/se-images/31.1.1/`,
        '--recursive',
        '--sse',
        'aws:kms',
        '--sse-kms-key-id',
        keyArn,
      ],
      env(),
    );
    expect(run.exitCode, run.stderr).toBe(0);
    const listed = await cli<{ Contents: { Key: string }[] }>(
      's3api',
      'list-objects-v2',
      '--bucket',
      bucket,
      '--prefix',
      'se-images/31.1.1/',
    );
    expect(listed.Contents).toHaveLength(5);
    for (const { Key } of listed.Contents) {
      const head = await cli<Head>('s3api', 'head-object', '--bucket', bucket, '--key', Key);
      expect(head.ServerSideEncryption, Key).toBe('aws:kms');
      expect(head.SSEKMSKeyId, Key).toBe(keyArn);
    }
  }, 120_000);

  it('answers a disabled key with KMS.DisabledException and writes nothing', async () => {
    await cli('kms', 'disable-key', '--key-id', keyArn);
    try {
      const key = 'se-images/22.1.6/manifest.json';
      const before = await cli<Head>('s3api', 'head-object', '--bucket', bucket, '--key', key);
      const run = await runAwsCliRaw(
        [
          's3api',
          'copy-object',
          '--bucket',
          bucket,
          '--key',
          key,
          '--copy-source',
          `${bucket}/${key}`,
          '--server-side-encryption',
          'aws:kms',
          '--ssekms-key-id',
          keyArn,
        ],
        env(),
      );
      expect(run.stderr).toContain('KMS.DisabledException');
      const after = await cli<Head>('s3api', 'head-object', '--bucket', bucket, '--key', key);
      expect(after.VersionId).toBe(before.VersionId);
    } finally {
      await cli('kms', 'enable-key', '--key-id', keyArn);
    }
  });
});
