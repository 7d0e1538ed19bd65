// Every GitHub Actions workflow validates against the workflow schema with action-validator (the
// maintained validator from npm, @action-validator/cli, which runs offline), and the CI workflow
// does what the project promises: the checks, then the Electron smoke test of the unpacked app on
// Ubuntu (under xvfb), macOS and Windows, on a current Node LTS.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const validatorCli = join(dirname(require.resolve('@action-validator/cli/package.json')), 'cli.mjs');
const workflowDir = join('.github', 'workflows');
const workflowFiles = readdirSync(workflowDir).filter((name) => /\.ya?ml$/.test(name));
const scratch = mkdtempSync(join(tmpdir(), 'envelope-workflows-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function validate(file: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [validatorCli, file], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

type Step = { uses?: string; run?: string; if?: string; with?: Record<string, unknown>; name?: string };
type Job = {
  'runs-on': string;
  strategy?: { 'fail-fast'?: boolean; matrix: { os: string[] } };
  steps: Step[];
};
const ci = parse(readFileSync(join(workflowDir, 'ci.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};

describe('GitHub Actions workflows', () => {
  it('holds the CI and release workflows', () => {
    expect(workflowFiles).toEqual(expect.arrayContaining(['ci.yml', 'release.yml']));
  });

  it.each(workflowFiles)('%s validates against the workflow schema', (name) => {
    const { status, output } = validate(join(workflowDir, name));
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it('the validator refuses a broken workflow (it can fail)', () => {
    const broken = readFileSync(join(workflowDir, 'ci.yml'), 'utf8').replace(
      'runs-on: ubuntu-latest',
      'runz-on: ubuntu-latest',
    );
    const file = join(scratch, 'broken.yml');
    writeFileSync(file, broken);
    const { status, output } = validate(file);
    expect(status).toBe(1);
    expect(output).toContain("Additional property 'runz-on' is not allowed");
  });

  it('pins every action to a full commit SHA', () => {
    for (const name of workflowFiles) {
      const text = readFileSync(join(workflowDir, name), 'utf8');
      for (const [, ref] of text.matchAll(/uses:\s*(\S+)/g)) {
        if (ref!.startsWith('./')) continue; // a workflow of this repository
        expect(ref, `${name}: ${ref}`).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      }
    }
  });
});

describe('CI workflow', () => {
  const electron = ci.jobs['electron']!;
  const runs = (job: Job) => job.steps.flatMap((step) => (step.run ? [step.run.trim()] : []));

  it('runs on pushes, pull requests and when the release workflow calls it, read-only', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push', 'workflow_call']);
    expect(ci.permissions).toEqual({ contents: 'read' });
  });

  it('runs the checks: lockfile, npm ci, formatting, typecheck, lint, unit tests', () => {
    expect(runs(ci.jobs['checks']!)).toEqual(
      expect.arrayContaining([
        'npm run check:lockfile',
        'npm ci',
        'npm run format:check',
        'npm run typecheck',
        'npm run lint',
        'npm run test:unit',
      ]),
    );
  });

  it('smoke-tests the unpacked app on Ubuntu, macOS and Windows, every one to the end', () => {
    expect(electron.strategy?.matrix.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest']);
    expect(electron.strategy?.['fail-fast']).toBe(false);
    expect(electron['runs-on']).toBe('${{ matrix.os }}');
    const steps = runs(electron);
    const order = [
      'npm ci',
      'npm run typecheck',
      'npm run lint',
      'npm run build',
      'npx electron-builder --dir --config electron-builder.smoke.yml --publish never',
    ].map((command) => steps.indexOf(command));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const linux = electron.steps.find((step) => step.if === "runner.os == 'Linux'");
    const others = electron.steps.find((step) => step.if === "runner.os != 'Linux'");
    expect(linux?.run).toContain('xvfb-run -a npm run test:electron -- --app release-smoke');
    expect(others?.run?.trim()).toBe('npm run test:electron -- --app release-smoke');
  });

  it('uses Node 24, the current LTS, in every job', () => {
    for (const job of Object.values(ci.jobs)) {
      const setupNode = job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
      expect(setupNode?.with).toMatchObject({ 'node-version': 24, cache: 'npm' });
    }
  });

  it('says why the smoke build keeps the inspect fuse on', () => {
    expect(readFileSync(join(workflowDir, 'ci.yml'), 'utf8')).toMatch(
      /EnableNodeCliInspectArguments[\s\S]*_electron\.launch/,
    );
  });
});
