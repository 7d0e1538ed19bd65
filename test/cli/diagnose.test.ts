// `envelope diagnose` as a pipeline runs it: `node bin/envelope-dev.mjs diagnose --json --endpoint-url …`
// with the sandbox keys in the environment; exit code 2 when a finding reaches --fail-on, 1 on
// errors; --html prints the self-contained report.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiagnosticsReport } from '../../shared/domain/diagnostics';
import { aviLab } from '../../electron/sandbox/scenarios/avi-lab';
import { kublrCluster } from '../../electron/sandbox/scenarios/kublr-cluster';
import { withSandbox, type TestSandbox } from '../helpers/sandbox';
import { envelopeEntry } from './envelope-entry';
import { makeTempDir } from '../helpers/temp-dir';

const bin = envelopeEntry;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function diagnose(sandbox: TestSandbox, region: string, args: string[]): Promise<Run> {
  const env = {
    ...sandbox.env,
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    ENVELOPE_DATA_DIR: makeTempDir('envelope-cli-diagnose-'),
  };
  const argv = [bin, 'diagnose', '--endpoint-url', sandbox.endpoint, ...args];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      argv,
      { env, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const aspects = (report: DiagnosticsReport) =>
  report.findings.map((f) => `${f.check}:${f.id.split(':').pop() ?? ''}`);

describe('envelope diagnose against avi-lab', () => {
  const sandbox = withSandbox({ scenario: 'avi-lab' });
  const ids = aviLab.ids;

  it('--json reports the mismatch, repeated images, EC2 statement, asymmetric and pending keys, versioned bucket', async () => {
    const run = await diagnose(sandbox, aviLab.region, ['--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as DiagnosticsReport;
    expect(aspects(report)).toEqual(
      expect.arrayContaining([
        'ebs-default:mismatch-suspected',
        'repeated-images:avi-se',
        'key-policy:ec2-via-service',
        'key-health:asymmetric',
        'key-health:pending-deletion',
        's3-prefix:versioning-permissions',
      ]),
    );
    const ec2 = report.findings.find((f) => f.id.endsWith(':ec2-via-service'));
    expect(ec2?.resources).toEqual([ids.cmkArn]);
    expect(ec2?.fix.statements).toContain('ec2.us-west-2.amazonaws.com');
    expect(run.stdout).not.toContain(sandbox.credentials.secretAccessKey);
  });

  it('--intended-key confirms the mismatch; --fail-on high exits 2', async () => {
    const run = await diagnose(sandbox, aviLab.region, [
      '--json',
      '--intended-key',
      ids.cmkArn,
      '--fail-on',
      'high',
    ]);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as DiagnosticsReport;
    expect(aspects(report)).toContain('ebs-default:mismatch');
    expect(report.findings.find((f) => f.check === 'repeated-images')?.evidence.cause).toBe(
      'default-key mismatch',
    );
  });

  it('--config reads an Avi cloud configuration with a custom bucket prefix', async () => {
    const dir = makeTempDir('envelope-avi-');
    const file = join(dir, 'cloud.json');
    writeFileSync(
      file,
      JSON.stringify({
        obj_name_prefix: 'lab',
        aws_configuration: {
          ebs_encryption: { mode: 'AWS_ENCRYPTION_MODE_SSE_KMS', master_key: 'alias/avi-cmk' },
          s3_encryption: { mode: 'AWS_ENCRYPTION_MODE_SSE_KMS', master_key: 'alias/avi-cmk' },
        },
      }),
    );
    const run = await diagnose(sandbox, aviLab.region, ['--json', '--config', file]);
    const report = JSON.parse(run.stdout) as DiagnosticsReport;
    expect(report.bucketPrefixes).toEqual(['avi-se-', 'lab-se-']);
    expect(aspects(report)).toContain('ebs-default:mismatch');
    const mismatch = report.findings.find(
      (f) => f.id.endsWith(':key-mismatch') && f.resources[0] === ids.prefixedSeBucket,
    );
    expect(mismatch?.fix.action).toMatchObject({
      type: 'set-bucket-encryption',
      algorithm: 'aws:kms',
      kmsKeyId: ids.cmkArn,
    });
  });

  it('--html prints a report with no script; an unreadable --config exits 1 with one line', async () => {
    const html = await diagnose(sandbox, aviLab.region, ['--html', '--fail-on', 'critical']);
    expect(html.code).toBe(0);
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stdout).not.toMatch(/<script/i);
    const bad = await diagnose(sandbox, aviLab.region, ['--json', '--config', '/nonexistent/cloud.json']);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('envelope diagnose against kublr-cluster', () => {
  const sandbox = withSandbox({ scenario: 'kublr-cluster' });

  it('--json reports the missing Auto Scaling service-linked-role grant', async () => {
    const run = await diagnose(sandbox, kublrCluster.region, ['--json', '--fail-on', 'critical']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as DiagnosticsReport;
    const f = report.findings.find((x) => x.id.endsWith(':autoscaling'));
    expect(f?.resources[0]).toBe(kublrCluster.ids.cmkArn);
    expect(f?.fix.statements).toContain('AWSServiceRoleForAutoScaling');
    expect(f?.fix.statements).toContain('kms:GrantIsForAWSResource');
  });
});
