// The preview is reachable only from this machine, and only by the page it served.
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../electron/preview/server';
import { makeTempDir } from '../helpers/temp-dir';

let preview: Preview;

const call = (channel: string, headers: Record<string, string> = {}) =>
  fetch(`${preview.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: '{}',
  });

// fetch() will not send a foreign Host header; node:http will.
const statusWithHost = (host: string) =>
  new Promise<number>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: preview.port, path: `/?token=${preview.token}`, headers: { Host: host } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });

const canConnect = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe('browser preview security', () => {
  beforeAll(async () => {
    preview = await startPreview({ dataDir: makeTempDir('envelope-e2e-data-') });
  });
  afterAll(() => preview?.close());

  it('refuses an API call without the token, or with a wrong one, as a JSON error', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { 'X-Envelope-Token': 'wrong' },
      { 'X-Envelope-Token': `${preview.token}x` },
    ];
    for (const headers of attempts) {
      const response = await call('app:info', headers);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const allowed = await call('app:info', { 'X-Envelope-Token': preview.token });
    expect(await allowed.json()).toMatchObject({ ok: true, value: { name: 'Envelope', shell: 'preview' } });
  });

  it('refuses the event stream and the page without the token', async () => {
    expect((await fetch(`${preview.origin}/api/events`)).status).toBe(403);
    expect((await fetch(`${preview.origin}/api/events?token=nope`)).status).toBe(403);
    expect((await fetch(`${preview.origin}/`)).status).toBe(403);
  });

  it('serves the page with a strict Content-Security-Policy and the token in a meta tag', async () => {
    const response = await fetch(preview.url);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/https?:/);
    expect(await response.text()).toContain(`<meta name="envelope-preview-token" content="${preview.token}"`);
  });

  it('refuses a request whose Host is not the loopback address (DNS rebinding)', async () => {
    expect(await statusWithHost(`127.0.0.1:${preview.port}`)).toBe(200);
    expect(await statusWithHost(`evil.example:${preview.port}`)).toBe(403);
  });

  it('turns a malformed body into a typed error', async () => {
    const response = await fetch(`${preview.origin}/api/app:info`, {
      method: 'POST',
      headers: { 'X-Envelope-Token': preview.token },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(new URL(preview.url).hostname).toBe('127.0.0.1');
    expect(await canConnect('127.0.0.1', preview.port)).toBe(true);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((info) => info !== undefined && !info.internal)
      .map((info) => info!.address);
    for (const address of ['::1', ...others])
      expect(await canConnect(address, preview.port), address).toBe(false);
  });
});
