import { describe, expect, it, vi } from 'vitest';
import { hardenSession, hardenWebContents, windowOptions } from '../../electron/main/window-factory';

type Listener = (...args: unknown[]) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    listeners,
    open: (url: string) => openHandler!({ url }),
    contents: {
      on: (name: string, listener: Listener) => {
        listeners.set(name, listener);
        return undefined as never;
      },
      setWindowOpenHandler: (handler: typeof openHandler) => {
        openHandler = handler;
      },
    } as unknown as Parameters<typeof hardenWebContents>[0],
  };
}

const navigation = (url: string) => ({ url, preventDefault: vi.fn() });

describe('windowOptions', () => {
  const options = windowOptions({ preloadPath: '/app/out/preload/index.cjs' });
  const prefs = options.webPreferences!;

  it('isolates the page and sandboxes the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and experimental features, insecure content and webviews off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('loads the given preload and nothing else', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'disableBlinkFeatures',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });

  it('uses restored bounds but never goes below the minimum size', () => {
    const restored = windowOptions({ preloadPath: '/p', bounds: { x: 10, y: 20, width: 1000, height: 700 } });
    expect(restored).toMatchObject({ x: 10, y: 20, width: 1000, height: 700, minWidth: 960, show: false });
  });
});

describe('hardenWebContents', () => {
  const setUp = (devServerUrl?: string) => {
    const fake = fakeContents();
    const openExternal = vi.fn(() => Promise.resolve());
    hardenWebContents(fake.contents, { openExternal, devServerUrl });
    return { ...fake, openExternal };
  };

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: stays inside the app', (name) => {
    const { listeners } = setUp();
    const inside = navigation('app://envelope/index.html#/jobs');
    listeners.get(name)!(inside);
    expect(inside.preventDefault).not.toHaveBeenCalled();
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'app://other/index.html',
      'http://localhost:5173/',
      'not a url',
    ]) {
      const outside = navigation(url);
      listeners.get(name)!(outside);
      expect(outside.preventDefault, url).toHaveBeenCalled();
    }
  });

  it('allows the loopback dev server only when one is configured', () => {
    const { listeners } = setUp('http://localhost:5173/');
    const dev = navigation('http://localhost:5173/index.html');
    listeners.get('will-navigate')!(dev);
    expect(dev.preventDefault).not.toHaveBeenCalled();
    const otherPort = navigation('http://localhost:5174/');
    listeners.get('will-navigate')!(otherPort);
    expect(otherPort.preventDefault).toHaveBeenCalled();
  });

  it('ignores a dev server URL that is not on loopback', () => {
    const { listeners } = setUp('https://evil.example/');
    const remote = navigation('https://evil.example/');
    listeners.get('will-navigate')!(remote);
    expect(remote.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window and opens only allow-listed https links outside', () => {
    const { open, openExternal } = setUp();
    expect(open('https://docs.aws.amazon.com/kms/latest/developerguide/overview.html')).toEqual({
      action: 'deny',
    });
    expect(openExternal).toHaveBeenCalledWith(
      'https://docs.aws.amazon.com/kms/latest/developerguide/overview.html',
    );
    openExternal.mockClear();
    for (const url of [
      'https://evil.example/',
      'http://docs.aws.amazon.com/',
      'https://docs.aws.amazon.com.evil.example/',
      'file:///etc/passwd',
      'app://envelope/index.html',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('prevents <webview> from attaching', () => {
    const { listeners } = setUp();
    const event = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')!(event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('hardenSession', () => {
  function hardened(source = {}) {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    hardenSession(session, source);
    return {
      request: session.setPermissionRequestHandler.mock.calls[0]![0] as (...a: unknown[]) => void,
      check: session.setPermissionCheckHandler.mock.calls[0]![0] as (...a: unknown[]) => boolean,
      device: session.setDevicePermissionHandler.mock.calls[0]![0] as (...a: unknown[]) => boolean,
    };
  }
  const asked = (request: (...a: unknown[]) => void, permission: string, requestingUrl: string) => {
    const callback = vi.fn();
    request({}, permission, callback, { requestingUrl, isMainFrame: true });
    return callback.mock.calls[0]![0] as boolean;
  };

  it('denies every permission request and check but the clipboard write', () => {
    const { request, check, device } = hardened();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'usb',
    ]) {
      expect(asked(request, permission, 'app://envelope/index.html')).toBe(false);
      expect(check({}, permission, 'app://envelope', {})).toBe(false);
    }
    expect(device({ deviceType: 'usb' })).toBe(false);
  });

  it("lets only our own renderer write to the clipboard (Cloudscape's copy buttons)", () => {
    const { request, check } = hardened();
    expect(asked(request, 'clipboard-sanitized-write', 'app://envelope/index.html#/inventory')).toBe(true);
    expect(check({}, 'clipboard-sanitized-write', 'app://envelope', {})).toBe(true);
    expect(asked(request, 'clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(check({}, 'clipboard-sanitized-write', 'https://example.com', {})).toBe(false);
    expect(check({}, 'clipboard-sanitized-write', 'http://localhost:5173', {})).toBe(false);
    const dev = hardened({ devServerUrl: 'http://localhost:5173/' });
    expect(dev.check({}, 'clipboard-sanitized-write', 'http://localhost:5173', {})).toBe(true);
  });
});
