// An s3-encrypt plan's exports: the bash script run with bash and the AWS CLI v2 against the
// sandbox copies every planned object under the key (storage class, metadata and tags kept, the
// older versions still there), and refuses a batch-sized plan before any call; Markdown and HTML
// show the plan view in words.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/create-core';
import type { PlannedObject } from '../../../shared/domain/s3-encrypt';
import type { Plan } from '../../../shared/plans/plan-document';
import { renderPlan } from '../../../shared/plans/render/render-plan';
import { withSandbox } from '../../helpers/sandbox';
import { startWarmAwsCli, type WarmAwsCli } from '../../helpers/warm-aws-cli';
import { makeTempDir } from '../../helpers/temp-dir';
import { s3EncryptPlan } from './s3-encrypt-plan';

const sandbox = withSandbox();
const BUCKET = 'export-local';
const VERSIONS_BUCKET = 'export-versions';
let s3: S3Client;
let core: Core;
// The AWS CLI v2 imported once and forked per command (the scripts run a few dozen).
let cli: WarmAwsCli;
let accountId: string;
let keyArn: string;

beforeAll(async () => {
  s3 = new S3Client(sandbox.s3Config);
  const kms = new KMSClient(sandbox.sdkConfig);
  accountId = (await new STSClient(sandbox.sdkConfig).send(new GetCallerIdentityCommand({}))).Account ?? '';
  keyArn = (await kms.send(new CreateKeyCommand({ Description: 'export target' }))).KeyMetadata?.Arn ?? '';
  for (const Bucket of [BUCKET, VERSIONS_BUCKET]) {
    // ACLs enabled on BUCKET (one of its objects is public-read): a bucket created since April
    // 2023 has them disabled unless CreateBucket says otherwise.
    await s3.send(
      new CreateBucketCommand({ Bucket, ...(Bucket === BUCKET ? { ObjectOwnership: 'ObjectWriter' } : {}) }),
    );
    await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  }
  // Core as the CLI makes it, on this sandbox: its planner writes the plans the app exports.
  core = await createCore({
    dataDir: makeTempDir('s3-encrypt-export-core-'),
    version: 'test',
    shell: 'cli',
    sandbox: {
      ensureStarted: () => Promise.resolve({ ...sandbox.credentials, endpoint: sandbox.endpoint }),
      stop: () => Promise.resolve(),
    },
  });
  await core.accounts.select('sandbox', sandbox.credentials.region, { persist: false });
  cli = await startWarmAwsCli(makeTempDir('s3-encrypt-export-cli-'));
});

afterAll(async () => {
  cli?.stop();
  await core?.dispose();
});

// Puts two versions of each key (SSE-S3, the default) and reads the current one as the planner
// does (HeadObject).
async function putAndList(keys: readonly string[]): Promise<PlannedObject[]> {
  const planned: PlannedObject[] = [];
  for (const [i, key] of keys.entries()) {
    const storageClass = i % 2 === 0 ? 'STANDARD_IA' : 'STANDARD';
    for (const body of ['first', `second ${key}`])
      await s3.send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key: key,
          Body: body,
          StorageClass: storageClass,
          Metadata: { owner: 'lab' },
          Tagging: 'team=net',
          ContentType: 'text/plain',
          // The first key is readable by everyone: the script grants it again on the copy.
          ...(i === 0 ? { ACL: 'public-read' as const } : {}),
        }),
      );
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    planned.push({
      key,
      ...(head.VersionId ? { versionId: head.VersionId } : {}),
      size: head.ContentLength ?? 0,
      storageClass,
      encryption: 'sse-s3',
      ...(head.ETag ? { etag: head.ETag } : {}),
    });
  }
  return planned;
}

interface ScriptRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  // Each AWS CLI command's arguments, one line each.
  readonly commands: string[];
}

