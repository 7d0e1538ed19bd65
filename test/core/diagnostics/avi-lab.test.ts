// Every check against the avi-lab scenario: the default-key mismatch, the repeated SE images, the
// missing EC2 via-service statement (with its generated statement), the asymmetric key, the key
// pending deletion, the versioned avi-se- bucket's permission question; then fixes applied and
// undone against the sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/create-core';
import { aviLab } from '../../../electron/sandbox/scenarios/avi-lab';
import type { DiagnosticsReport, Finding } from '../../../shared/domain/diagnostics';
import { withSandbox } from '../../helpers/sandbox';
import { coreFor } from './sandbox-core';

const REGION = 'us-west-2';
const sandbox = withSandbox({ scenario: 'avi-lab' });
const ids = aviLab.ids;
let core: Core;
let report: DiagnosticsReport;

const find = (check: string, aspect: string): Finding | undefined =>
  report.findings.find((f) => f.check === check && f.id.endsWith(`:${aspect}`));

beforeAll(async () => {
  core = await coreFor(sandbox, REGION);
  report = await core.diagnostics.runNow({ regions: [REGION], intendedKey: 'alias/avi-cmk' });
});
afterAll(async () => {
  await core.dispose();
});

describe('diagnostics against avi-lab', () => {
  it('reports the default-key mismatch after resolving both references to ARNs', () => {
    const f = find('ebs-default', 'mismatch');
    expect(f?.severity).toBe('high');
    expect(f?.evidence).toMatchObject({
      encryptionByDefault: true,
      defaultKeyArn: ids.awsEbsKeyArn,
      intendedKeyArn: ids.cmkArn,
    });
    expect(f?.fix.action).toEqual({ type: 'set-ebs-default-key', region: REGION, keyId: ids.cmkArn });
  });

  it('ties the repeated SE images to the mismatch', () => {
    const f = report.findings.find((x) => x.check === 'repeated-images');
    expect(f?.resources.sort()).toEqual([...ids.seImageIds].sort());
    expect(f?.evidence.cause).toBe('default-key mismatch');
    expect(f?.evidence.relatedFinding).toBe(find('ebs-default', 'mismatch')?.id);
  });

  it('reports the missing EC2 via-service statement of alias/avi-cmk with a generated statement', () => {
    const f = find('key-policy', 'ec2-via-service');
    expect(f?.resources).toEqual([ids.cmkArn]);
    expect(f?.evidence['kms:Decrypt']).toMatch(/^refused/);
    const statements = JSON.parse(f?.fix.statements ?? '[]') as unknown[];
    expect(statements).toEqual([
      expect.objectContaining({
        Principal: { AWS: '*' },
        Condition: {
          StringEquals: {
            'kms:CallerAccount': '123456789012',
            'kms:ViaService': `ec2.${REGION}.amazonaws.com`,
          },
        },
      }),
    ]);
  });

  it('reports the asymmetric key and the key pending deletion with its date', () => {
    expect(find('key-health', 'asymmetric')?.resources).toEqual([ids.asymmetricKeyArn]);
    const pending = find('key-health', 'pending-deletion');
    expect(pending?.resources).toEqual([ids.pendingDeletionKeyArn]);
    expect(pending?.evidence.deletionDate).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(pending?.why).toMatch(/cannot be launched/);
  });

  it('asks the versioned avi-se- bucket’s permission question with the caller’s IAM answers', () => {
    const f = find('s3-prefix', 'versioning-permissions');
    expect(f?.resources).toEqual([ids.seBucket]);
    expect(f?.evidence).toMatchObject({
      versioning: 'Enabled',
      's3:ListBucketVersions': 'allowed',
      's3:DeleteObjectVersion': 'allowed',
    });
  });

  it('reports unencrypted volumes and the unencrypted snapshot; the lab- bucket only with its prefix', () => {
    expect(find('images-snapshots', 'unencrypted-volumes')?.resources).toEqual(
      expect.arrayContaining(ids.controllerVolumeIds),
    );
    expect(find('images-snapshots', 'unencrypted-snapshots')?.resources).toEqual([ids.unencryptedSnapshotId]);
    expect(report.findings.some((f) => f.resources.includes(ids.prefixedSeBucket))).toBe(false);
  });

  it('suspects the mismatch from the repeated images when no intended key is set', async () => {
    const plain = await core.diagnostics.runNow({ regions: [REGION] });
    expect(plain.findings.find((f) => f.id.endsWith(':mismatch-suspected'))?.severity).toBe('high');
  });
});

