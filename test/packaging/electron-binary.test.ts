// scripts/electron-binary.mjs finds the development Electron binary by the `electron` package's
// own rule (path.txt names the executable inside dist/) without calling require('electron'),
// which since Electron 42 would start an unbounded download.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronBinaryPath } from '../../scripts/electron-binary.mjs';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fakePackage(executable?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'envelope-electron-pkg-'));
  temps.push(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
  if (executable) {
    writeFileSync(join(dir, 'path.txt'), executable);
    mkdirSync(join(dir, 'dist', executable, '..'), { recursive: true });
  }
  return dir;
}

describe('electronBinaryPath', () => {
  it('is the executable path.txt names inside dist/ when it is there', () => {
    const dir = fakePackage('Electron.app/Contents/MacOS/Electron');
    const binary = join(dir, 'dist', 'Electron.app', 'Contents', 'MacOS', 'Electron');
    expect(electronBinaryPath(dir)).toBeUndefined();
    writeFileSync(binary, '');
    expect(electronBinaryPath(dir)).toBe(binary);
  });

  it('is undefined when the binary was never downloaded (no path.txt)', () => {
    expect(electronBinaryPath(fakePackage())).toBeUndefined();
  });
});
