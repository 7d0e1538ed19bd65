// Serves the built renderer through `app://envelope/`, as the Electron security checklist
// recommends instead of file://: a standard, secure scheme gives the page a real origin for the
// CSP and the sender check, and the handler can only read files inside the renderer folder.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME } from './app-origin';
import { contentTypeFor, resolveAppRequest } from './app-request';

// Must run before the app's ready event.
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export async function respondToAppRequest(rootDir: string, rawUrl: string, csp: string): Promise<Response> {
  const resolved = resolveAppRequest(rootDir, rawUrl);
  if (!resolved.ok) return new Response(null, { status: resolved.status });
  try {
    const body = await readFile(resolved.path);
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': contentTypeFor(resolved.path),
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch {
    return new Response(null, { status: 404 });
  }
}

export function serveApp(rootDir: string, csp: string): void {
  protocol.handle(APP_SCHEME, (request) => respondToAppRequest(rootDir, request.url, csp));
}
