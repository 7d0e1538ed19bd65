// Issue N's Check through the real command and the AWS CLI v2 against avi-lab: a user whose policy
// allows everything but ec2:AttachVolume, made with `aws iam`, and its access key. With those
// credentials `envelope migrate --dry-run` names AttachVolume as denied (with the decoded reason);
// without --dry-run it refuses to start, exits non-zero, and the instance still runs with no new
// snapshot. The avi-lab-operator role, assumed, is refused the same way.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Preflight } from '../../shared/domain/preflight';
import { aviLab } from '../../electron/sandbox/scenarios/avi-lab';
import { runAwsCli, withSandbox } from '../helpers/sandbox';
import { observableState } from '../core/preflight/observable-state';
import { envelopeEntry } from './envelope-entry';

const bin = envelopeEntry;
const REGION = 'us-west-2';
const sandbox = withSandbox({ scenario: 'avi-lab', speed: 1000 });
const controller = aviLab.ids.controllerInstanceIds[0] ?? '';
let dataDir: string;
let userEnv: NodeJS.ProcessEnv;

function envelope(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [bin, 'migrate', '--endpoint-url', sandbox.endpoint, ...args],
      { env, timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

async function snapshotsOf(env: NodeJS.ProcessEnv): Promise<string[]> {
  const out = await runAwsCli<{ Snapshots: { SnapshotId: string }[] }>(
    ['ec2', 'describe-snapshots', '--owner-ids', 'self', '--region', REGION],
    env,
  );
  return out.Snapshots.map((s) => s.SnapshotId).sort();
}

async function stateOf(instanceId: string, env: NodeJS.ProcessEnv): Promise<string> {
  const out = await runAwsCli<{ Reservations: { Instances: { State: { Name: string } }[] }[] }>(
    ['ec2', 'describe-instances', '--instance-ids', instanceId, '--region', REGION],
    env,
  );
  return out.Reservations[0]?.Instances[0]?.State.Name ?? '';
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'envelope-preflight-cli-'));
  const admin = { ...sandbox.env, AWS_REGION: REGION, AWS_DEFAULT_REGION: REGION };
  await runAwsCli(['iam', 'create-user', '--user-name', 'no-attach'], admin);
  await runAwsCli(
    [
      'iam',
      'put-user-policy',
      '--user-name',
      'no-attach',
      '--policy-name',
      'all-but-attach',
      '--policy-document',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', NotAction: 'ec2:AttachVolume', Resource: '*' }],
      }),
    ],
    admin,
  );
  const key = await runAwsCli<{ AccessKey: { AccessKeyId: string; SecretAccessKey: string } }>(
    ['iam', 'create-access-key', '--user-name', 'no-attach'],
    admin,
  );
  userEnv = {
    ...admin,
    AWS_ACCESS_KEY_ID: key.AccessKey.AccessKeyId,
    AWS_SECRET_ACCESS_KEY: key.AccessKey.SecretAccessKey,
    ENVELOPE_DATA_DIR: dataDir,
    ENVELOPE_WAIT_DELAY_SECONDS: '0.02',
  };
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// Each test runs the envelope CLI and the AWS CLI several times: a generous bound, not a wait.
describe('envelope migrate preflight (issue N, Check)', { timeout: 180_000 }, () => {
  it('--dry-run names AttachVolume as denied, with the decoded reason, and changes nothing', async () => {
    const before = await observableState(sandbox.handle);
    const table = await envelope(
      ['--instance', controller, '--kms-key', 'alias/lab-ebs', '--dry-run'],
      userEnv,
    );
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/ec2:AttachVolume.*DENIED/);
    const json = await envelope(
      ['--instance', controller, '--kms-key', 'alias/lab-ebs', '--dry-run', '--json'],
      userEnv,
    );
    const plan = JSON.parse(json.stdout) as { preflight: Preflight };
    const denied = plan.preflight.rows.filter((r) => r.result === 'denied');
    expect(denied.map((r) => r.call)).toEqual(['ec2:AttachVolume']);
    expect(denied[0]).toMatchObject({
      method: 'dry-run',
      reason: expect.stringContaining('no policy allows ec2:AttachVolume') as unknown,
    });
    expect(plan.preflight.rows.filter((r) => r.result === 'could-not-check')).toEqual([]);
    expect(await observableState(sandbox.handle)).toBe(before);
  });

  it('without --dry-run it refuses to start, exits non-zero, and the instance runs with no new snapshot', async () => {
    const snapshots = await snapshotsOf(userEnv);
    const run = await envelope(['--instance', controller, '--kms-key', 'alias/lab-ebs'], userEnv);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('ec2:AttachVolume');
    expect(run.stderr).toContain('preflight-denied');
    expect(await stateOf(controller, userEnv)).toBe('running');
    expect(await snapshotsOf(userEnv)).toEqual(snapshots);
  });

  it('the avi-lab-operator role is refused AttachVolume the same way', async () => {
    const assumed = await runAwsCli<{
      Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string };
    }>(
      [
        'sts',
        'assume-role',
        '--role-arn',
        `arn:aws:iam::123456789012:role/avi-lab-operator`,
        '--role-session-name',
        'operator',
        // The sandbox runs 1000× faster than real time here: 12 h of AWS time is 43 s.
        '--duration-seconds',
        '43200',
      ],
      sandbox.env,
    );
    const env = {
      ...userEnv,
      AWS_ACCESS_KEY_ID: assumed.Credentials.AccessKeyId,
      AWS_SECRET_ACCESS_KEY: assumed.Credentials.SecretAccessKey,
      AWS_SESSION_TOKEN: assumed.Credentials.SessionToken,
    };
    const run = await envelope(['--instance', controller, '--kms-key', 'alias/lab-ebs', '--json'], env);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('ec2:AttachVolume');
  });
});
