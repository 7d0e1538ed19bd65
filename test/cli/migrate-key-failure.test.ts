// The check through the real command: `envelope migrate … --json` on avi-lab with a sandbox
// fault that disables the key mid-run (when the migration stops the instance, so EC2 accepts the
// encrypted volumes and then drops them) ends with the instance running on its original volumes,
// a message that names the key's state, the outcome in the JSON and a non-zero exit. The same with
// the key scheduled for deletion just before the start (the start falls back to stopped).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationJournal } from '../../shared/domain/migration';
import { aviLab } from '../../electron/sandbox/scenarios/avi-lab';
import { runAwsCli, withSandbox } from '../helpers/sandbox';
import { envelopeEntry } from './envelope-entry';

const bin = envelopeEntry;
const REGION = 'us-west-2';
const sandbox = withSandbox({ scenario: 'avi-lab', speed: 1000 });
const instanceId = aviLab.ids.controllerInstanceIds[0]!;
let env: NodeJS.ProcessEnv;
let dataDir: string;

interface Ended extends MigrationJournal {
  outcome: string;
  exitCode: number;
  error?: { code: string; message: string; hint?: string };
  next: { verb: string; cli: string }[];
}

function envelope(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
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

async function devices(): Promise<{ state: string; devices: Record<string, string> }> {
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

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'envelope-migrate-key-'));
  env = {
    ...sandbox.env,
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    ENVELOPE_DATA_DIR: dataDir,
    ENVELOPE_WAIT_DELAY_SECONDS: '0.02',
  };
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('envelope migrate with the key made unusable mid-run', () => {
  for (const [state, action, words] of [
    ['Disabled', 'StopInstances', /alias\/lab-ebs \(arn:aws:kms:[^)]+\) is Disabled/],
    ['PendingDeletion', 'StartInstances', /alias\/lab-ebs \(arn:aws:kms:[^)]+\) is PendingDeletion/],
  ] as const) {
    it(`rolls back to the originals, names the key ${state}, and exits 2 (key changed at ${action})`, async () => {
      sandbox.control.reset();
      const before = await devices();
      expect(before.state).toBe('running');
      sandbox.control.addFault({
        kind: 'key-state',
        keyId: 'alias/lab-ebs',
        state,
        service: 'ec2',
        action,
      });
      const result = await envelope(['--instance', instanceId, '--kms-key', 'alias/lab-ebs', '--json']);
      expect(result.code).toBe(2);
      const ended = JSON.parse(result.stdout) as Ended;
      expect(ended.status).toBe('rolled-back');
      expect(ended.outcome).toBe('rolled-back');
      expect(ended.exitCode).toBe(2);
      expect(ended.error?.code).toBe('key-not-usable');
      expect(ended.error?.message).toMatch(words);
      expect(ended.error?.hint).toMatch(/aws kms (enable-key|cancel-key-deletion)/);
      expect(ended.next.map((n) => n.verb)).toContain('migrate-again');
      expect(result.stderr).toMatch(words);
      expect(result.stderr).not.toContain('Something went wrong');
      expect(await devices()).toEqual(before);
    });
  }
});
