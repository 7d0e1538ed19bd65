// `npm start` where Electron cannot open a window (here: no display, and no Electron binary): it
// serves the app on 127.0.0.1 through the browser preview, prints the address with its token, the
// address serves the page and the API answers with the sandbox account's identity; Ctrl-C
// (SIGINT) stops it and leaves no process behind.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { electronBinaryPath } from '../../scripts/electron-binary.mjs';

const ADDRESS = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+)#\/overview/;
const dataDir = mkdtempSync(join(tmpdir(), 'envelope-start-'));
let child: ChildProcessWithoutNullStreams | undefined;
let output = '';

afterAll(() => {
  if (child && child.exitCode === null) kill(child.pid!);
  rmSync(dataDir, { recursive: true, force: true });
});

function kill(pid: number): void {
  if (process.platform === 'win32') spawnSync('taskkill', ['/pid', String(pid), '/T', '/F']);
  else process.kill(pid, 'SIGKILL');
}

// The processes below `pid`, from /proc (Linux) or ps (macOS); Windows is covered by taskkill /T.
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  if (process.platform === 'linux') {
    for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        parents.set(Number(entry), Number(fields[1]));
      } catch {
        // the process ended while we read
      }
    }
  } else {
    const ps = spawnSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' });
    for (const line of ps.stdout.trim().split('\n')) {
      const [child, parent] = line.trim().split(/\s+/).map(Number);
      parents.set(child!, parent!);
    }
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [candidate, ppid] of parents) {
      if (ppid === parent) {
        found.push(candidate);
        walk(candidate);
      }
    }
  };
  walk(pid);
  return found;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; output so far:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('npm start without a desktop', () => {
  it('serves the Overview of the sandbox account on 127.0.0.1 and stops on Ctrl-C', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, BROWSER: 'none', ENVELOPE_DATA_DIR: dataDir };
    // Linux: no display, as on this machine and any server. Elsewhere (CI's macOS and Windows
    // runners have a desktop and can download Electron) the preview is asked for by name.
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    if (process.platform !== 'linux') env.ENVELOPE_START = 'preview';
    child = spawn(process.execPath, ['scripts/start.mjs'], { env });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

    // The renderer may need building first (vite), hence the generous bound.
    const [, port, token] = await waitFor('the address', () => ADDRESS.exec(output) ?? undefined, 240_000);
    expect(output).toMatch(/^Envelope cannot open a desktop window here: .+\.$/m);
    if (process.platform === 'linux') expect(output).toContain('there is no display');
    if (!electronBinaryPath()) expect(output).not.toContain('Opening it in your browser');
    const origin = `http://127.0.0.1:${port}`;

    const page = await fetch(`${origin}/?token=${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<title>Envelope</title>');
    expect(html).toContain(token);
    expect((await fetch(`${origin}/`)).status).toBe(403); // no token, no page

    const call = async (channel: string) => {
      const response = await fetch(`${origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'X-Envelope-Token': token!, 'Content-Type': 'application/json' },
        body: '{}',
      });
      return (await response.json()) as { ok: boolean; value: Record<string, unknown> };
    };
    // What the Overview shows first: the account it is on and the caller identity there.
    const accounts = await call('accounts:list');
    expect(accounts.ok).toBe(true);
    expect(JSON.stringify(accounts.value)).toContain('sandbox');
    const identity = await call('accounts:identity');
    expect(identity.ok).toBe(true);
    expect(identity.value).toMatchObject({
      profile: 'sandbox',
      accountId: expect.stringMatching(/^\d{12}$/),
    });

    if (process.platform === 'win32') return; // no POSIX signals; afterAll ends the tree
    const pids = [child.pid!, ...descendants(child.pid!)];
    expect(pids.length).toBeGreaterThanOrEqual(2); // start.mjs and the preview it runs
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    await waitFor('every process to end', () => (pids.some(alive) ? undefined : true), 30_000);
    await expect(fetch(`${origin}/?token=${token}`)).rejects.toThrow();
  }, 300_000);
});
