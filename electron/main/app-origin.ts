// Where the renderer comes from. Packaged builds serve it through the privileged `app://envelope`
// scheme (app-protocol.ts); `electron-vite dev` serves it from a loopback dev server whose address
// arrives in ELECTRON_RENDERER_URL. Nothing in this file imports electron, so Node tests use it.
export const APP_SCHEME = 'app';
export const APP_HOST = 'envelope';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export interface RendererSource {
  // The dev server's URL in development, undefined in a packaged or built app.
  readonly devServerUrl?: string | undefined;
}

// The dev server is honoured only when it is on loopback: a stray environment variable must not
// make the app load (and trust) a remote page.
export function devServerOrigin(devServerUrl: string | undefined): string | undefined {
  if (!devServerUrl) return undefined;
  try {
    const url = new URL(devServerUrl);
    const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
    return (url.protocol === 'http:' || url.protocol === 'https:') && loopback ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

// True when a URL belongs to our own renderer. `new URL('app://envelope/').origin` is "null" for
// a non-special scheme, so the scheme and host are compared instead of the origin string.
export function isAppUrl(raw: string, source: RendererSource = {}): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password)
    return true;
  const dev = devServerOrigin(source.devServerUrl);
  return dev !== undefined && url.origin === dev;
}

// The URL a new window loads.
export function rendererEntryUrl(source: RendererSource = {}): string {
  const dev = devServerOrigin(source.devServerUrl);
  return dev !== undefined && source.devServerUrl ? source.devServerUrl : APP_ENTRY_URL;
}
