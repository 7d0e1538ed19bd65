// Every BrowserWindow Envelope creates gets these options, and every web contents gets
// hardenWebContents(): the Electron security checklist in code, asserted by test/main. Pure (no
// electron value import), so the Node tests read exactly what main uses.
import type { BrowserWindowConstructorOptions, Rectangle, Session, WebContents } from 'electron';
import { isAllowedExternalUrl } from '../../shared/external-links';
import type { RendererSource } from './app-origin';
import { isAppUrl } from './app-origin';

export interface WindowOptionsInput {
  readonly preloadPath: string;
  readonly bounds?: Partial<Rectangle>;
  readonly icon?: string;
}

export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    ...input.bounds,
    minWidth: 960,
    minHeight: 600,
    title: 'Envelope',
    show: false, // shown on ready-to-show, so the first paint is not a white flash
    ...(input.icon ? { icon: input.icon } : {}),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // A middle click would otherwise ask for a new window (denied anyway by the open handler).
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

export interface HardeningOptions extends RendererSource {
  // Opens an allow-listed https link in the system browser (shell.openExternal).
  readonly openExternal: (url: string) => Promise<void>;
}

type HardenedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

// Navigation stays inside our own renderer; new windows are never created; an allow-listed https
// link goes to the system browser instead; <webview> never attaches.
export function hardenWebContents(contents: HardenedContents, options: HardeningOptions): void {
  const refuseForeign = (event: { readonly url: string; preventDefault(): void }) => {
    if (!isAppUrl(event.url, options)) event.preventDefault();
  };
  contents.on('will-navigate', refuseForeign);
  contents.on('will-frame-navigate', refuseForeign);
  contents.on('will-redirect', refuseForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void options.openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
}

type HardenedSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

// The one permission the page may use: writing text to the clipboard (Cloudscape's copy buttons
// for an ARN or a sign-in code call navigator.clipboard.writeText, which Chromium gates behind
// 'clipboard-sanitized-write'), and only for our own renderer. Reading the clipboard stays denied.
// Electron 40 deprecated its own clipboard module in renderers in favour of exactly this kind of
// narrow path (breaking-changes doc, 40.0: "clipboard API access from renderer processes").
export function isPermissionGranted(
  permission: string,
  requestingUrl: string,
  source: RendererSource,
): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl, source);
}

// Envelope needs no camera, microphone, notifications-from-the-page, geolocation, USB, HID or
// serial access: every other request and check is refused.
export function hardenSession(session: HardenedSession, source: RendererSource = {}): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionGranted(permission, details.requestingUrl, source)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, source),
  );
  session.setDevicePermissionHandler(() => false);
}
