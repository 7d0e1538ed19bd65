// The check: on avi-lab the AWS CLI's `ec2 describe-images` shows no KmsKeyId in any block
// device (as AWS answers: EbsBlockDevice.KmsKeyId is for RunInstances/RequestSpotInstances only),
// while `envelope inventory --json` gives each encrypted AMI block device its key ARN, read from
// the snapshots.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inventory } from '../../shared/domain/inventory';
import type { Plan, PlanStep } from '../../shared/plans/plan-document';
import { otherSteps } from '../../shared/plans/render/bash-other';
import { aviLab } from '../../electron/sandbox/scenarios/avi-lab';
import { runAwsCli, withSandbox } from '../helpers/sandbox';
import { envelopeEntry } from './envelope-entry';

const run = promisify(execFile);
const bin = envelopeEntry;
const REGION = 'us-west-2';
const sandbox = withSandbox({ scenario: 'avi-lab' });

interface CliImage {
  ImageId: string;
  BlockDeviceMappings: { DeviceName: string; Ebs?: Record<string, unknown> }[];
}

let env: NodeJS.ProcessEnv;
let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'envelope-cli-data-'));
  env = { ...sandbox.env, AWS_REGION: REGION, AWS_DEFAULT_REGION: REGION, ENVELOPE_DATA_DIR: dataDir };
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('AMI keys: AWS CLI vs envelope inventory on avi-lab', () => {
  it('describe-images has no KmsKeyId; the inventory gives each encrypted device its key ARN', async () => {
    const aws = await runAwsCli<{ Images: CliImage[] }>(
      ['ec2', 'describe-images', '--owners', 'self', '--region', REGION],
      env,
    );
    const devices = aws.Images.flatMap((i) =>
      i.BlockDeviceMappings.map((m) => ({ image: i.ImageId, ebs: m.Ebs })),
    );
    const encrypted = devices.filter((d) => d.ebs?.Encrypted === true);
    expect(encrypted.length).toBeGreaterThanOrEqual(5);
    for (const d of devices) expect(d.ebs ?? {}).not.toHaveProperty('KmsKeyId');

    const snapshots = await runAwsCli<{ Snapshots: { SnapshotId: string; KmsKeyId?: string }[] }>(
      [
        'ec2',
        'describe-snapshots',
        '--snapshot-ids',
        ...encrypted.map((d) => String(d.ebs?.SnapshotId)),
        '--region',
        REGION,
      ],
      env,
    );
    const keyOf = new Map(snapshots.Snapshots.map((s) => [s.SnapshotId, s.KmsKeyId]));

    const argv = [bin, 'inventory', '--json', '--endpoint-url', sandbox.endpoint, '--regions', REGION];
    const { stdout } = await run(process.execPath, argv, {
      env,
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const region = (JSON.parse(stdout) as Inventory).regions.find((r) => r.region === REGION);
    expect(region?.errors).toEqual([]);
    for (const d of encrypted) {
      const image = region?.images.find((i) => i.id === d.image);
      const device = image?.blockDevices.find((b) => b.snapshotId === d.ebs?.SnapshotId);
      expect(device?.encrypted).toBe(true);
      expect(device?.kmsKeyId).toMatch(/^arn:aws:kms:us-west-2:\d{12}:key\//);
      expect(device?.kmsKeyId).toBe(keyOf.get(String(d.ebs?.SnapshotId)));
    }
  });

  it('the exported AMI copy check reads the key from the snapshots, so a right copy passes and a wrong key fails', async () => {
    const imageId = aviLab.ids.seImageIds[0]!;
    const snapshot = sandbox.handle.world.snapshots.get(aviLab.ids.seSnapshotIds[0]!);
    const verify = (kmsKeyArn: string): PlanStep => ({
      id: 'copy-1-verify',
      title: 'Verify every snapshot of the copy is encrypted with the plan key',
      action: 'envelope:verify',
      region: REGION,
      params: { kmsKeyArn },
      dependsOn: [],
      phase: 'verify',
      estimatedSeconds: 1,
    });
    const runVerify = async (kmsKeyArn: string) => {
      const lines = otherSteps({ steps: [verify(kmsKeyArn)] } as unknown as Plan);
      const script = [`IMAGE_copy_1=${imageId}`, ...lines].join('\n');
      return run('bash', ['-c', script], { env, timeout: 60_000 }).then(
        () => ({ code: 0, stderr: '' }),
        (e: { code?: number; stderr?: string }) => ({ code: e.code ?? -1, stderr: e.stderr ?? '' }),
      );
    };
    expect(snapshot?.kmsKeyArn).toMatch(/^arn:aws:kms:/);
    expect(await runVerify(snapshot!.kmsKeyArn!)).toEqual({ code: 0, stderr: '' });
    const wrong = await runVerify(aviLab.ids.cmkArn);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`${imageId}: snapshot(s) not encrypted with the plan key`);
  });
});