// Runs the script with bash; AWS_CLI is a wrapper that logs each command and runs the AWS CLI v2
// (warm; a plain `aws` on PATH may be v1). The script passes AWS_ENDPOINT_URL as --endpoint-url.
function runBash(plan: Plan): Promise<ScriptRun> {
  const dir = makeTempDir('s3-encrypt-bash-');
  const file = join(dir, 'plan.sh');
  const log = join(dir, 'commands.log');
  const wrapper = join(dir, 'aws');
  writeFileSync(file, renderPlan(plan, 'bash').text);
  writeFileSync(log, '');
  writeFileSync(wrapper, `#!/bin/bash\nprintf '%s\\n' "$*" >> '${log}'\n${cli.command} "$@"\n`, {
    mode: 0o755,
  });
  const env = { ...sandbox.env, ...cli.env, AWS_CLI: wrapper };
  return new Promise((resolve) => {
    execFile('bash', [file], { env, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({
        code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
        stdout,
        stderr,
        commands: readFileSync(log, 'utf8').split('\n').filter(Boolean),
      }),
    );
  });
}

describe('the s3-encrypt bash export', () => {
  it('copies every planned object under the key, keeping class, metadata, tags and old versions', async () => {
    const keys = ['se/a.bin', "se/it's here.txt", 'se/deep/c d.bin', 'se/ü.bin', '-looks-like-an-option'];
    const objects = await putAndList(keys);
    const plan = await s3EncryptPlan({
      accountId,
      region: sandbox.credentials.region,
      bucket: BUCKET,
      keyArn,
      objects,
    });
    const run = await runBash(plan);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`[5/5] s3://${BUCKET}/`);
    expect(run.stdout).toContain('Copied 5 of 5 objects');
    // An S3 plan asks nothing of EC2 (its bucket is checked instead).
    expect(run.commands.join('\n')).not.toContain(' ec2 ');
    const copies = run.commands.filter((c) => c.includes('s3api copy-object'));
    expect(copies).toHaveLength(5);
    for (const [i, copy] of copies.entries()) {
      expect(copy).toContain(`--copy-source=${BUCKET}/${keys[i]}?versionId=${objects[i]?.versionId}`);
      expect(copy).toContain(`--copy-source-if-match=${objects[i]?.etag}`);
      expect(copy).toContain(`--storage-class ${objects[i]?.storageClass}`);
    }
    // The public object's ACL is granted again (a copy is private otherwise); the others get none.
    expect(copies[0]).toContain('--grant-read uri=http://acs.amazonaws.com/groups/global/AllUsers');
    expect(copies[0]).toMatch(/--grant-full-control id=\w+/);
    expect(copies.slice(1).join('\n')).not.toContain('--grant');

    for (const [i, key] of keys.entries()) {
      const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
      expect(head).toMatchObject({
        ServerSideEncryption: 'aws:kms',
        SSEKMSKeyId: keyArn,
        BucketKeyEnabled: true,
        Metadata: { owner: 'lab' },
        ContentType: 'text/plain',
      });
      expect(head.StorageClass).toBe(i % 2 === 0 ? 'STANDARD_IA' : undefined);
      const tags = await s3.send(new GetObjectTaggingCommand({ Bucket: BUCKET, Key: key }));
      expect(tags.TagSet).toEqual([{ Key: 'team', Value: 'net' }]);
      const versions = await s3.send(new ListObjectVersionsCommand({ Bucket: BUCKET, Prefix: key }));
      expect(versions.Versions?.filter((v) => v.Key === key)).toHaveLength(3);
    }
  }, 120_000);

  it("runs the planner's plan with every version: copies oldest first, then deletes the originals", async () => {
    const keys = ['v/a.bin', 'v/b.bin'];
    for (const key of keys)
      for (const body of ['old', 'new'])
        await s3.send(new PutObjectCommand({ Bucket: VERSIONS_BUCKET, Key: key, Body: `${body} ${key}` }));
    const before = await s3.send(new ListObjectVersionsCommand({ Bucket: VERSIONS_BUCKET }));
    const originals = (before.Versions ?? []).map((v) => v.VersionId);
    expect(originals).toHaveLength(4);
    const { plan } = await core.s3Encrypt.plan({
      bucket: VERSIONS_BUCKET,
      kmsKeyRef: keyArn,
      includeVersions: true,
      engine: 'local',
    });

    const run = await runBash(plan);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Copied 4 of 4 objects');
    expect(run.commands.filter((c) => c.includes('s3api delete-object'))).toHaveLength(4);
    const after = await s3.send(new ListObjectVersionsCommand({ Bucket: VERSIONS_BUCKET }));
    const versions = after.Versions ?? [];
    expect(versions).toHaveLength(4);
    expect(versions.filter((v) => originals.includes(v.VersionId))).toEqual([]);
    for (const v of versions) {
      const head = await s3.send(
        new HeadObjectCommand({ Bucket: VERSIONS_BUCKET, Key: v.Key, VersionId: v.VersionId }),
      );
      expect(head).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyArn });
    }
    // The history keeps its order: the current version is the copy of the newest.
    for (const key of keys) {
      const current = await s3.send(new GetObjectCommand({ Bucket: VERSIONS_BUCKET, Key: key }));
      expect(await current.Body?.transformToString()).toBe(`new ${key}`);
    }
  }, 120_000);

  it('refuses a batch-sized plan before any AWS call and points to the s3-batch-job export', async () => {
    const plan = await s3EncryptPlan({
      accountId,
      region: sandbox.credentials.region,
      bucket: 'no-such-bucket-here',
      keyArn,
      objects: [],
      engine: 'batch',
    });
    const script = renderPlan(plan, 'bash').text;
    expect(script).toContain('# REFUSED');
    expect(script).not.toMatch(/^aws /m);
    const run = await runBash(plan);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('S3 Batch Operations');
    expect(run.stderr).toContain('--format s3-batch-job');
  });
});

