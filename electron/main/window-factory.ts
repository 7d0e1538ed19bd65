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

// Envelope needs no camera, microphone, notifications-from-the-page, geolocation, USB, HID or
// serial access: every request and check is refused.
export function hardenSession(session: HardenedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
