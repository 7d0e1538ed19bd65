// P3: a 10,000-row volume table in Chromium. The production renderer bundle (out/renderer, built
// here first) is served on loopback with a fake window.api (page-probe.ts) whose inventory:get
// answers 10,000 volumes; we time the first painted frame showing rows after the data arrives,
// then single filter keystrokes, each to the painted frame with the new match count.
import { build as bundle } from 'esbuild';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../test/e2e/chromium';
import { rendererOutDir, rendererViteConfig } from '../../vite.renderer.config';
import type { BenchRow } from '../report';
import { fakeInventory } from './fake-inventory';
import { benchFile } from '../inventory/child';
import type { ProbeWindow } from './page-probe';
import { serveStatic } from './static-server';

const VOLUMES = 10_000;
const KEYS = ['7', '7', '3']; // filter "7", "77", "773": each narrows the 10,000 rows
const RUNS = 3; // page loads; the median is reported (a shared machine is noisy)

async function measureOnce(page: Page, url: string): Promise<{ renderMs: number; keyMs: number[] }> {
  await page.goto(`${url}#/inventory`);
  await page.waitForFunction(() => (window as unknown as ProbeWindow).__benchRenderedAt !== undefined, null, {
    timeout: 60_000,
  });
  const renderMs = await page.evaluate(() => {
    const w = window as unknown as ProbeWindow;
    return (w.__benchRenderedAt ?? 0) - (w.__benchDataAt ?? 0);
  });
  await page.getByPlaceholder('Find volumes').click();
  const keyMs: number[] = [];
  for (const key of KEYS) {
    const timing = page.evaluate(() => (window as unknown as ProbeWindow).__benchProbe?.timeKeystroke());
    await page.keyboard.press(key);
    keyMs.push((await timing) ?? Number.NaN);
  }
  return { renderMs, keyMs };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

export async function benchRenderer(): Promise<BenchRow[]> {
  await build({ ...rendererViteConfig, configFile: false, logLevel: 'warn' });
  const server = await serveStatic(rendererOutDir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript({ content: await probeScript(JSON.stringify(fakeInventory(VOLUMES))) });
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measureOnce(page, server.url));
    const render = median(runs.map((r) => r.renderMs));
    const keys = runs.flatMap((r) => r.keyMs);
    const keyMedian = median(keys);
    const keyMax = Math.max(...keys);
    return [
      {
        bench: 'P3 renderer',
        metric: `first render of ${VOLUMES.toLocaleString('en-US')} volumes after the data arrives (median of ${RUNS})`,
        value: `${Math.round(render)} ms (runs: ${runs.map((r) => Math.round(r.renderMs)).join(', ')})`,
        target: '≤ 300 ms',
        ok: render <= 300,
      },
      {
        bench: 'P3 renderer',
        metric: `filter keystroke to painted frame (median of ${keys.length})`,
        value: `${Math.round(keyMedian)} ms (max ${Math.round(keyMax)} ms)`,
        target: '≤ 50 ms',
        ok: keyMedian <= 50,
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

// The probe as one plain script: bundled by esbuild (the bundler under vite and tsx), since a
// function handed to Playwright from tsx carries tsx's __name helper, which the page lacks.
async function probeScript(inventoryJson: string): Promise<string> {
  const result = await bundle({
    entryPoints: [benchFile('../renderer/page-probe.ts')],
    bundle: true,
    format: 'iife',
    globalName: '__benchProbe',
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0]?.text ?? '';
  return `${code}\nwindow.__benchProbe = __benchProbe;\n__benchProbe.installProbe(${inventoryJson});`;
}