describe('the s3-encrypt Markdown and HTML exports', () => {
  const words = [
    'Objects by encryption',
    'SSE-S3 (S3 managed keys)',
    'To copy: 2 objects',
    'S3 Bucket Key on',
    'What changes',
    'A new version of each object',
    'Skipped, and why',
    '1 object: SSE-C',
    'se/secret.bin',
    'Requests and cost (an estimate)',
    'CopyObject',
    'Estimated cost: about $0.01',
    'Envelope copies the objects itself (local engine)',
    'Above 10,000 objects or 100.0 GiB',
  ];

  it('show the view in words', async () => {
    const plan = await s3EncryptPlan({
      accountId: '123456789012',
      region: 'us-east-1',
      bucket: BUCKET,
      keyArn: 'arn:aws:kms:us-east-1:123456789012:key/abc',
      objects: [],
      view: {
        skipped: {
          count: 1,
          byReason: { 'sse-c': 1 },
          samples: [{ key: 'se/secret.bin', reason: 'sse-c', detail: 'encrypted with a customer key' }],
        },
      },
    });
    const md = renderPlan(plan, 'md').text;
    const html = renderPlan(plan, 'html').text;
    for (const w of words) {
      expect(md).toContain(w);
      expect(html).toContain(w.replace(/'/g, '&#39;'));
    }
    expect(md).toContain('| SSE-S3 (S3 managed keys) | 2 | 300 bytes |');
  });

  it('show the batch role and its policies for a batch plan', async () => {
    const plan = await s3EncryptPlan({
      accountId: '123456789012',
      region: 'us-east-1',
      bucket: BUCKET,
      keyArn: 'arn:aws:kms:us-east-1:123456789012:key/abc',
      objects: [],
      engine: 'batch',
    });
    const md = renderPlan(plan, 'md').text;
    expect(md).toContain('Role for S3 Batch Operations');
    expect(md).toContain('arn:aws:iam::123456789012:role/batch (ok): the role can run the job');
    expect(md).toContain('batchoperations.s3.amazonaws.com');
    expect(renderPlan(plan, 'html').text).toContain('S3 Batch Operations copies the objects (batch engine)');
  });
});
