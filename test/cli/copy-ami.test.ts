// `envelope copy-ami` against the avi-lab sandbox, confirmed with the real AWS CLI: bad keys and
// --dry-run create nothing; the CMK refused by its policy names the statement to add; once it is
// added, the public controller AMI is copied to an available AMI whose every snapshot is
// encrypted with the CMK, as describe-images and describe-snapshots report.
import { execFile } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AmiCopyPlanView, CopyResult } from '../../shared/domain/ami-copy';
import { aviLab } from '../../electron/sandbox/scenarios/avi-lab';
import { runAwsCli, withSandbox } from '../helpers/sandbox';
import { envelopeEntry } from './envelope-entry';
import { makeTempDir } from '../helpers/temp-dir';

const bin = envelopeEntry;
const REGION = 'us-west-2';
const sandbox = withSandbox({ scenario: 'avi-lab' });
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  env = {
    ...sandbox.env,
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    ENVELOPE_DATA_DIR: makeTempDir('envelope-cli-data-'),
  };
});

function envelope(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const argv = [bin, 'copy-ami', '--endpoint-url', sandbox.endpoint, ...args];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      argv,
      { env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

async function ownedWorld(): Promise<string[]> {
  const images = await runAwsCli<{ Images: { ImageId: string }[] }>(
    ['ec2', 'describe-images', '--owners', 'self'],
    env,
  );
  const snapshots = await runAwsCli<{ Snapshots: { SnapshotId: string }[] }>(
    ['ec2', 'describe-snapshots', '--owner-ids', 'self'],
    env,
  );
  return [...images.Images.map((i) => i.ImageId), ...snapshots.Snapshots.map((s) => s.SnapshotId)].sort();
}

const image = () => aviLab.ids.controllerImageId;

describe('envelope copy-ami', () => {
  it('fails at once and creates nothing with an asymmetric key or a key pending deletion', async () => {
    const before = await ownedWorld();
    const rsa = await envelope(['--image', image(), '--kms-key', 'alias/avi-rsa', '--json']);
    expect(rsa.code).toBe(1);
    expect(rsa.stderr).toMatch(/RSA_2048.*only symmetric encryption keys/);
    const old = await envelope(['--image', image(), '--kms-key', 'alias/avi-old', '--json']);
    expect(old.code).toBe(1);
    expect(old.stderr).toMatch(
      /alias\/avi-old .* is scheduled for deletion on \d+ [A-Z][a-z]{2} \d{4}, \d\d:\d\d/,
    );
    expect(await ownedWorld()).toEqual(before);
  });

  it('--dry-run prints the plan and changes nothing', async () => {
    const before = await ownedWorld();
    const run = await envelope(['--image', image(), '--dry-run', '--json']);
    expect(run.code).toBe(0);
    const { view } = JSON.parse(run.stdout) as { view: AmiCopyPlanView };
    expect(view.copies[0]?.sourceImageId).toBe(image());
    expect(view.keys[0]?.summary).toMatch(/aws\/ebs/);
    expect(await ownedWorld()).toEqual(before);
  });

  it('copies the controller AMI with the CMK alias once the key policy allows the caller', async () => {
    const refused = await envelope(['--image', image(), '--kms-key', 'alias/avi-cmk', '--json']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(aviLab.ids.cmkArn);
    const statement = JSON.parse(/(\{.*\})\s*$/.exec(refused.stderr)?.[1] ?? '{}') as object;
    const current = await runAwsCli<{ Policy: string }>(
      ['kms', 'get-key-policy', '--key-id', aviLab.ids.cmkArn, '--policy-name', 'default'],
      env,
    );
    const policy = JSON.parse(current.Policy) as { Statement: object[] };
    policy.Statement.push(statement);
    await runAwsCli(
      [
        'kms',
        'put-key-policy',
        '--key-id',
        aviLab.ids.cmkArn,
        '--policy-name',
        'default',
        '--policy',
        JSON.stringify(policy),
      ],
      env,
    );

    const run = await envelope(['--image', image(), '--kms-key', 'alias/avi-cmk', '--json']);
    expect(run.stderr).toMatch(/available 100%/);
    expect(run.code).toBe(0);
    const [job] = JSON.parse(run.stdout) as { state: string; result: CopyResult }[];
    expect(job?.state).toBe('done');
    const newId = job!.result.imageId;

    const described = await runAwsCli<{
      Images: {
        State: string;
        BlockDeviceMappings: { Ebs?: { SnapshotId: string; Encrypted: boolean } }[];
      }[];
    }>(['ec2', 'describe-images', '--image-ids', newId], env);
    expect(described.Images[0]?.State).toBe('available');
    const snapshotIds = described.Images[0]!.BlockDeviceMappings.flatMap((m) =>
      m.Ebs ? [m.Ebs.SnapshotId] : [],
    );
    expect(snapshotIds.length).toBeGreaterThan(0);
    const snapshots = await runAwsCli<{
      Snapshots: { Encrypted: boolean; KmsKeyId: string; State: string }[];
    }>(['ec2', 'describe-snapshots', '--snapshot-ids', ...snapshotIds], env);
    expect(snapshots.Snapshots).toHaveLength(snapshotIds.length);
    for (const s of snapshots.Snapshots)
      expect(s).toMatchObject({ Encrypted: true, KmsKeyId: aviLab.ids.cmkArn, State: 'completed' });
    expect(job!.result.snapshots.map((s) => s.kmsKeyArn)).toEqual(snapshotIds.map(() => aviLab.ids.cmkArn));
  });

  it('a copy whose key is disabled as CopyImage arrives fails plainly: outcome, the key state, partial ids, exit 1', async () => {
    sandbox.control.addFault({
      kind: 'key-state',
      keyId: 'alias/avi-cmk',
      state: 'Disabled',
      service: 'ec2',
      action: 'CopyImage',
    });
    const run = await envelope([
      '--image',
      image(),
      '--kms-key',
      'alias/avi-cmk',
      '--name',
      '{name}-disabled',
      '--json',
    ]);
    sandbox.control.clearFaults();
    expect(run.code).toBe(1);
    const [job] = JSON.parse(run.stdout) as {
      outcome: string;
      error?: { code: string; message: string; hint?: string };
      result?: { partial: boolean; imageId?: string; snapshotIds: string[] };
    }[];
    expect(job?.outcome).toBe('failed');
    expect(job?.error?.code).toBe('copy-failed');
    expect(job?.error?.message).toMatch(/alias\/avi-cmk \(arn:aws:kms:[^)]+\) is Disabled/);
    expect(job?.error?.hint).toMatch(/aws kms enable-key/);
    expect(job?.result?.imageId).toMatch(/^ami-/);
    expect(run.stderr).toMatch(/is Disabled/);
    expect(run.stderr).not.toContain('Something went wrong');
  });
});
