// The renderer's Content-Security-Policy. Only our own origin may supply scripts, styles, fonts
// and connections; no eval, no inline script, no remote origin. Cloudscape's styles are bundled
// into a CSS file by Vite (it injects <style> only for runtime theming, which Envelope does not
// use), and its fonts and a few images are data: URIs inside that CSS, hence `data:` for fonts and
// images. The policy is sent as a response header by the app:// protocol handler and, for any
// other response, through session.webRequest (installCsp).
import type { Session } from 'electron';
import { devServerOrigin } from './app-origin';

const productionDirectives: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

// In `electron-vite dev` only: Vite serves modules from its loopback origin, pushes CSS as
// <style> elements and talks HMR over a websocket, and the React plugin adds an inline preamble.
// A packaged app never has a dev server URL (index.ts ignores it when app.isPackaged).
function devDirectives(origin: string): Record<string, string[]> {
  const ws = origin.replace(/^http/, 'ws');
  return {
    'script-src': [origin, "'unsafe-inline'"],
    'style-src': [origin, "'unsafe-inline'"],
    'connect-src': [origin, ws],
    'img-src': [origin],
    'font-src': [origin],
  };
}

export function contentSecurityPolicy(devServerUrl?: string): string {
  const dev = devServerOrigin(devServerUrl);
  const extra = dev === undefined ? {} : devDirectives(dev);
  return Object.entries(productionDirectives)
    .map(([name, values]) => [name, ...values, ...(extra[name] ?? [])].join(' '))
    .join('; ');
}

// Adds the header to every response the default session receives (the dev server's pages
// included), replacing any policy a response brought with it.
export function installCsp(session: Session, policy: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'content-security-policy',
      ),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } });
  });
}
