// The replace strategy through the real command and the real AWS CLI against avi-lab: `migrate
// --strategy replace` stops once the replacement of the first controller runs (encrypted with
// alias/lab-ebs, like the original in type, subnet, security groups, profile, key pair and
// tags) and the original still runs; `--confirm` stops the original and finishes. The exported
// bash script does the same with the AWS CLI v2 alone, asking at the terminal before the stop.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MigrationJournal } from '../../shared/domain/migration';
import { aviLab } from '../../electron/sandbox/scenarios/avi-lab';
import { runAwsCli, withSandbox } from '../helpers/sandbox';
import { envelopeEntry } from './envelope-entry';
import { makeTempDir } from '../helpers/temp-dir';

const bin = envelopeEntry;
const REGION = 'us-west-2';
// The script's `aws ec2 wait` polls every 15 s of real time: at this speed its first poll succeeds.
const sandbox = withSandbox({ scenario: 'avi-lab', speed: 200_000 });
const [c1, c2] = aviLab.ids.controllerInstanceIds as [string, string];
let env: NodeJS.ProcessEnv;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function run(
  file: string,
  args: string[],
  extraEnv: NodeJS.ProcessEnv = {},
  input?: string,
): Promise<Result> {
  return new Promise((resolve) => {
    const child = execFile(
      file,
      args,
      { env: { ...env, ...extraEnv }, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input ?? '');
  });
}

const envelope = (args: string[]) =>
  run(process.execPath, [bin, ...args, '--endpoint-url', sandbox.endpoint]);

interface DescribedInstance {
  InstanceId: string;
  State: { Name: string };
  InstanceType: string;
  SubnetId: string;
  KeyName?: string;
  IamInstanceProfile?: { Arn: string };
  SecurityGroups: { GroupId: string }[];
  Tags?: { Key: string; Value: string }[];
  BlockDeviceMappings: { DeviceName: string; Ebs: { VolumeId: string } }[];
}

async function describe1(instanceId: string): Promise<DescribedInstance> {
  const out = await runAwsCli<{ Reservations: { Instances: DescribedInstance[] }[] }>(
    ['ec2', 'describe-instances', '--instance-ids', instanceId, '--region', REGION],
    env,
  );
  return out.Reservations[0]!.Instances[0]!;
}

async function replacementOf(instanceId: string): Promise<DescribedInstance> {
  const out = await runAwsCli<{ Reservations: { Instances: DescribedInstance[] }[] }>(
    [
      'ec2',
      'describe-instances',
      '--region',
      REGION,
      '--filters',
      `Name=tag:envelope:replaces,Values=${instanceId}`,
      'Name=instance-state-name,Values=running',
    ],
    env,
  );
  const found = out.Reservations.flatMap((r) => r.Instances);
  expect(found).toHaveLength(1);
  return found[0]!;
}

async function expectLike(original: DescribedInstance, replacement: DescribedInstance) {
  const userTags = (i: DescribedInstance) =>
    (i.Tags ?? []).filter((t) => !t.Key.startsWith('envelope:')).sort((a, b) => a.Key.localeCompare(b.Key));
  expect(replacement.InstanceType).toBe(original.InstanceType);
  expect(replacement.SubnetId).toBe(original.SubnetId);
  expect(replacement.KeyName).toBe(original.KeyName);
  expect(replacement.IamInstanceProfile?.Arn).toBe(original.IamInstanceProfile?.Arn);
  expect(replacement.SecurityGroups).toEqual(original.SecurityGroups);
  expect(userTags(replacement)).toEqual(userTags(original));
  expect(replacement.BlockDeviceMappings.map((b) => b.DeviceName)).toEqual(
    original.BlockDeviceMappings.map((b) => b.DeviceName),
  );
  const volumes = await runAwsCli<{ Volumes: { Encrypted: boolean; KmsKeyId: string }[] }>(
    [
      'ec2',
      'describe-volumes',
      '--region',
      REGION,
      '--volume-ids',
      ...replacement.BlockDeviceMappings.map((b) => b.Ebs.VolumeId),
    ],
    env,
  );
  expect(volumes.Volumes.map((v) => [v.Encrypted, v.KmsKeyId])).toEqual(
    replacement.BlockDeviceMappings.map(() => [true, aviLab.ids.labKeyArn]),
  );
}

beforeAll(() => {
  const dir = makeTempDir('envelope-replace-cli-');
  env = {
    ...sandbox.env,
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    ENVELOPE_DATA_DIR: join(dir, 'data'),
    ENVELOPE_WAIT_DELAY_SECONDS: '0.02',
    HOME: dir,
  };
});

describe('envelope migrate --strategy replace', () => {
  it('waits for --confirm with the replacement running, then stops the original', async () => {
    const original = await describe1(c1);
    const first = await envelope([
      'migrate',
      '--strategy',
      'replace',
      '--instance',
      c1,
      '--kms-key',
      'alias/lab-ebs',
      '--json',
    ]);
    expect(first.code, first.stderr).toBe(0);
    const paused = JSON.parse(first.stdout) as MigrationJournal;
    expect(paused.status).toBe('awaiting-confirmation');
    expect((await describe1(c1)).State.Name).toBe('running');
    const replacement = await replacementOf(c1);
    expect(replacement.InstanceId).toBe(paused.instances[0]?.replace?.replacementInstanceId);
    await expectLike(original, replacement);

    const table = await envelope(['migrate', '--list']);
    expect(table.stdout).toMatch(new RegExp(`${paused.id}\\s+Waiting for your confirmation\\s+replace`));
    const confirmed = await envelope(['migrate', '--confirm', paused.id, '--json']);
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect((JSON.parse(confirmed.stdout) as MigrationJournal).status).toBe('verified');
    expect((await describe1(c1)).State.Name).toBe('stopped');
    expect((await describe1(replacement.InstanceId)).State.Name).toBe('running');
    const again = await envelope(['migrate', '--confirm', paused.id]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/no instance is waiting for a confirmation/);
  });

  it('exports a bash script that the AWS CLI v2 runs to the same end, asking before the stop', async () => {
    const original = await describe1(c2);
    const exported = await envelope([
      'plan',
      'export',
      '--kind',
      'migration',
      '--strategy',
      'replace',
      '--instance',
      c2,
      '--kms-key',
      'alias/lab-ebs',
      '--format',
      'bash',
    ]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('aws ec2 copy-image');
    const script = join(env.HOME ?? tmpdir(), 'replace.sh');
    writeFileSync(script, exported.stdout, { mode: 0o755 });
    const bash = { AWS_CLI: '/usr/bin/aws', AWS_ENDPOINT_URL: sandbox.endpoint, AWS_PAGER: '' };
    // The person at the terminal presses Enter at the confirmation prompt.
    const answered = await run('/bin/bash', [script], bash, '\n');
    expect(answered.code, answered.stderr).toBe(0);
    expect(answered.stdout).toContain('Done.');
    expect((await describe1(c2)).State.Name).toBe('stopped');
    await expectLike(original, await replacementOf(c2));
  });
});
