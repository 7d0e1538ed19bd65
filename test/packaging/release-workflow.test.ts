import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };
const workflow = parse(readFileSync('.github/workflows/release.yml', 'utf8')) as {
  on: { push: { tags: string[] } };
  permissions: Record<string, string>;
  jobs: Record<
    string,
    {
      'runs-on': string;
      strategy: { matrix: { os: string[] } };
      steps: Step[];
      uses?: string;
      needs?: string;
    }
  >;
};
const installers = workflow.jobs['installers']!;
const jobs = [installers];
const steps = installers.steps;

describe('release workflow', () => {
  it('runs on version tags with read-only permissions', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('builds installers only after the CI workflow passed for the same commit', () => {
    expect(workflow.jobs['ci']).toEqual({ uses: './.github/workflows/ci.yml' });
    expect(installers.needs).toBe('ci');
  });

  it('builds on macOS, Windows and Ubuntu runners', () => {
    const [job] = jobs;
    expect(job!.strategy.matrix.os).toEqual(['macos-latest', 'windows-latest', 'ubuntu-latest']);
    expect(job!['runs-on']).toBe('${{ matrix.os }}');
  });

  it('pins every action to a full commit SHA', () => {
    const uses = steps.flatMap((step) => (step.uses ? [step.uses] : []));
    expect(uses.length).toBeGreaterThanOrEqual(3);
    for (const ref of uses) expect(ref, ref).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
  });

  it('sets up Node 24 (LTS) with the npm cache, installs with npm ci, runs dist and uploads the installers', () => {
    const setupNode = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(setupNode?.with).toMatchObject({ 'node-version': 24, cache: 'npm' });
    const runs = steps.flatMap((step) => (step.run ? [step.run.trim()] : []));
    expect(runs).toEqual(expect.arrayContaining(['npm ci', 'npm run dist']));
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(String(upload?.with?.path)).toMatch(/\.dmg[\s\S]*\.exe[\s\S]*\.AppImage[\s\S]*\.deb/);
    expect(steps.findIndex((step) => step.run === 'npm run dist')).toBeLessThan(steps.indexOf(upload!));
  });

  it('takes signing material from secrets only', () => {
    const dist = steps.find((step) => step.run === 'npm run dist')!;
    for (const value of Object.values(dist.env ?? {}))
      expect(value).toMatch(/^\$\{\{ secrets\.[A-Z0-9_]+ \}\}$/);
  });
});
