// What the Electron smoke test (smoke.ts) drives: the unpacked app electron-builder wrote
// (`--app DIR`, or release-smoke/ when it exists) or, for a local run, the development Electron
// binary on the built out/ folder. Also the main-process probes it reads through Playwright's
// electronApp.evaluate: the tray's menu and the app's memory. Nothing here ships in the app.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Menu, Tray } from 'electron';
import type { ElectronApplication } from 'playwright-core';
import { ensureElectronBinary } from '../../scripts/electron-binary.mjs';

export const root = resolve(import.meta.dirname, '..', '..');

export interface AppUnderTest {
  readonly executablePath: string;
  // Arguments before Playwright's own: the project folder for the development binary.
  readonly args: readonly string[];
  readonly kind: 'packaged' | 'development';
}

// electron-builder --dir writes <os>-unpacked/ (linux, win) or mac[-arm64|-universal]/Envelope.app.
export function unpackedExecutable(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  const candidates: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'linux-unpacked' || entry.startsWith('linux-'))
      candidates.push(join(dir, entry, 'envelope'));
    if (entry.startsWith('win-') && entry.endsWith('unpacked'))
      candidates.push(join(dir, entry, 'Envelope.exe'));
    if (entry === 'mac' || entry.startsWith('mac-'))
      candidates.push(join(dir, entry, 'Envelope.app', 'Contents', 'MacOS', 'Envelope'));
  }
  return candidates.find((path) => existsSync(path));
}

export type Located = { ok: true; app: AppUnderTest } | { ok: false; reason: string };

export async function locateApp(appDir: string | undefined): Promise<Located> {
  if (appDir) {
    const executablePath = unpackedExecutable(resolve(appDir));
    return executablePath
      ? { ok: true, app: { executablePath, args: [], kind: 'packaged' } }
      : { ok: false, reason: `no unpacked Envelope app in ${appDir} (run \`npm run dist:smoke\` first)` };
  }
  const packaged = unpackedExecutable(join(root, 'release-smoke'));
  if (packaged) return { ok: true, app: { executablePath: packaged, args: [], kind: 'packaged' } };
  const binary = await ensureElectronBinary({ log: (line) => console.log(line) });
  if (!binary.ok) return { ok: false, reason: binary.reason };
  return { ok: true, app: { executablePath: binary.path, args: [root], kind: 'development' } };
}

// The app's environment: its own data folder (the single-instance lock lives there too) and no
// AWS configuration of the person running the test, so it opens on the sandbox account.
export function appEnvironment(dataDir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !name.startsWith('AWS_')) env[name] = value;
  }
  return {
    ...env,
    ENVELOPE_DATA_DIR: dataDir,
    AWS_CONFIG_FILE: join(dataDir, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dataDir, 'no-aws-credentials'),
    // Real time in the sandbox, so the AMI copy the test starts is still running when it looks.
    ENVELOPE_SANDBOX_SPEED: '1',
  };
}

export interface TrayView {
  readonly destroyed: boolean;
  readonly labels: string[];
  // The menu ids of the running jobs' items (`job-<id>`, electron/main/tray-menu.ts).
  readonly jobItemIds: string[];
}

type Captured = { tray: Tray; menu: Menu };
type SmokeGlobal = typeof globalThis & { __envelopeSmokeTray?: Captured };

// Records every menu the app gives its tray from now on. The app rebuilds the menu from each jobs
// snapshot, so the next job change hands the test the live tray and its menu.
export async function watchTray(app: ElectronApplication): Promise<void> {
  await app.evaluate(({ Tray }) => {
    const original = Tray.prototype.setContextMenu;
    Tray.prototype.setContextMenu = function (this: Tray, menu: Menu | null) {
      if (menu) (globalThis as SmokeGlobal).__envelopeSmokeTray = { tray: this, menu };
      original.call(this, menu);
    };
  });
}

export function readTray(app: ElectronApplication): Promise<TrayView | undefined> {
  return app.evaluate(() => {
    const captured = (globalThis as SmokeGlobal).__envelopeSmokeTray;
    if (!captured) return undefined;
    return {
      destroyed: captured.tray.isDestroyed(),
      labels: captured.menu.items.map((item) => item.label),
      jobItemIds: captured.menu.items
        .filter((item) => typeof item.id === 'string' && item.id.startsWith('job-'))
        .map((item) => item.id),
    };
  });
}

// Clicks "Cancel Job" in the submenu of the tray's running job item `itemId` (its label changes
// with the job's progress; its id does not).
export function cancelFromTray(app: ElectronApplication, itemId: string): Promise<boolean> {
  return app.evaluate((_electron, id) => {
    const captured = (globalThis as SmokeGlobal).__envelopeSmokeTray;
    const job = captured?.menu.items.find((item) => item.id === id);
    const cancel = job?.submenu?.items.find((item) => item.label === 'Cancel Job');
    if (!cancel) return false;
    cancel.click();
    return true;
  }, itemId);
}

export interface MemoryView {
  readonly totalMiB: number;
  readonly processes: { type: string; mib: number }[];
}

// app.getAppMetrics(): every process of the app, working set in KiB.
export function readMemory(app: ElectronApplication): Promise<MemoryView> {
  return app.evaluate(({ app: electronApp }) => {
    const processes = electronApp.getAppMetrics().map((metric) => ({
      type: metric.type,
      mib: Math.round((metric.memory.workingSetSize / 1024) * 10) / 10,
    }));
    const totalMiB = Math.round(processes.reduce((sum, p) => sum + p.mib, 0) * 10) / 10;
    return { totalMiB, processes };
  });
}

export function appPids(app: ElectronApplication): Promise<number[]> {
  return app.evaluate(({ app: electronApp }) => electronApp.getAppMetrics().map((metric) => metric.pid));
}

export async function poll<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: string | undefined;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? ` (${last})` : ''}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}
