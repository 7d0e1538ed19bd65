// The differential test of the exported bash script (issue H item 6): two identical avi-lab
// sandboxes; a migration plan for the m5.2xlarge controller to alias/lab-ebs is made against A and
// exported as bash, which runs to completion with the real AWS CLI v2 against A; Envelope's own
// executor (`envelope migrate`) runs against B. The END STATES must agree, compared by device and
// attribute (ids differ between runs): instance running, every device present, each device's
// volume encrypted with the same key ARN and the same size/type/IOPS/throughput and user tags,
// DeleteOnTermination the same, the originals still present and detached, two snapshots per
// original (online + final), and the new resources tagged with the same envelope:* keys.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateTagsCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  EC2Client,
  type Tag,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationJournal } from '../../shared/domain/migration';
import { aviLab } from '../../electron/sandbox/scenarios/avi-lab';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';
import { envelopeEntry } from './envelope-entry';
import { makeTempDir } from '../helpers/temp-dir';

const bin = envelopeEntry;
const REGION = 'us-west-2';
// `aws ec2 wait` polls every 15 s of REAL time; at this speed the few hundred milliseconds a CLI
// process takes to start are hours of AWS time, so each wait's first poll normally succeeds.
const SPEED = 200_000;
const [controller] = aviLab.ids.controllerInstanceIds as [string];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

const envFor = (sandbox: TestSandbox, dir: string): NodeJS.ProcessEnv => ({
  ...sandbox.env,
  AWS_REGION: REGION,
  AWS_DEFAULT_REGION: REGION,
  ENVELOPE_DATA_DIR: join(dir, 'data'),
  ENVELOPE_WAIT_DELAY_SECONDS: '0.02',
});

// What a migration leaves behind, without any id that differs between two runs. Read with the SDK
// (a CLI process costs about a second here; the script already spends the CLI's share).
async function endState(sandbox: TestSandbox, originals: Record<string, string>) {
  const ec2 = new EC2Client({ ...sandbox.sdkConfig, region: REGION });
  try {
    const described = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [controller] }));
    const instance = described.Reservations?.[0]?.Instances?.[0];
    const mappings = instance?.BlockDeviceMappings ?? [];
    const volumes = async (ids: string[]) =>
      (await ec2.send(new DescribeVolumesCommand({ VolumeIds: ids }))).Volumes ?? [];
    const attached = await volumes(mappings.map((b) => b.Ebs?.VolumeId ?? ''));
    const before = await volumes(Object.values(originals));
    const snapshots =
      (
        await ec2.send(
          new DescribeSnapshotsCommand({
            OwnerIds: ['self'],
            Filters: [{ Name: 'tag-key', Values: ['envelope:migration'] }],
          }),
        )
      ).Snapshots ?? [];
    const userTags = (tags: Tag[] = []) =>
      Object.fromEntries(
        tags.filter((t) => !t.Key?.startsWith('envelope:')).map((t) => [t.Key ?? '', t.Value ?? '']),
      );
    const devices = Object.fromEntries(
      mappings.map((b) => {
        const device = b.DeviceName ?? '';
        const v = attached.find((x) => x.VolumeId === b.Ebs?.VolumeId);
        const tags = v?.Tags ?? [];
        return [
          device,
          {
            replaced: b.Ebs?.VolumeId !== originals[device],
            deleteOnTermination: b.Ebs?.DeleteOnTermination,
            encrypted: v?.Encrypted,
            kmsKeyId: v?.KmsKeyId,
            size: v?.Size,
            volumeType: v?.VolumeType,
            iops: v?.Iops ?? null,
            throughput: v?.Throughput ?? null,
            state: v?.State,
            attachmentState: v?.Attachments?.[0]?.State,
            fromFinalSnapshot: snapshotStep(sandbox, v?.SnapshotId) === 'snapshot-final',
            userTags: userTags(tags),
            envelopeTags: tags
              .map((t) => t.Key ?? '')
              .filter((k) => k.startsWith('envelope:'))
              .sort(),
            originVolumeTag:
              tags.find((t) => t.Key === 'envelope:origin-volume')?.Value === originals[device],
          },
        ];
      }),
    );
    const originalsAfter = Object.fromEntries(
      Object.entries(originals).map(([device, id]) => {
        const v = before.find((x) => x.VolumeId === id);
        return [
          device,
          {
            present: Boolean(v),
            state: v?.State,
            attachments: v?.Attachments?.length,
            encrypted: v?.Encrypted,
            userTags: userTags(v?.Tags),
          },
        ];
      }),
    );
    const snapshotsPerOriginal = Object.fromEntries(
      Object.entries(originals).map(([device, id]) => [
        device,
        snapshots
          .filter((s) => s.VolumeId === id)
          .map((s) => ({
            step: s.Tags?.find((t) => t.Key === 'envelope:step')?.Value,
            state: s.State,
            encrypted: s.Encrypted,
            originVolumeTag: s.Tags?.find((t) => t.Key === 'envelope:origin-volume')?.Value === id,
          }))
          .sort((x, y) => (x.step ?? '').localeCompare(y.step ?? '')),
      ]),
    );
    return {
      state: instance?.State?.Name,
      devices,
      originals: originalsAfter,
      snapshots: snapshotsPerOriginal,
    };
  } finally {
    ec2.destroy();
  }
}

