import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';

vi.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() } }));

const { resolveAppRequest, contentTypeFor } = await import('../../electron/main/app-request');
const { respondToAppRequest, registerAppScheme, serveApp } = await import('../../electron/main/app-protocol');
const { protocol } = await import('electron');

const parent = makeTempDir('envelope-app-');
const root = join(parent, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html>');
writeFileSync(join(root, 'assets', 'index.js'), 'console.log(1)');
writeFileSync(join(parent, 'secret.txt'), 'secret');

describe('resolveAppRequest', () => {
  it('maps app://envelope/ paths into the renderer folder', () => {
    expect(resolveAppRequest(root, 'app://envelope/')).toEqual({ ok: true, path: join(root, 'index.html') });
    expect(resolveAppRequest(root, 'app://envelope/assets/index.js?v=1#x')).toEqual({
      ok: true,
      path: join(root, 'assets', 'index.js'),
    });
  });

  it.each([
    'app://envelope/..%2fsecret.txt',
    'app://envelope/assets/..%2F..%2Fsecret.txt',
    'app://envelope/%2F..%2F..%2Fsecret.txt',
  ])('refuses traversal %s', (url) => {
    const result = resolveAppRequest(root, url);
    expect(result.ok).toBe(false);
  });

  it.each([
    'app://envelope/../../secret.txt',
    'app://envelope/%2e%2e/secret.txt',
    'app://envelope/assets/%2E%2E/%2E%2E/secret.txt',
  ])('keeps dot segments that the URL parser resolves inside the root: %s', (url) => {
    // WHATWG URL parsing removes ../ (and %2e%2e) before we see the path: it cannot climb above "/".
    expect(resolveAppRequest(root, url)).toEqual({ ok: true, path: join(root, 'secret.txt') });
  });

  it.each([
    ['app://other/index.html', 403],
    ['file:///etc/passwd', 403],
    ['app://envelope/%E0%A4%A', 400],
    ['app://envelope/a%00b', 400],
    ['app://envelope/a%5C..%5C..%5Csecret.txt', 400],
  ])('refuses %s with %i', (url, status) => {
    expect(resolveAppRequest(root, url)).toEqual({ ok: false, status });
  });

  it('knows the content types the renderer needs', () => {
    expect(contentTypeFor('a.html')).toMatch(/text\/html/);
    expect(contentTypeFor('a.js')).toMatch(/javascript/);
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});

describe('respondToAppRequest', () => {
  it('serves files with the CSP header', async () => {
    const response = await respondToAppRequest(root, 'app://envelope/index.html', "default-src 'self'");
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html>');
  });

  it('answers 403 to traversal and 404 to a missing file', async () => {
    expect((await respondToAppRequest(root, 'app://envelope/..%2fsecret.txt', '')).status).toBe(403);
    const dotted = await respondToAppRequest(root, 'app://envelope/%2e%2e/secret.txt', '');
    expect(dotted.status).toBe(404); // looked for inside the root, where there is no secret.txt
    expect((await respondToAppRequest(root, 'app://envelope/missing.js', '')).status).toBe(404);
  });

  it('registers app:// as a standard secure scheme and handles it', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    serveApp(root, '');
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});
