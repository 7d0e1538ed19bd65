// Reads that AWS does not answer (AccessDenied / UnauthorizedOperation, an action the endpoint does
// not implement) give "could not check: <why>" findings, never "refused" and never silence, and the
// inventory keeps every fact it did get: encryption by default stays known when the default key is not.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/create-core';
import { aviLab } from '../../../electron/sandbox/scenarios/avi-lab';
import type { DiagnosticsReport, Finding } from '../../../shared/domain/diagnostics';
import { withSandbox } from '../../helpers/sandbox';

const REGION = 'us-west-2';
const sandbox = withSandbox({ scenario: 'avi-lab' });
const dataDir = mkdtempSync(join(tmpdir(), 'envelope-could-not-check-'));
let core: Core;

beforeAll(async () => {
  core = await createCore({
    dataDir,
    version: 'test',
    shell: 'cli',
    sandbox: {
      ensureStarted: () =>
        Promise.resolve({ ...sandbox.credentials, endpoint: sandbox.endpoint, region: REGION }),
      stop: () => Promise.resolve(),
    },
  });
  await core.accounts.select('sandbox', REGION);
});
afterEach(() => sandbox.control.clearFaults());
afterAll(async () => {
  await core.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

const run = (): Promise<DiagnosticsReport> =>
  core.diagnostics.runNow({ regions: [REGION], intendedKey: 'alias/avi-cmk' });
const couldNotCheck = (report: DiagnosticsReport): Finding[] =>
  report.findings.filter((f) => f.title.startsWith('Could not check'));
const refusedEvidence = (f: Finding): string[] =>
  Object.values(f.evidence).filter((v): v is string => typeof v === 'string' && v.startsWith('refused'));

describe('could not check', () => {
  it.each([
    ['UnauthorizedOperation', 403, 'You are not authorized to perform this operation.', /access denied/],
    [
      'InvalidAction',
      400,
      'The action GetEbsDefaultKmsKeyId is not valid for this web service.',
      /does not implement/,
    ],
  ])(
    'GetEbsDefaultKmsKeyId answered %s: encryption by default stays known',
    async (code, status, message, why) => {
      sandbox.control.addFault({
        kind: 'fail',
        service: 'ec2',
        action: 'GetEbsDefaultKmsKeyId',
        count: 50,
        code,
        message,
        status,
      });
      const report = await run();
      const [inventory] = (await core.inventory.scanNow([REGION], 'sandbox')).regions;
      expect(inventory?.ebsDefaults).toEqual({
        encryptionByDefault: true,
        defaultKmsKeyError: { code, message },
      });
      const finding = report.findings.find((f) => f.id.endsWith(':could-not-check:ebs-default-key'));
      expect(finding?.check).toBe('ebs-default');
      expect(finding?.title).toMatch(
        new RegExp(`^Could not check the region’s default EBS key in ${REGION}: `),
      );
      expect(finding?.title).toMatch(why);
      expect(finding?.evidence).toMatchObject({ error: code, permission: 'ec2:GetEbsDefaultKmsKeyId' });
      // What it cannot know, it does not claim: no mismatch, no "aws/ebs" finding.
      expect(report.findings.some((f) => f.id.endsWith(':mismatch') && f.check === 'ebs-default')).toBe(
        false,
      );
      // The rest of the diagnostics still ran.
      expect(report.findings.some((f) => f.check === 'key-health')).toBe(true);
    },
  );

  it('AccessDenied on iam:SimulatePrincipalPolicy: could not check, never refused', async () => {
    sandbox.control.addFault({
      kind: 'fail',
      service: 'iam',
      action: 'SimulatePrincipalPolicy',
      count: 50,
      code: 'AccessDenied',
      message:
        'User: arn:aws:iam::123456789012:user/sandbox-admin is not authorized to perform: iam:SimulatePrincipalPolicy',
      status: 403,
    });
    const report = await run();
    const simulation = couldNotCheck(report).find((f) =>
      f.evidence.read?.toString().startsWith('IAM simulation'),
    );
    expect(simulation?.check).toBe('key-policy');
    expect(simulation?.title).toMatch(/access denied \(AccessDenied: /);
    expect(simulation?.evidence.permission).toBe('iam:SimulatePrincipalPolicy');
    // alias/lab-ebs has KMS's default policy (the root statement hands the answer to IAM): with IAM
    // unknown, the caller finding cannot say "refused".
    const lab = report.findings.find(
      (f) => f.check === 'key-policy' && f.id.endsWith(':caller') && f.resources[0] === aviLab.ids.labKeyArn,
    );
    expect(lab?.title).toMatch(/^Could not check whether you .* may use key alias\/lab-ebs for EBS/);
    expect(refusedEvidence(lab!)).toEqual([]);
    expect(lab?.evidence['kms:Decrypt']).toMatch(/^could not check: .*IAM could not be simulated$/);
    expect(report.errors.some((e) => e.code === 'AccessDenied')).toBe(true);
  });

  it('without faults, the default key resolves and nothing says "could not check"', async () => {
    const report = await run();
    expect(couldNotCheck(report)).toEqual([]);
    const mismatch = report.findings.find((f) => f.check === 'ebs-default' && f.id.endsWith(':mismatch'));
    expect(mismatch?.evidence).toMatchObject({
      defaultKey: 'alias/aws/ebs',
      defaultKeyArn: aviLab.ids.awsEbsKeyArn,
    });
  });
});
