// The lockfile check `npm test` starts with (scripts/check-lockfile.mjs): it passes on the committed
// pair and fails, naming the problem, on deliberately mismatched copies.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLockfile, lockfileProblems } from '../../scripts/check-lockfile.mjs';

type Manifest = Record<string, Record<string, string>> & { name?: string };
type Lock = { packages: Record<string, Record<string, unknown>> };

const problemsOf = lockfileProblems;
const read = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const pkg = () => read<Manifest>('package.json');
const lock = () => read<Lock>('package-lock.json');
const temps: string[] = [];

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function copyWith(manifest: unknown, lockfile: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'envelope-lockfile-'));
  temps.push(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(lockfile, null, 2));
  return dir;
}

describe('lockfile check', () => {
  it('passes on the committed package.json and package-lock.json', () => {
    expect(checkLockfile(process.cwd())).toEqual([]);
  });

  it('fails when package.json gains a dependency the lockfile lacks', () => {
    const manifest = pkg();
    manifest.devDependencies = { ...manifest.devDependencies, 'left-pad': '^1.3.0' };
    expect(problemsOf(manifest, lock())).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^left-pad@\^1\.3\.0 \(devDependencies\) is in package\.json/),
      ]),
    );
  });

  it('fails when a range in package.json differs from the lockfile', () => {
    const manifest = pkg();
    manifest.devDependencies = { ...manifest.devDependencies, electron: '44.0.0' };
    expect(problemsOf(manifest, lock())).toEqual([
      'electron (devDependencies) is 44.0.0 in package.json but 45.5.0 in the lockfile',
    ]);
  });

  it("fails when the lockfile lacks another platform's optional package (what broke npm ci on macOS and Windows)", () => {
    const lockfile = lock();
    const rollupBuilds = Object.keys(lockfile.packages).filter((path) =>
      path.startsWith('node_modules/@rollup/rollup-'),
    );
    expect(rollupBuilds.length).toBeGreaterThan(10);
    delete lockfile.packages['node_modules/@rollup/rollup-darwin-arm64'];
    expect(problemsOf(pkg(), lockfile)).toEqual([
      'node_modules/rollup needs @rollup/rollup-darwin-arm64 (optionalDependencies), which the lockfile does not hold',
    ]);
  });

  it('fails on a lockfile without a packages section', () => {
    expect(problemsOf(pkg(), { lockfileVersion: 1, dependencies: {} })[0]).toMatch(/no "packages" section/);
  });

  it('exits non-zero with a message that says what to do, on a mismatched copy', () => {
    const manifest = pkg();
    manifest.dependencies = { ...manifest.dependencies, 'left-pad': '^1.3.0' };
    const result = spawnSync(process.execPath, ['scripts/check-lockfile.mjs', copyWith(manifest, lock())], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('package.json and package-lock.json disagree');
    expect(result.stderr).toContain('left-pad');
    expect(result.stderr).toContain('Run `npm install`');
    const clean = spawnSync(process.execPath, ['scripts/check-lockfile.mjs', copyWith(pkg(), lock())]);
    expect(clean.status).toBe(0);
  });
});
