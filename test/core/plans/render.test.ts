// Export formats: JSON round trip (identical, seal valid), HTML self-contained with no script and
// no secret, the bash script passes `bash -n`, the SSM runbook parses with the expected structure.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hasValidSeal, sealPlan } from '../../../shared/plans/plan-document';
import { importPlanText } from '../../../shared/plans/plan-import';
import { renderPlan } from '../../../shared/plans/render/render-plan';
import { KEY_ARN, migrationPlan } from './fixture';
import { makeTempDir } from '../../helpers/temp-dir';

describe('plan export', () => {
  it('JSON → import gives the identical plan with a valid seal', async () => {
    const plan = await migrationPlan();
    const back = await importPlanText(renderPlan(plan, 'json').text);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.plan).toEqual(plan);
    expect(await hasValidSeal(back.plan)).toBe(true);
  });

  it('HTML is self-contained: no script, no remote resource, values escaped, a timeline', async () => {
    const plan = await migrationPlan();
    const hostile = await sealPlan({ ...plan, title: '<script>alert(1)</script> & <img src=x onerror=y>' });
    const html = renderPlan(hostile, 'html').text;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/AKIA|aws_secret|SecretAccessKey|SessionToken/i);
    expect(html).toContain('<svg');
    expect(html).toContain('class="window"');
    expect(html).toContain(KEY_ARN.replace(/:/g, ':'));
  });

  it('Markdown has the tables and a text timeline', async () => {
    const md = renderPlan(await migrationPlan(), 'md').text;
    expect(md).toContain('| # | Step | Action | Phase | Region | Estimate |');
    expect(md).toContain('downtime window');
  });

  it('the bash script passes bash -n and does the migration’s steps with its waits', async () => {
    const plan = await migrationPlan();
    const script = renderPlan(plan, 'bash').text;
    const file = join(makeTempDir('plan-bash-'), 'plan.sh');
    writeFileSync(file, script);
    execFileSync('bash', ['-n', file]);
    expect(script).toContain('set -euo pipefail');
    expect(script).toContain('sts get-caller-identity');
    for (const needle of [
      'aws ec2 create-snapshot',
      'aws ec2 wait snapshot-completed',
      'aws ec2 stop-instances',
      'aws ec2 wait instance-stopped',
      `--encrypted --kms-key-id '${KEY_ARN}'`,
      "--volume-type 'gp3' --iops 3000 --throughput 125",
      'aws ec2 wait volume-available',
      'aws ec2 detach-volume',
      "--device '/dev/sdb'",
      'modify-instance-attribute',
      'aws ec2 wait instance-running',
      'aws ec2 describe-volumes',
    ]) {
      expect(script).toContain(needle);
    }
    // The hostile title cannot escape its comment.
    const hostile = await sealPlan({ ...plan, title: "x\nrm -rf / #'" });
    writeFileSync(file, renderPlan(hostile, 'bash').text);
    execFileSync('bash', ['-n', file]);
    expect(renderPlan(hostile, 'bash').text).not.toMatch(/^rm -rf/m);
  });

  it('the SSM runbook parses and has the Automation structure', async () => {
    const doc = parse(renderPlan(await migrationPlan(), 'ssm').text) as {
      schemaVersion: string;
      parameters: Record<string, unknown>;
      mainSteps: { name: string; action: string; inputs: Record<string, unknown> }[];
    };
    expect(doc.schemaVersion).toBe('0.3');
    expect(Object.keys(doc.parameters)).toEqual(['InstanceId', 'KmsKeyId', 'AutomationAssumeRole']);
    const actions = new Set(doc.mainSteps.map((s) => s.action));
    for (const a of [
      'aws:executeAwsApi',
      'aws:waitForAwsResourceProperty',
      'aws:changeInstanceState',
      'aws:assertAwsResourceProperty',
    ])
      expect(actions).toContain(a);
    const names = doc.mainSteps.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.indexOf('StopInstance')).toBeLessThan(names.indexOf('CreateVolume_devsdb'));
    expect(names.indexOf('Attach_devsdb')).toBeLessThan(names.indexOf('StartInstance'));
    const create = doc.mainSteps.find((s) => s.name === 'CreateVolume_devsdb');
    expect(create?.inputs).toMatchObject({
      Encrypted: true,
      KmsKeyId: '{{KmsKeyId}}',
      VolumeType: 'gp3',
      Iops: 3000,
    });
  });
});
