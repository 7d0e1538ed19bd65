// The check, through the real command and the real AWS CLI against avi-lab: a controller
// migrated to alias/avi-cmk (after adding the EBS statement the scenario leaves out on purpose)
// ends running with every volume under that CMK on the same devices and the originals present;
// a run killed with SIGKILL mid-way completes with --resume; --rollback restores the originals;
// the unmodified CMK is refused before anything changes, while the previous-generation m2.4xlarge
// controller plans like the others (every instance type supports EBS encryption).
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { KMSClient } from '@aws-sdk/client-kms';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MigrationJournal } from '../../shared/domain/migration';
import { aviLab } from '../../electron/sandbox/scenarios/avi-lab';
import { runAwsCli, withSandbox } from '../helpers/sandbox';
import { allowEbsOn } from '../core/migration/harness';
import { envelopeEntry } from './envelope-entry';
import { makeTempDir } from '../helpers/temp-dir';

const bin = envelopeEntry;
const REGION = 'us-west-2';
const sandbox = withSandbox({ scenario: 'avi-lab', speed: 1000 });
const [c1, c2, c3] = aviLab.ids.controllerInstanceIds as [string, string, string];
let env: NodeJS.ProcessEnv;
let dataDir: string;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function envelope(args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, 'migrate', '--endpoint-url', sandbox.endpoint, ...args],
      { env, timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

async function devices(instanceId: string): Promise<{ state: string; devices: Record<string, string> }> {
  const out = await runAwsCli<{
    Reservations: {
      Instances: {
        State: { Name: string };
        BlockDeviceMappings: { DeviceName: string; Ebs: { VolumeId: string } }[];
      }[];
    }[];
  }>(['ec2', 'describe-instances', '--instance-ids', instanceId, '--region', REGION], env);
  const instance = out.Reservations[0]!.Instances[0]!;
  return {
    state: instance.State.Name,
    devices: Object.fromEntries(instance.BlockDeviceMappings.map((b) => [b.DeviceName, b.Ebs.VolumeId])),
  };
}

async function volumes(ids: string[]) {
  const out = await runAwsCli<{
    Volumes: { VolumeId: string; State: string; Encrypted: boolean; KmsKeyId?: string }[];
  }>(['ec2', 'describe-volumes', '--volume-ids', ...ids, '--region', REGION], env);
  return out.Volumes;
}

beforeAll(() => {
  dataDir = makeTempDir('envelope-migrate-cli-');
  env = {
    ...sandbox.env,
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    ENVELOPE_DATA_DIR: dataDir,
    ENVELOPE_WAIT_DELAY_SECONDS: '0.02',
  };
});

describe('envelope migrate', () => {
  it('refuses the CMK without the EBS statement, changing nothing; plans the m2.4xlarge controller', async () => {
    const refused = await envelope(['--instance', c1, '--kms-key', 'alias/avi-cmk', '--json']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('kms:ViaService');
    expect((await devices(c1)).state).toBe('running');
    // EBS user guide, "Supported instance types": every current and previous generation type.
    const old = await envelope(['--instance', c3, '--kms-key', 'alias/aws/ebs', '--dry-run', '--json']);
    expect(old.code).toBe(0);
    expect(old.stderr).not.toContain('does not support encrypted');
  });

  it('--dry-run prints the sealed plan and changes nothing', async () => {
    const before = await devices(c1);
    const result = await envelope(['--instance', c1, '--kms-key', 'alias/aws/ebs', '--dry-run', '--json']);
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout) as {
      sha256: string;
      steps: unknown[];
      rollback: unknown[];
      expectedDowntimeSeconds: number;
    };
    expect(plan.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(plan.rollback.length).toBeGreaterThan(0);
    expect(plan.expectedDowntimeSeconds).toBeGreaterThan(0);
    expect(await devices(c1)).toEqual(before);
  });

  it('migrates a controller to the CMK alias; the AWS CLI confirms', async () => {
    await allowEbsOn(new KMSClient(sandbox.sdkConfig), aviLab.ids.cmkArn, REGION);
    const before = await devices(c1);
    const result = await envelope(['--instance', c1, '--kms-key', 'alias/avi-cmk', '--json']);
    expect(result.code).toBe(0);
    const journal = JSON.parse(result.stdout) as MigrationJournal;
    expect(journal.status).toBe('verified');
    const after = await devices(c1);
    expect(after.state).toBe('running');
    expect(Object.keys(after.devices).sort()).toEqual(Object.keys(before.devices).sort());
    for (const v of await volumes(Object.values(after.devices))) {
      expect(v.Encrypted).toBe(true);
      expect(v.KmsKeyId).toBe(aviLab.ids.cmkArn);
    }
    const originals = await volumes(Object.values(before.devices));
    expect(originals).toHaveLength(Object.keys(before.devices).length);
    expect(originals.every((v) => !v.Encrypted && v.State === 'available')).toBe(true);
  });

  it('completes with --resume after SIGKILL, then --rollback restores the originals', async () => {
    const before = await devices(c2);
    const child = spawn(
      process.execPath,
      [
        bin,
        'migrate',
        '--endpoint-url',
        sandbox.endpoint,
        '--instance',
        c2,
        '--kms-key',
        'alias/avi-cmk',
        '--json',
      ],
      {
        env,
        stdio: 'ignore',
      },
    );
    const journalDir = join(dataDir, 'migrations');
    const known = new Set(existsSync(journalDir) ? readdirSync(journalDir) : []);
    let id: string | undefined;
    // Kill once the journal shows the instance stopping (a few steps in, inside the downtime window).
    for (let i = 0; i < 2000 && child.exitCode === null; i++) {
      await new Promise((r) => setTimeout(r, 10));
      const file = existsSync(journalDir)
        ? readdirSync(journalDir).find((f) => f.endsWith('.json') && !known.has(f))
        : undefined;
      if (!file) continue;
      id = file.replace(/\.json$/, '');
      try {
        const journal = JSON.parse(readFileSync(join(journalDir, file), 'utf8')) as MigrationJournal;
        if ((journal.instances[0]?.steps.length ?? 0) >= 3) break;
      } catch {
        // Caught between the write and the rename: read again.
      }
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(id).toBeDefined();
    const killed = JSON.parse(readFileSync(join(journalDir, `${id!}.json`), 'utf8')) as MigrationJournal;
    expect(killed.status).toBe('running');

    const resumed = await envelope(['--resume', id!, '--json']);
    expect(resumed.code).toBe(0);
    expect((JSON.parse(resumed.stdout) as MigrationJournal).status).toBe('verified');
    const after = await devices(c2);
    expect(after.state).toBe('running');
    for (const v of await volumes(Object.values(after.devices))) expect(v.KmsKeyId).toBe(aviLab.ids.cmkArn);

    const rolledBack = await envelope(['--rollback', id!, '--json']);
    expect(rolledBack.code).toBe(0);
    expect((JSON.parse(rolledBack.stdout) as MigrationJournal).status).toBe('rolled-back');
    expect(await devices(c2)).toEqual(before);
  });
});
