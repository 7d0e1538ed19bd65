// Electron cannot start on these machines, so main's index.ts runs here against a fake electron
// module with the real core behind it: it must register every channel behind the sender check,
// open one hardened window on app://, build the tray and the menu, and dispose core on quit.
import { describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../shared/ipc/contract';
import { makeTempDir } from '../helpers/temp-dir';

type Handler = (
  event: unknown,
  args: unknown,
) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
type AppListener = (event: { preventDefault(): void }) => void;

const fake = vi.hoisted(() => {
  const ipc = new Map<string, Handler>();
  const appListeners = new Map<string, AppListener>();
  const windows: FakeWindow[] = [];
  let nextId = 1;
  class FakeWindow {
    readonly options: unknown;
    readonly loaded: string[] = [];
    readonly webContents: Record<string, unknown>;
    constructor(options: unknown) {
      this.options = options;
      const id = nextId++;
      const mainFrame = { url: 'app://envelope/index.html' };
      this.webContents = {
        id,
        mainFrame,
        isLoading: () => false,
        once: () => undefined,
        send: vi.fn(),
        isDestroyed: () => false,
      };
      windows.push(this);
    }
    on() {
      return this;
    }
    once() {
      return this;
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    show() {}
    focus() {}
  }
  const app = {
    isPackaged: false,
    dataDir: '',
    on: (name: string, listener: AppListener) => appListeners.set(name, listener),
    whenReady: () => Promise.resolve(),
    requestSingleInstanceLock: () => true,
    getPath: () => app.dataDir,
    setPath: vi.fn(),
    getAppPath: () => process.cwd(),
    getVersion: () => '0.1.0-test',
    setAboutPanelOptions: vi.fn(),
    setLoginItemSettings: vi.fn(),
    quit: vi.fn(),
    exit: vi.fn(),
  };
  const tray = { setToolTip: vi.fn(), setContextMenu: vi.fn(), on: vi.fn(), destroy: vi.fn() };
  return { ipc, appListeners, windows, FakeWindow, app, tray };
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.FakeWindow,
  ipcMain: {
    handle: (name: string, handler: Handler) => fake.ipc.set(name, handler),
    removeHandler: vi.fn(),
  },
  Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: vi.fn() },
  Tray: vi.fn(function Tray() {
    return fake.tray;
  }),
  nativeImage: { createFromPath: () => ({ setTemplateImage: vi.fn() }) },
  Notification: Object.assign(vi.fn(), { isSupported: () => false }),
  dialog: { showMessageBox: vi.fn(), showErrorBox: vi.fn() },
  session: {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    },
  },
  shell: { openExternal: vi.fn(), openPath: vi.fn() },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  screen: {
    getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
    getAllDisplays: () => [],
  },
}));

vi.mock('electron-log/main', () => ({
  default: {
    hooks: [],
    transports: { file: {}, console: {} },
    errorHandler: { startCatching: vi.fn() },
    info: vi.fn(),
  },
}));

describe('electron main (against a fake electron)', () => {
  it('wires core to IPC behind the sender check, opens one hardened window, and disposes core on quit', async () => {
    fake.app.dataDir = makeTempDir('envelope-main-');
    await import('../../electron/main/index');
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 30_000 });

    expect([...fake.ipc.keys()].sort()).toEqual([...channelNames].sort());
    const [window] = fake.windows;
    expect(window!.loaded).toEqual(['app://envelope/index.html']);
    expect(window!.options).toMatchObject({
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
    });
    expect((window!.options as { webPreferences: { preload: string } }).webPreferences.preload).toMatch(
      /preload[/\\]index\.cjs$/,
    );
    expect(fake.tray.setContextMenu).toHaveBeenCalled();

    const contents = window!.webContents as { id: number; mainFrame: { url: string } };
    const info = await fake.ipc.get('app:info')!({ sender: contents, senderFrame: contents.mainFrame }, {});
    expect(info).toMatchObject({
      ok: true,
      value: { name: 'Envelope', version: '0.1.0-test', shell: 'electron' },
    });
    const foreign = await fake.ipc.get('app:info')!(
      { sender: { id: 999, mainFrame: contents.mainFrame }, senderFrame: contents.mainFrame },
      {},
    );
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const beforeQuit = { preventDefault: vi.fn() };
    fake.appListeners.get('before-quit')!(beforeQuit);
    expect(beforeQuit.preventDefault).not.toHaveBeenCalled(); // no job runs: quit at once
    const willQuit = { preventDefault: vi.fn() };
    fake.appListeners.get('will-quit')!(willQuit);
    expect(willQuit.preventDefault).toHaveBeenCalled(); // until core has flushed and stopped
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled());
    expect(fake.tray.destroy).toHaveBeenCalled();
  });
});
