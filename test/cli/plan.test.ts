// The check through the real command against avi-lab: a migration plan exported from the
// sandbox is refused by `plan check` after one byte is changed; unchanged it reports no drift;
// after a volume's size is changed in the sandbox it reports that drift (exit 2). Also: import
// summarizes, `migrate --dry-run --json` output is a usable plan file, export writes each format.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../shared/plans/plan-document';
import type { DriftReport } from '../../shared/plans/plan-summary';
import { aviLab } from '../../electron/sandbox/scenarios/avi-lab';
import { withSandbox } from '../helpers/sandbox';
import { envelopeEntry } from './envelope-entry';
import { makeTempDir } from '../helpers/temp-dir';

const bin = envelopeEntry;
const REGION = 'us-west-2';
const sandbox = withSandbox({ scenario: 'avi-lab', speed: 1000 });
const [c1] = aviLab.ids.controllerInstanceIds as [string];
let env: NodeJS.ProcessEnv;
let dir: string;

function envelope(
  args: string[],
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, '--endpoint-url', sandbox.endpoint, ...args],
      { env: { ...env, ...extraEnv }, timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(() => {
  dir = makeTempDir('envelope-plan-cli-');
  env = {
    ...sandbox.env,
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    ENVELOPE_DATA_DIR: join(dir, 'data'),
  };
});

// A story, each step on the last one's file and sandbox state (export, tamper, drift, run): its
// order is kept when the suite runs shuffled.
describe('envelope plan', { shuffle: false }, () => {
  let file: string;

  it('exports a migration plan from avi-lab and imports it', async () => {
    file = join(dir, 'plan.json');
    const out = await envelope([
      'plan',
      'export',
      '--kind',
      'migration',
      '--instance',
      c1,
      '--kms-key',
      'alias/aws/ebs',
      '--output',
      file,
    ]);
    expect(out.stderr).toContain('wrote');
    expect(out.code).toBe(0);
    const imported = await envelope(['plan', 'import', file, '--json']);
    expect(imported.code).toBe(0);
    const answer = JSON.parse(imported.stdout) as {
      valid: boolean;
      summary: { kind: string; steps: number };
    };
    expect(answer.valid).toBe(true);
    expect(answer.summary.kind).toBe('migration');
    expect(answer.summary.steps).toBeGreaterThan(0);
  });

  it('refuses the plan with one byte changed', async () => {
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('"title": "') + '"title": "'.length;
    const tampered = join(dir, 'tampered.json');
    writeFileSync(tampered, `${text.slice(0, at)}${text[at] === 'X' ? 'Y' : 'X'}${text.slice(at + 1)}`);
    const out = await envelope(['plan', 'check', tampered]);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('SHA-256 seal does not match');
    expect(out.stderr).not.toMatch(/\n\s+at /);
    const truncated = join(dir, 'truncated.json');
    writeFileSync(truncated, text.slice(0, text.length / 2));
    const cut = await envelope(['plan', 'check', truncated]);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toContain('not JSON');
  });

  it('reports no drift for the unchanged plan', async () => {
    const out = await envelope(['plan', 'check', file, '--json']);
    expect(out.code).toBe(0);
    const answer = JSON.parse(out.stdout) as { sealValid: boolean; drift: DriftReport };
    expect(answer.sealValid).toBe(true);
    expect(answer.drift.status).toBe('no-drift');
    expect(answer.drift.drifts).toEqual([]);
  });

  it('reports the drift after a volume is changed in the sandbox', async () => {
    const plan = JSON.parse(readFileSync(file, 'utf8')) as Plan;
    const fact = plan.facts.find((f) => f.resource === 'volume');
    const volume = sandbox.handle.world.volumes.get(fact?.id ?? '');
    expect(volume).toBeDefined();
    const before = volume!.sizeGiB;
    volume!.sizeGiB = before + 16;
    const out = await envelope(['plan', 'check', file, '--json']);
    expect(out.code).toBe(2);
    const answer = JSON.parse(out.stdout) as { drift: DriftReport };
    expect(answer.drift.status).toBe('drift');
    expect(answer.drift.drifts).toContainEqual(
      expect.objectContaining({
        resource: 'volume',
        id: fact?.id,
        attribute: 'sizeGiB',
        planned: before,
        live: before + 16,
      }),
    );
    const table = await envelope(['plan', 'check', file]);
    expect(table.code).toBe(2);
    // In words: the attribute's label and the sizes with their unit.
    expect(table.stdout).toMatch(/Volume\s+vol-\S+\s+Size\s+\d+ GiB\s+\d+ GiB/);
    expect(table.stdout).not.toContain('sizeGiB');
    const run = await envelope(['plan', 'run', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('differs from the plan');
    volume!.sizeGiB = before;
  });

  it('accepts `migrate --dry-run --json` output as a plan file and exports every format', async () => {
    const dry = await envelope([
      'migrate',
      '--instance',
      c1,
      '--kms-key',
      'alias/aws/ebs',
      '--dry-run',
      '--json',
    ]);
    expect(dry.code).toBe(0);
    const dryFile = join(dir, 'dry.json');
    writeFileSync(dryFile, dry.stdout);
    for (const format of ['json', 'html', 'md', 'bash', 'ssm']) {
      const out = await envelope(['plan', 'export', '--from', dryFile, '--format', format]);
      expect(out.code, `${format}: ${out.stderr}`).toBe(0);
      expect(out.stdout.length).toBeGreaterThan(100);
    }
  });

  it('runs the reviewed plan; the journal carries its seal beside the re-made plan’s', async () => {
    const plan = JSON.parse(readFileSync(file, 'utf8')) as Plan;
    const run = await envelope(['plan', 'run', file, '--json'], { ENVELOPE_WAIT_DELAY_SECONDS: '0.02' });
    expect(run.code, run.stderr).toBe(0);
    const answer = JSON.parse(run.stdout) as { migrationId: string; jobs: { state: string }[] };
    expect(answer.jobs.map((j) => j.state)).toEqual(['done']);
    const journal = JSON.parse(
      readFileSync(join(dir, 'data', 'migrations', `${answer.migrationId}.json`), 'utf8'),
    ) as { status: string; reviewedPlanSha256?: string; planSha256?: string };
    expect(journal.status).toBe('verified');
    expect(journal.reviewedPlanSha256).toBe(plan.sha256);
    expect(journal.planSha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