describe('fixes against avi-lab', () => {
  it('adds the EC2 statement with a diff, then undoes it with the old policy from the journal', async () => {
    report = await core.diagnostics.runNow({ regions: [REGION], intendedKey: 'alias/avi-cmk' });
    const finding = find('key-policy', 'ec2-via-service')!;
    const oldPolicy = await core.inventory.keyPolicy(ids.cmkArn);
    const preview = await core.diagnostics.previewFix({ findingId: finding.id });
    expect(preview.plan).toMatchObject({ kind: 'diagnostic-fix', steps: [{ action: 'kms:PutKeyPolicy' }] });
    expect(preview.plan.sha256).toMatch(/^[0-9a-f]{64}$/);
    // PutKeyPolicy has no DryRun: the preflight answers it with the labelled IAM simulation.
    expect(preview.plan.preflight?.rows).toContainEqual(
      expect.objectContaining({ call: 'kms:PutKeyPolicy', method: 'simulation', result: 'allowed' }),
    );
    expect(
      preview.diff
        ?.filter((l) => l.op === '+')
        .map((l) => l.text)
        .join('\n'),
    ).toMatch(/kms:ViaService/);
    expect(preview.diff?.some((l) => l.op === '-')).toBe(false);
    expect(await core.inventory.keyPolicy(ids.cmkArn)).toBe(oldPolicy); // a preview changes nothing

    const entry = await core.diagnostics.applyFix(preview.plan);
    expect(entry.before).toEqual({ type: 'add-key-policy-statements', policy: oldPolicy });
    const after = await core.diagnostics.runNow({ regions: [REGION], intendedKey: 'alias/avi-cmk' });
    expect(after.findings.some((f) => f.id === finding.id)).toBe(false);

    await core.diagnostics.undoFix(entry.id);
    expect(await core.inventory.keyPolicy(ids.cmkArn)).toBe(oldPolicy);
    expect(core.diagnostics.journal().find((e) => e.id === entry.id)?.undoneAt).toBeDefined();
  });

  it('sets the EBS default key (once EC2 may use it) and undoes it back to aws/ebs', async () => {
    // The sandbox, like EBS, refuses a default key that EC2 may not use for the caller.
    const refused = await core.diagnostics.previewFix({
      fix: { type: 'set-ebs-default-key', region: REGION, keyId: ids.cmkArn },
    });
    await expect(core.diagnostics.applyFix(refused.plan)).rejects.toThrow(/not authorized to perform: kms:/);

    const via = find('key-policy', 'ec2-via-service')!;
    const policyEntry = await core.diagnostics.applyFix(
      (await core.diagnostics.previewFix({ fix: via.fix.action! })).plan,
    );
    const preview = await core.diagnostics.previewFix({
      fix: { type: 'set-ebs-default-key', region: REGION, keyId: ids.cmkArn },
    });
    expect(preview.plan.facts[0]?.attributes).toEqual({
      defaultKmsKeyId: expect.stringMatching(/alias\/aws\/ebs$/) as unknown,
    });
    const entry = await core.diagnostics.applyFix(preview.plan);
    const fixed = await core.diagnostics.runNow({ regions: [REGION], intendedKey: 'alias/avi-cmk' });
    expect(fixed.findings.some((f) => f.id.endsWith(':mismatch'))).toBe(false);
    await core.diagnostics.undoFix(entry.id);
    await core.diagnostics.undoFix(policyEntry.id);
    const undone = await core.diagnostics.runNow({ regions: [REGION], intendedKey: 'alias/avi-cmk' });
    expect(undone.findings.some((f) => f.id.endsWith(':mismatch'))).toBe(true);
    expect(undone.findings.some((f) => f.id === via.id)).toBe(true);
  });

  it('sets bucket default encryption and undoes it', async () => {
    const fix = {
      type: 'set-bucket-encryption' as const,
      region: REGION,
      bucket: ids.seBucket,
      algorithm: 'aws:kms' as const,
      kmsKeyId: ids.cmkArn,
      bucketKey: true,
    };
    const entry = await core.diagnostics.applyFix((await core.diagnostics.previewFix({ fix })).plan);
    const changed = await core.inventory.scanNow([REGION]);
    expect(changed.regions[0]?.buckets.find((b) => b.name === ids.seBucket)?.encryption).toMatchObject({
      algorithm: 'aws:kms',
      kmsKeyId: ids.cmkArn,
    });
    await core.diagnostics.undoFix(entry.id);
    const back = await core.inventory.scanNow([REGION]);
    expect(back.regions[0]?.buckets.find((b) => b.name === ids.seBucket)?.encryption).toMatchObject({
      algorithm: 'AES256',
    });
  });

  it('refuses a plan whose seal is broken or whose state drifted', async () => {
    const fix = {
      type: 'set-bucket-encryption' as const,
      region: REGION,
      bucket: ids.seBucket,
      algorithm: 'aws:kms' as const,
      kmsKeyId: ids.cmkArn,
    };
    const preview = await core.diagnostics.previewFix({ fix });
    await expect(core.diagnostics.applyFix({ ...preview.plan, title: 'changed' })).rejects.toMatchObject({
      code: 'plan-tampered',
    });
    const other = await core.diagnostics.previewFix({
      fix: { ...fix, algorithm: 'AES256', kmsKeyId: undefined, bucketKey: true },
    });
    const entry = await core.diagnostics.applyFix(other.plan);
    await expect(core.diagnostics.applyFix(preview.plan)).rejects.toMatchObject({ code: 'plan-drift' });
    await core.diagnostics.undoFix(entry.id);
    await expect(core.diagnostics.undoFix(entry.id)).rejects.toMatchObject({ code: 'already-undone' });
  });
});
