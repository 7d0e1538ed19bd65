// Electron main: the app's lifecycle and nothing else. Every decision lives in a pure module
// beside this file (tested in Node) or in core. Envelope is a tray app: closing the window keeps
// jobs running; quitting asks first while jobs run.
import { Menu, Notification, app, dialog, session, shell, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createCore, type Core } from '../core/create-core';
import { safeStoragePort } from './safe-storage-port';
import { createSandboxProvider } from '../sandbox/provider';
import { isAllowedExternalUrl } from '../../shared/external-links';
import type { JobSnapshot } from '../../shared/domain/jobs';
import type { PageId } from '../../shared/ipc/channels/app';
import { aboutPanelOptions } from './about';
import { appMenuTemplate } from './app-menu';
import type { RendererSource } from './app-origin';
import { registerAppScheme, serveApp } from './app-protocol';
import { contentSecurityPolicy, installCsp } from './csp';
import { forwardEvents } from './ipc';
import { registerIpcHandlers } from './ipc-registration';
import { setOpenAtLogin, startedHidden } from './login-item';
import { setUpMainLog } from './main-log';
import { createMainWindow } from './main-window';
import { createJobNotifier } from './notifications';
import { QUIT_BUTTON, quitPrompt } from './quit-guard';
import { createTray, type AppTray } from './tray';
import { trayIconPath } from './tray-icon';
import { hardenSession, hardenWebContents } from './window-factory';
import { WindowRegistry } from './window-registry';

// Built layout: out/main/index.js, out/preload/index.cjs, out/renderer/index.html.
const outDir = join(import.meta.dirname, '..');
const preloadPath = join(outDir, 'preload', 'index.cjs');
const rendererDir = join(outDir, 'renderer');
// The dev server is trusted only in an unpackaged app (electron-vite dev sets the variable).
const source: RendererSource = {
  devServerUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
};
const resourcesDir = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'build');

// Every link that leaves the app passes the allow-list here as well, whoever asked for it.
const openExternal = async (url: string): Promise<void> => {
  if (isAllowedExternalUrl(url)) await shell.openExternal(url);
};

const windows = new WindowRegistry();
let core: Core | undefined;
let tray: AppTray | undefined;
let quitConfirmed = false;
let disposed = false;

// ENVELOPE_DATA_DIR moves the data folder, as it does for the CLI and the preview (core/data-dir.ts).
if (process.env.ENVELOPE_DATA_DIR) app.setPath('userData', process.env.ENVELOPE_DATA_DIR);
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => void showWindow());
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, { ...source, openExternal }),
  );
  app.on('window-all-closed', () => undefined); // stay in the tray
  app.on('activate', () => void showWindow());
  app.on('before-quit', (event) => confirmQuit(event));
  app.on('will-quit', (event) => disposeCore(event));
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail(error));
}

async function start(): Promise<void> {
  const log = setUpMainLog(app.getPath('userData'));
  log.info(`Envelope ${app.getVersion()} starting`);
  core = await createCore({
    dataDir: app.getPath('userData'),
    version: app.getVersion(),
    shell: 'electron',
    sandbox: createSandboxProvider(),
    openExternal,
    secretProtector: safeStoragePort(),
  });
  const csp = contentSecurityPolicy(source.devServerUrl);
  hardenSession(session.defaultSession, source);
  installCsp(session.defaultSession, csp);
  serveApp(rendererDir, csp);
  registerIpcHandlers(core.dispatch, { ...source, webContentsIds: windows.webContentsIds });
  forwardEvents(core.events, () => windows.contents());

  app.setAboutPanelOptions(aboutPanelOptions(app.getVersion(), process.versions));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate({
        platform: process.platform,
        isDev: !app.isPackaged,
        onNavigate: (page) => showPage(page),
        onOpenLogs: () => void shell.openPath(join(app.getPath('userData'), 'logs')),
      }),
    ),
  );

  const settings = core.settings;
  const loginTarget = {
    platform: process.platform,
    execPath: process.env.APPIMAGE ?? process.execPath,
    setLoginItemSettings: (s: { openAtLogin: boolean; args?: string[] }) => app.setLoginItemSettings(s),
  };
  const openAtLogin = settings.get().openAtLogin;
  if (openAtLogin !== undefined) setOpenAtLogin(loginTarget, openAtLogin);

  const jobs = core.jobs;
  tray = createTray(
    trayIconPath(process.platform, resourcesDir),
    () => ({
      onOpen: () => void showWindow(),
      onShowJob: (jobId) => showPage('jobs', jobId),
      onCancelJob: (jobId) => jobs.cancel(jobId),
      onQuit: () => app.quit(),
      openAtLogin: {
        checked: settings.get().openAtLogin ?? false,
        onToggle: (checked) => {
          setOpenAtLogin(loginTarget, checked);
          settings.update({ openAtLogin: checked });
        },
      },
    }),
    jobs.list(),
  );
  const notify = createJobNotifier(
    {
      isSupported: () => Notification.isSupported(),
      show: (notice, onClick) => {
        const notification = new Notification({ title: notice.title, body: notice.body });
        notification.on('click', onClick);
        // Since Electron 42 macOS shows notifications through UNNotification, which refuses an
        // unsigned app and reports it here (breaking-changes doc, 42.0): say so in the log.
        notification.on('failed', (_event, error) => log.warn(`Notification not shown: ${error}`));
        notification.show();
      },
      onOpenJob: (jobId) => showPage('jobs', jobId),
    },
    jobs.list(),
  );
  core.events.subscribe((name, payload) => {
    if (name !== 'jobs:changed') return;
    const list = (payload as { jobs: JobSnapshot[] }).jobs;
    tray?.update(list);
    notify(list);
  });

  if (!startedHidden(process.argv)) showWindow();
}

function showWindow(page?: PageId): BrowserWindow | undefined {
  if (!core) return undefined;
  const existing = windows.first();
  if (existing) {
    if (existing.isMinimized()) existing.restore();
    existing.show();
    existing.focus();
    return existing;
  }
  const window = createMainWindow({
    ...source,
    preloadPath,
    settings: core.settings,
    show: true,
    ...(page ? { initialPage: page } : {}),
    ...(app.isPackaged ? {} : { icon: join(resourcesDir, 'icon.png') }),
  });
  windows.add(window);
  return window;
}

// Brings the window up on a page: a new window opens on it (hash route); an open one is told
// through the app:navigate event. The job id follows once the page has loaded.
function showPage(page: PageId, jobId?: string): void {
  const window = showWindow(page);
  if (!window || !core) return;
  const events = core.events;
  const send = () => events.emit('app:navigate', { page, ...(jobId ? { jobId } : {}) });
  if (window.webContents.isLoading()) window.webContents.once('did-finish-load', send);
  else send();
}

function confirmQuit(event: Electron.Event): void {
  if (quitConfirmed || !core) return;
  const prompt = quitPrompt(core.jobs.list());
  if (!prompt) return;
  event.preventDefault();
  void dialog.showMessageBox(prompt).then(({ response }) => {
    if (response !== QUIT_BUTTON) return;
    quitConfirmed = true;
    app.quit();
  });
}

function disposeCore(event: Electron.Event): void {
  if (disposed || !core) return;
  event.preventDefault();
  disposed = true;
  tray?.destroy();
  void core.dispose().finally(() => app.quit());
}

function fail(error: unknown): void {
  dialog.showErrorBox('Envelope could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
}
