// `envelope s3-encrypt` against the avi-lab sandbox, confirmed with the real AWS CLI (issue M's
// Check): 50 objects put under SSE-S3 with metadata and tags into the avi-se- bucket; the command
// ends done and head-object shows each under aws:kms with alias/lab-ebs's key, its metadata and
// tags unchanged, and its previous version still there. --engine batch ends with a job that
// `aws s3control describe-job` shows Complete, its report in the bucket. --dry-run changes nothing,
// and fails naming the call when the preflight finds one AWS would refuse.
import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3EncryptPlanView, S3EncryptResult } from '../../shared/domain/s3-encrypt';
import { s3ControlEndpoint } from '../../electron/core/aws/s3-control-endpoint';
import { aviLab } from '../../electron/sandbox/scenarios/avi-lab';
import { withSandbox } from '../helpers/sandbox';
import { BATCH_TRUST_POLICY, batchPermissions } from '../helpers/s3-batch-world';
import { makeTempDir } from '../helpers/temp-dir';
import { startWarmAwsCli, type WarmAwsCli } from '../helpers/warm-aws-cli';
import { envelopeEntry } from './envelope-entry';

const REGION = aviLab.region;
const sandbox = withSandbox({ scenario: 'avi-lab' });
let env: NodeJS.ProcessEnv;
let dir: string;
let warm: WarmAwsCli;
let seBucket: string;
let labSeBucket: string;
let keyArn: string;

async function aws<T = Record<string, unknown>>(args: string[], extra: NodeJS.ProcessEnv = {}): Promise<T> {
  const run = await warm.run(args, { ...env, ...extra });
  if (run.exitCode !== 0)
    throw new Error(`aws ${args.join(' ')} failed (exit ${run.exitCode}): ${run.stderr}`);
  return (run.stdout.trim() === '' ? {} : JSON.parse(run.stdout)) as T;
}

function envelope(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const argv = [envelopeEntry, 's3-encrypt', '--endpoint-url', sandbox.endpoint, ...args];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      argv,
      { env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  dir = makeTempDir('envelope-cli-s3-');
  env = {
    ...sandbox.env,
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    ENVELOPE_DATA_DIR: join(dir, 'data'),
  };
  warm = await startWarmAwsCli(dir);
  const names = [...sandbox.handle.world.buckets.keys()];
  seBucket = names.find((n) => n.startsWith('avi-se-')) ?? '';
  labSeBucket = names.find((n) => n.startsWith('lab-se-')) ?? '';
  keyArn = (await aws<{ KeyMetadata: { Arn: string } }>(['kms', 'describe-key', '--key-id', 'alias/lab-ebs']))
    .KeyMetadata.Arn;
  writeFileSync(join(dir, 'body.txt'), 'service engine image part\n');
});

afterAll(() => {
  warm?.stop();
  rmSync(dir, { recursive: true, force: true });
});

// Up to `width` AWS CLI commands at a time (the warm CLI forks one process per command).
async function inParallel<T>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(work));
}

type Head = { ServerSideEncryption?: string; SSEKMSKeyId?: string; Metadata?: Record<string, string> };