// The step that took the snapshot a volume was made from (read from the sandbox's world: the
// snapshot id differs between runs, its tags do not).
function snapshotStep(sandbox: TestSandbox, snapshotId: string | undefined): string | undefined {
  return sandbox.handle.world.snapshots.get(snapshotId ?? '')?.tags.find((t) => t.Key === 'envelope:step')
    ?.Value;
}

describe('plan differential: exported bash script vs Envelope executor', () => {
  let a: TestSandbox;
  let b: TestSandbox;
  let dir: string;
  let originals: Record<string, string>;

  beforeAll(async () => {
    [a, b] = await Promise.all([
      startTestSandbox({ scenario: 'avi-lab', speed: SPEED }),
      startTestSandbox({ scenario: 'avi-lab', speed: SPEED }),
    ]);
    dir = makeTempDir('envelope-plan-diff-');
    const instance = a.handle.world.instances.get(controller);
    originals = Object.fromEntries((instance?.blockDevices ?? []).map((d) => [d.deviceName, d.volumeId]));
    // Real volumes carry tags (Name, cost centre); both runs must carry them to the new volumes.
    for (const sandbox of [a, b]) {
      const ec2 = new EC2Client({ ...sandbox.sdkConfig, region: REGION });
      for (const [device, volumeId] of Object.entries(originals)) {
        await ec2.send(
          new CreateTagsCommand({
            Resources: [volumeId],
            Tags: [
              { Key: 'Name', Value: `avi-controller-1 ${device}` },
              { Key: 'cost-center', Value: 'lab' },
            ],
          }),
        );
      }
      ec2.destroy();
    }
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('both end states agree, by device and attribute', async () => {
    expect(Object.keys(originals).sort()).toEqual(['/dev/sda1', '/dev/sdb']);
    expect(b.handle.world.instances.get(controller)?.blockDevices.map((d) => d.volumeId)).toEqual(
      Object.values(originals),
    );
    const envA = envFor(a, join(dir, 'a'));
    const envB = envFor(b, join(dir, 'b'));

    const script = join(dir, 'plan.sh');
    const exported = await run(
      process.execPath,
      [
        bin,
        'plan',
        'export',
        '--endpoint-url',
        a.endpoint,
        '--kind',
        'migration',
        '--instance',
        controller,
        '--kms-key',
        'alias/lab-ebs',
        '--format',
        'bash',
      ],
      envA,
    );
    expect(exported.code, exported.stderr).toBe(0);
    writeFileSync(script, exported.stdout, { mode: 0o755 });
    expect(exported.stdout).toContain('aws ec2 create-volume');

    const home = makeTempDir('envelope-plan-diff-home-');
    const bashEnv: NodeJS.ProcessEnv = {
      ...envA,
      HOME: home,
      AWS_CLI: '/usr/bin/aws',
      AWS_ENDPOINT_URL: a.endpoint,
      AWS_PAGER: '',
    };
    const [scripted, executed] = await Promise.all([
      run('/bin/bash', [script], bashEnv),
      run(
        process.execPath,
        [
          bin,
          'migrate',
          '--endpoint-url',
          b.endpoint,
          '--instance',
          controller,
          '--kms-key',
          'alias/lab-ebs',
          '--json',
        ],
        envB,
      ),
    ]);
    expect(scripted.code, `bash script failed:\n${scripted.stderr}`).toBe(0);
    expect(scripted.stdout).toContain('Done.');
    expect(executed.code, executed.stderr).toBe(0);
    expect((JSON.parse(executed.stdout) as MigrationJournal).status).toBe('verified');

    const [endA, endB] = await Promise.all([endState(a, originals), endState(b, originals)]);
    // Both runs did the migration (not two identical no-ops) ...
    expect(endB.state).toBe('running');
    for (const device of Object.keys(originals)) {
      expect(endB.devices[device]).toMatchObject({
        replaced: true,
        encrypted: true,
        kmsKeyId: aviLab.ids.labKeyArn,
        state: 'in-use',
        attachmentState: 'attached',
        fromFinalSnapshot: true,
        originVolumeTag: true,
        userTags: { Name: `avi-controller-1 ${device}`, 'cost-center': 'lab' },
      });
      expect(endB.originals[device]).toMatchObject({
        present: true,
        state: 'available',
        attachments: 0,
        encrypted: false,
      });
      expect(endB.snapshots[device]?.map((s) => s.step)).toEqual(['snapshot-final', 'snapshot-online']);
    }
    // ... and the script's end state is the executor's, device by device.
    expect(endA).toEqual(endB);
  }, 120_000);
});
