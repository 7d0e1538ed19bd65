// Developer tool, not part of `npm run bench`: the P3 page (unminified build) under a Chromium
// trace, printing per page load the wall time and the main thread's CPU time (contention on a
// shared machine inflates the first, hardly the second) of the first render and of each filter
// keystroke, and what the main thread did in those windows; with --cpu, also the V8 sampling
// profile's costliest functions. `npx tsx bench/renderer/p3-profile.ts [--cpu] [--runs N]`
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { CDPSession } from 'playwright-core';
import { launchChromium } from '../../test/e2e/chromium';
import { rendererViteConfig } from '../../vite.renderer.config';
import { probeScript } from './p3-renderer';
import { fakeInventory } from './fake-inventory';
import { serveStatic } from './static-server';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

// Self and inclusive time per function, over the samples inside [from, to] (trace clock, µs).
function summarize(label: string, profile: Profile, from = 0, to = Infinity): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode): string =>
    `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (!node || node.callFrame.functionName === '(idle)' || t < from || t > to) return;
    self.set(name(node), (self.get(name(node)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let n: ProfileNode | undefined = node; n; n = byId.get(parent.get(n.id) ?? -1)) seen.add(name(n));
    for (const s of seen) inclusive.set(s, (inclusive.get(s) ?? 0) + dt);
    total += dt;
  });
  process.stdout.write(`\n== ${label}: ${total.toFixed(0)} ms busy\n`);
  const top = (m: Map<string, number>, n: number) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  for (const [where, ms] of top(self, 30))
    process.stdout.write(`${ms.toFixed(1).padStart(8)} ms  ${where}\n`);
  process.stdout.write(`-- inclusive\n`);
  for (const [where, ms] of top(inclusive, 25))
    process.stdout.write(`${ms.toFixed(1).padStart(8)} ms  ${where}\n`);
  // React calls each component from its work loop, so a component's inclusive time is its own
  // render (hooks included): the ones with a capitalised name, apart.
  process.stdout.write(`-- components (render bodies)\n`);
  const components = new Map([...inclusive].filter(([n]) => /^[A-Z]/.test(n)));
  for (const [where, ms] of top(components, 25))
    process.stdout.write(`${ms.toFixed(1).padStart(8)} ms  ${where}\n`);
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  tid: number;
}

interface Window {
  readonly label: string;
  readonly from: number; // trace clock, µs
  readonly to: number;
}

// Main-thread CPU time per event name inside a window (nested events count in both).
function traceWindow(events: readonly TraceEvent[], tid: number, w: Window, detail: boolean): number {
  const sums = new Map<string, number>();
  let cpu = 0;
  for (const e of events) {
    if (e.tid !== tid || e.ph !== 'X' || e.ts > w.to || e.ts + (e.dur ?? 0) < w.from) continue;
    const share = Math.max(0, Math.min(e.ts + (e.dur ?? 0), w.to) - Math.max(e.ts, w.from)) / (e.dur || 1);
    const ms = ((e.tdur ?? e.dur ?? 0) * share) / 1000;
    sums.set(e.name, (sums.get(e.name) ?? 0) + ms);
    if (e.name === 'RunTask') cpu += ms;
  }
  if (detail) {
    // The window's tasks in order: start (ms from the window's start), wall and CPU duration, and
    // what the largest event inside each was.
    const tasks = events.filter(
      (e) => e.tid === tid && e.ph === 'X' && e.name === 'RunTask' && e.ts >= w.from && e.ts <= w.to,
    );
    const line = tasks
      .filter((t) => (t.dur ?? 0) > 1000)
      .map((t) => {
        const inner = events
          .filter(
            (e) =>
              e.tid === tid &&
              e.ph === 'X' &&
              e.name !== 'RunTask' &&
              e.ts >= t.ts &&
              e.ts < t.ts + (t.dur ?? 0),
          )
          .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
        return `@${((t.ts - w.from) / 1000).toFixed(0)}:${((t.dur ?? 0) / 1000).toFixed(0)}/${((t.tdur ?? 0) / 1000).toFixed(0)}${inner ? ` ${inner.name}` : ''}`;
      });
    process.stdout.write(`   tasks: ${line.join(', ')}\n`);
    const top = [...sums.entries()].filter(([n]) => !n.startsWith('V8.')).sort((a, b) => b[1] - a[1]);
    process.stdout.write(
      `   ${top
        .slice(1, 9)
        .map(([n, ms]) => `${n} ${ms.toFixed(0)}`)
        .join(', ')}\n`,
    );
  }
  return cpu;
}

const stop = async (cdp: CDPSession): Promise<Profile> =>
  ((await cdp.send('Profiler.stop')) as unknown as { profile: Profile }).profile;

const args = process.argv.slice(2);
const withCpu = args.includes('--cpu');
// --react: React's profiling build, and a stand-in for the DevTools hook that adds up, per commit,
// the render time of each component that rendered (selfBaseDuration of fibers with PerformedWork).
const withReact = args.includes('--react');
const reactHook = `(() => {
  const commits = (window.__reactCommits = []);
  const nameOf = (f) => { const t = f.type; return typeof t === 'string' ? null : t && (t.displayName || t.name || (t.render && (t.render.displayName || t.render.name)) || (t.type && (t.type.displayName || t.type.name))) || null; };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = { supportsFiber: true, renderers: new Map(), inject: () => 1,
    checkDCE() {}, onScheduleFiberRoot() {}, onCommitFiberUnmount() {}, onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      const byName = new Map(); let total = 0, count = 0;
      const walk = (f) => { for (; f; f = f.sibling) {
        if ((f.flags & 1) && f.selfBaseDuration > 0) { const n = nameOf(f) || '(host/anon)';
          byName.set(n, (byName.get(n) || 0) + f.selfBaseDuration); total += f.selfBaseDuration; count++; }
        // A subtree that bailed out keeps the committed children: nothing below rendered.
        if (!f.alternate || f.child !== f.alternate.child) walk(f.child); } };
      walk(root.current.child);
      commits.push({ at: performance.now(), total, count, top: [...byName].sort((a, b) => b[1] - a[1]).slice(0, 12) });
    } };
})();`;
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
// --trace FILE: also write the first page load's trace events and windows (JSON) for a closer look.
const traceFile = args.includes('--trace') ? args[args.indexOf('--trace') + 1] : undefined;
// --categories a,b: extra trace categories (e.g. blink,disabled-by-default-devtools.timeline.stack).
const extraCategories = args.includes('--categories')
  ? (args[args.indexOf('--categories') + 1] ?? '').split(',').filter(Boolean)
  : [];
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;

const outDir = await mkdtemp(join(tmpdir(), 'p3-profile-'));
await build({
  ...rendererViteConfig,
  build: { ...rendererViteConfig.build, outDir, minify: false },
  ...(withReact ? { resolve: { alias: { 'react-dom/client': 'react-dom/profiling' } } } : {}),
  configFile: false,
  logLevel: 'warn',
});
const server = await serveStatic(outDir);
const browser = await launchChromium();
const script = await probeScript(JSON.stringify(fakeInventory(10_000)));
const results = new Map<string, { wall: number[]; cpu: number[] }>();
const record = (label: string, wall: number, cpu: number) => {
  const r = results.get(label) ?? { wall: [], cpu: [] };
  r.wall.push(wall);
  r.cpu.push(cpu);
  results.set(label, r);
  process.stdout.write(
    `${label.padEnd(14)} wall ${wall.toFixed(0).padStart(4)} ms, main-thread cpu ${cpu.toFixed(0).padStart(4)} ms\n`,
  );
};
try {
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    if (withReact) await page.addInitScript({ content: reactHook });
    await page.addInitScript({ content: script });
    // The probe's timestamps land as user timings too, and key events are time-stamped, so the
    // windows can be found in the trace (whose clock is performance.now() plus an offset).
    await page.addInitScript({
      content: `for (const name of ['__benchDataAt', '__benchRenderedAt']) {
        let value; Object.defineProperty(window, name, { get: () => value,
          set: (v) => { value = v; performance.mark(name); } });
      }
      window.__keyTimes = [];
      addEventListener('keydown', (e) => window.__keyTimes.push(e.timeStamp), true);`,
    });
    const cdp = await page.context().newCDPSession(page);
    await browser.startTracing(page, {
      categories: [
        'devtools.timeline',
        'blink.user_timing',
        'disabled-by-default-devtools.timeline',
        ...extraCategories,
      ],
    });
    if (withCpu) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.goto(`${server.url}#/inventory`);
    await page.waitForFunction('window.__benchRenderedAt !== undefined');
    const times = await page.evaluate<number[]>('[window.__benchDataAt, window.__benchRenderedAt]');
    await page.getByPlaceholder('Find volumes').click();
    const keys: { echoMs: number; resultMs: number }[] = [];
    for (const key of ['1', '2', '3']) {
      await page.evaluate('window.__benchProbe.armKeystroke()');
      await page.keyboard.press(key);
      keys.push(await page.evaluate<(typeof keys)[number]>('window.__benchProbe.readKeystroke()'));
    }
    const keyTimes = await page.evaluate<number[]>('window.__keyTimes');
    const profile = withCpu ? await stop(cdp) : undefined;
    const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] })
      .traceEvents;
    const mark = events.find((e) => e.name === '__benchDataAt' && e.ph !== 'X');
    if (!mark) throw new Error('no data mark in the trace');
    const offset = mark.ts - (times[0] ?? 0) * 1000;
    const at = (ms: number) => offset + ms * 1000;
    const windows: Window[] = [
      { label: 'first render', from: at(times[0] ?? 0), to: at(times[1] ?? 0) },
      ...keys.map((k, i) => ({
        label: `key ${i + 1}`,
        from: at(keyTimes[i] ?? 0),
        to: at((keyTimes[i] ?? 0) + k.resultMs),
      })),
    ];
    if (traceFile && run === 0)
      await writeFile(traceFile, JSON.stringify({ windows, tid: mark.tid, events }));
    const commits = withReact
      ? await page.evaluate<{ at: number; total: number; count: number; top: [string, number][] }[]>(
          'window.__reactCommits',
        )
      : [];
    for (const w of windows) {
      if (run === 0)
        for (const c of commits.filter((c) => at(c.at) >= w.from && at(c.at) <= w.to))
          process.stdout.write(
            `   commit @${((at(c.at) - w.from) / 1000).toFixed(0)}: ${c.total.toFixed(1)} ms in ${c.count} renders: ${c.top.map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join(', ')}\n`,
          );
      record(
        w.label,
        (w.to - w.from) / 1000,
        traceWindow(events, mark.tid, w, run === 0 || args.includes('--all')),
      );
      if (profile && run === 0) summarize(w.label, profile, w.from, w.to);
    }
    await page.close();
  }
  process.stdout.write('\nmedians\n');
  for (const [label, r] of results)
    process.stdout.write(
      `${label.padEnd(14)} wall ${median(r.wall).toFixed(0).padStart(4)} ms, cpu ${median(r.cpu).toFixed(0).padStart(4)} ms\n`,
    );
} finally {
  await browser.close();
  await server.close();
  if (withCpu) process.stdout.write(`build kept in ${outDir}\n`);
  else await rm(outDir, { recursive: true, force: true });
}