describe('envelope s3-encrypt', () => {
  it('re-encrypts 50 objects put with the AWS CLI: aws:kms under the key, metadata, tags and older versions kept', async () => {
    const keys = Array.from({ length: 50 }, (_, i) => `check/object-${String(i).padStart(2, '0')}.bin`);
    await inParallel(keys, 5, (key) =>
      aws([
        's3api',
        'put-object',
        '--bucket',
        seBucket,
        '--key',
        key,
        '--body',
        join(dir, 'body.txt'),
        '--metadata',
        'owner=lab,purpose=check',
        '--tagging',
        'team=net&tier=2',
      ]),
    );

    const dry = await envelope(['--bucket', seBucket, '--kms-key', 'alias/lab-ebs', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/Dry run: nothing was changed/);
    // stderr is a pipe here: a line per phase, no line rewritten in place per object.
    expect(dry.stderr).not.toContain('\r');
    expect(dry.stderr.trim().split('\n').length).toBeLessThan(5);
    expect(dry.stdout).toMatch(/noncurrent version/);
    expect(
      (await aws<Head>(['s3api', 'head-object', '--bucket', seBucket, '--key', keys[0]!]))
        .ServerSideEncryption,
    ).toBe('AES256');

    const run = await envelope(['--bucket', seBucket, '--kms-key', 'alias/lab-ebs', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { view: S3EncryptPlanView; result: S3EncryptResult };
    expect(out.view).toMatchObject({ engine: 'local', versioning: 'Enabled', toCopy: { objects: 80 } });
    expect(out.result).toMatchObject({ engine: 'local', copied: 80, failedCount: 0, cancelled: false });

    await inParallel(keys, 5, async (key) => {
      const head = await aws<Head>(['s3api', 'head-object', '--bucket', seBucket, '--key', key]);
      expect(head).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyArn });
      expect(head.Metadata).toEqual({ owner: 'lab', purpose: 'check' });
      const tags = await aws<{ TagSet: unknown[] }>([
        's3api',
        'get-object-tagging',
        '--bucket',
        seBucket,
        '--key',
        key,
      ]);
      expect(tags.TagSet).toEqual([
        { Key: 'team', Value: 'net' },
        { Key: 'tier', Value: '2' },
      ]);
    });
    const versions = await aws<{ Versions: { Key: string; VersionId: string; IsLatest: boolean }[] }>([
      's3api',
      'list-object-versions',
      '--bucket',
      seBucket,
      '--prefix',
      'check/',
    ]);
    expect(versions.Versions).toHaveLength(100);
    const older = versions.Versions.find((v) => v.Key === keys[0] && !v.IsLatest);
    const previous = await aws<Head>([
      's3api',
      'head-object',
      '--bucket',
      seBucket,
      '--key',
      keys[0]!,
      '--version-id',
      older?.VersionId ?? '',
    ]);
    expect(previous.ServerSideEncryption).toBe('AES256');
    // Some 160 AWS CLI commands and two envelope runs: minutes on a loaded machine.
  }, 240_000);

  it('--engine batch: a job describe-job shows Complete, its report in the bucket', async () => {
    const account = sandbox.handle.world.buckets.get(labSeBucket)?.accountId ?? '';
    writeFileSync(join(dir, 'trust.json'), BATCH_TRUST_POLICY);
    writeFileSync(join(dir, 'copy.json'), batchPermissions(labSeBucket, labSeBucket, keyArn));
    const { Role } = await aws<{ Role: { Arn: string } }>([
      'iam',
      'create-role',
      '--role-name',
      'envelope-batch',
      '--assume-role-policy-document',
      `file://${join(dir, 'trust.json')}`,
    ]);
    await aws([
      'iam',
      'put-role-policy',
      '--role-name',
      'envelope-batch',
      '--policy-name',
      'copy',
      '--policy-document',
      `file://${join(dir, 'copy.json')}`,
    ]);

    const run = await envelope([
      '--bucket',
      labSeBucket,
      '--kms-key',
      'alias/lab-ebs',
      '--engine',
      'batch',
      '--batch-role',
      Role.Arn,
      '--json',
    ]);
    expect(run.code).toBe(0);
    const { result } = JSON.parse(run.stdout) as { result: S3EncryptResult };
    expect(result).toMatchObject({ engine: 'batch', failedCount: 0 });
    expect(result.copied).toBeGreaterThan(0);

    const control = { AWS_ENDPOINT_URL: s3ControlEndpoint(sandbox.endpoint), HTTP_PROXY: sandbox.endpoint };
    const { Job } = await aws<{ Job: { Status: string; Report?: { Bucket?: string; Prefix?: string } } }>(
      ['s3control', 'describe-job', '--account-id', account, '--job-id', result.batchJobId ?? ''],
      control,
    );
    expect(Job.Status).toBe('Complete');
    expect(Job.Report).toMatchObject({ Bucket: `arn:aws:s3:::${labSeBucket}`, Prefix: 'envelope-reports' });
    const reports = await aws<{ Contents?: { Key: string }[] }>([
      's3api',
      'list-objects-v2',
      '--bucket',
      labSeBucket,
      '--prefix',
      `envelope-reports/job-${result.batchJobId ?? ''}/`,
    ]);
    expect(reports.Contents?.map((c) => c.Key)).toContain(
      `envelope-reports/job-${result.batchJobId ?? ''}/manifest.json`,
    );
  }, 120_000);

  it('--dry-run prints the preflight and fails when AWS would refuse a call', async () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['s3:Get*', 's3:List*', 'kms:*', 'iam:SimulatePrincipalPolicy', 'sts:*'],
          Resource: '*',
        },
      ],
    };
    writeFileSync(join(dir, 'read-only.json'), JSON.stringify(policy));
    await aws(['iam', 'create-user', '--user-name', 'cli-read-only']);
    await aws([
      'iam',
      'put-user-policy',
      '--user-name',
      'cli-read-only',
      '--policy-name',
      'read',
      '--policy-document',
      `file://${join(dir, 'read-only.json')}`,
    ]);
    const { AccessKey } = await aws<{ AccessKey: { AccessKeyId: string; SecretAccessKey: string } }>([
      'iam',
      'create-access-key',
      '--user-name',
      'cli-read-only',
    ]);
    const saved = env;
    env = {
      ...env,
      AWS_ACCESS_KEY_ID: AccessKey.AccessKeyId,
      AWS_SECRET_ACCESS_KEY: AccessKey.SecretAccessKey,
    };
    try {
      const dry = await envelope(['--bucket', labSeBucket, '--kms-key', 'alias/lab-ebs', '--dry-run']);
      expect(dry.code).toBe(1);
      expect(dry.stdout).toMatch(/s3:PutObject .* DENIED +IAM simulation/);
      expect(dry.stderr).toMatch(/preflight-denied: AWS would refuse s3:PutObject/);
    } finally {
      env = saved;
    }
  }, 60_000);

  it('refuses a key of another region before anything changes', async () => {
    const run = await envelope([
      '--bucket',
      seBucket,
      '--kms-key',
      keyArn.replace(`:${REGION}:`, ':eu-central-1:'),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /key-in-other-region: .*S3 encrypts an object only with a key of the bucket's region/,
    );
  }, 60_000);
});
