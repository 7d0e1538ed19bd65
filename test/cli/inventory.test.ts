// `envelope inventory --json` against a sandbox reports the same volumes, snapshots, AMIs and keys
// (ids, encryption, key ARNs) as the AWS CLI's describe calls.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Inventory } from '../../shared/domain/inventory';
import { runAwsCli, withSandbox } from '../helpers/sandbox';
import { envelopeEntry } from './envelope-entry';
import { makeTempDir } from '../helpers/temp-dir';

const run = promisify(execFile);
const bin = envelopeEntry;
const REGION = 'us-west-2';
const sandbox = withSandbox({ scenario: 'avi-lab' });

interface CliVolume {
  VolumeId: string;
  Encrypted: boolean;
  KmsKeyId?: string;
}

let inventory: Inventory;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  env = {
    ...sandbox.env,
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    ENVELOPE_DATA_DIR: makeTempDir('envelope-cli-data-'),
  };
  const argv = [bin, 'inventory', '--json', '--endpoint-url', sandbox.endpoint, '--regions', REGION];
  const { stdout } = await run(process.execPath, argv, {
    env,
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  inventory = JSON.parse(stdout) as Inventory;
});

const byId = <T>(items: T[], id: (t: T) => string) => [...items].sort((a, b) => id(a).localeCompare(id(b)));

describe('envelope inventory --json', () => {
  it('reports the same volumes as aws ec2 describe-volumes', async () => {
    const aws = await runAwsCli<{ Volumes: CliVolume[] }>(
      ['ec2', 'describe-volumes', '--region', REGION],
      env,
    );
    const region = inventory.regions.find((r) => r.region === REGION)!;
    expect(region.source).toBe('live');
    expect(byId(region.volumes, (v) => v.id).map((v) => [v.id, v.encrypted, v.kmsKeyId ?? null])).toEqual(
      byId(aws.Volumes, (v) => v.VolumeId).map((v) => [v.VolumeId, v.Encrypted, v.KmsKeyId ?? null]),
    );
  });

  it('reports the same owned snapshots and AMIs as the AWS CLI', async () => {
    const region = inventory.regions.find((r) => r.region === REGION)!;
    const snapshots = await runAwsCli<{
      Snapshots: { SnapshotId: string; Encrypted: boolean; KmsKeyId?: string }[];
    }>(['ec2', 'describe-snapshots', '--owner-ids', 'self', '--region', REGION], env);
    expect(byId(region.snapshots, (s) => s.id).map((s) => [s.id, s.encrypted, s.kmsKeyId ?? null])).toEqual(
      byId(snapshots.Snapshots, (s) => s.SnapshotId).map((s) => [
        s.SnapshotId,
        s.Encrypted,
        s.KmsKeyId ?? null,
      ]),
    );
    const images = await runAwsCli<{ Images: { ImageId: string }[] }>(
      ['ec2', 'describe-images', '--owners', 'self', '--region', REGION],
      env,
    );
    expect(
      region.images
        .filter((i) => i.owned)
        .map((i) => i.id)
        .sort(),
    ).toEqual(images.Images.map((i) => i.ImageId).sort());
  });

  it('reports the same keys as aws kms list-keys', async () => {
    const region = inventory.regions.find((r) => r.region === REGION)!;
    const keys = await runAwsCli<{ Keys: { KeyArn: string }[] }>(
      ['kms', 'list-keys', '--region', REGION],
      env,
    );
    expect(region.keys.map((k) => k.arn).sort()).toEqual(keys.Keys.map((k) => k.KeyArn).sort());
  });
});
