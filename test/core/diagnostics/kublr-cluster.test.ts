// Every check against the kublr-cluster scenario: the missing Auto Scaling service-linked-role
// grant on alias/kublr-ebs (with the seed's statement generated), the intended key imported from
// a Kublr spec, and the encryption-by-default fix applied and undone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/create-core';
import { kublrCluster } from '../../../electron/sandbox/scenarios/kublr-cluster';
import type { DiagnosticsReport } from '../../../shared/domain/diagnostics';
import { withSandbox } from '../../helpers/sandbox';
import { coreFor } from './sandbox-core';

const REGION = 'us-east-1';
const sandbox = withSandbox({ scenario: 'kublr-cluster' });
const ids = kublrCluster.ids;
let core: Core;
let report: DiagnosticsReport;

const SPEC = `spec:
  master:
    locations:
      - aws:
          rootVolume: { encrypted: true, kmsKeyId: 'alias/kublr-ebs' }
          masterVolume: { encrypted: true, kmsKeyId: '${ids.cmkArn}' }
`;

beforeAll(async () => {
  core = await coreFor(sandbox, REGION);
  report = await core.diagnostics.runNow({ regions: [REGION] });
});
afterAll(async () => {
  await core.dispose();
});

describe('diagnostics against kublr-cluster', () => {
  it('reports the missing Auto Scaling service-linked-role grant with the seed statement', () => {
    const f = report.findings.find((x) => x.id.endsWith(':autoscaling'));
    expect(f?.severity).toBe('high');
    expect(f?.resources).toEqual([ids.cmkArn, ...ids.autoScalingGroupNames]);
    expect(f?.evidence['kms:CreateGrant']).toMatch(/^refused: key policy statement 0/);
    expect(f?.evidence['kms:Decrypt']).toMatch(/Allow use of the key by AutoScaling/);
    expect(JSON.parse(f?.fix.statements ?? '[]')).toEqual([
      {
        Sid: 'Allow attachment of persistent resources by AutoScaling',
        Effect: 'Allow',
        Principal: {
          AWS: 'arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling',
        },
        Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
        Resource: '*',
        Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
      },
    ]);
  });

  it('finds nothing missing for EC2 or the caller (the seed’s EBS and root statements are there)', () => {
    expect(report.findings.filter((f) => f.check === 'key-policy').map((f) => f.id.split(':').pop())).toEqual(
      ['autoscaling'],
    );
  });

  it('reports encryption by default off and the unencrypted etcd snapshots', () => {
    expect(report.findings.find((f) => f.id.endsWith(':off'))?.fix.action).toEqual({
      type: 'enable-ebs-default',
      region: REGION,
    });
    expect(report.findings.find((f) => f.id.endsWith(':unencrypted-snapshots'))?.resources.sort()).toEqual(
      [...ids.etcdSnapshotIds].sort(),
    );
  });

  it('imports the intended key from a Kublr spec: alias and ARN are the same key, so no mismatch beyond the default', async () => {
    const { imported } = core.diagnostics.importConfig(SPEC, REGION);
    expect(imported.ebsKey).toBe('alias/kublr-ebs');
    const withKey = await core.diagnostics.runNow({ regions: [REGION] });
    expect(withKey.intended[REGION]).toMatchObject({ ebsKey: 'alias/kublr-ebs', source: 'kublr' });
    const mismatch = withKey.findings.find((f) => f.id.endsWith(':mismatch'));
    expect(mismatch?.evidence.intendedKeyArn).toBe(ids.cmkArn);
  });

  it('the grant fix clears the finding; encryption by default is enabled and undone', async () => {
    const finding = report.findings.find((x) => x.id.endsWith(':autoscaling'))!;
    const grant = await core.diagnostics.applyFix(
      (await core.diagnostics.previewFix({ fix: finding.fix.action! })).plan,
    );
    const on = await core.diagnostics.applyFix(
      (await core.diagnostics.previewFix({ fix: { type: 'enable-ebs-default', region: REGION } })).plan,
    );
    const after = await core.diagnostics.runNow({ regions: [REGION] });
    expect(after.findings.some((f) => f.id.endsWith(':autoscaling') || f.id.endsWith(':off'))).toBe(false);
    await core.diagnostics.undoFix(on.id);
    await core.diagnostics.undoFix(grant.id);
    const undone = await core.diagnostics.runNow({ regions: [REGION] });
    expect(
      undone.findings.filter((f) => f.id.endsWith(':autoscaling') || f.id.endsWith(':off')),
    ).toHaveLength(2);
    expect(core.diagnostics.journal().every((e) => e.undoneAt !== undefined)).toBe(true);
  });
});
