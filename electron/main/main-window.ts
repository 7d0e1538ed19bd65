// Creates the main window: the hardened options, geometry restored from settings and saved again
// when it changes, the renderer loaded from app:// (or the dev server in development).
import { BrowserWindow, screen } from 'electron';
import type { SettingsStore } from '../core/settings/settings-store';
import type { PageId } from '../../shared/ipc/channels/app';
import type { RendererSource } from './app-origin';
import { rendererEntryUrl } from './app-origin';
import { windowOptions } from './window-factory';
import { restoreWindowBounds } from './window-state';

export interface MainWindowOptions extends RendererSource {
  readonly preloadPath: string;
  readonly settings: SettingsStore;
  readonly icon?: string;
  readonly show: boolean;
  // Opens on this page (the renderer routes by hash: #/jobs).
  readonly initialPage?: PageId;
}

const SAVE_DELAY_MS = 500;

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map(
    (display) => display.workArea,
  );
  const saved = restoreWindowBounds(options.settings.get().window, workAreas);
  const { maximized, ...bounds } = saved;
  const window = new BrowserWindow(
    windowOptions({
      preloadPath: options.preloadPath,
      bounds,
      ...(options.icon ? { icon: options.icon } : {}),
    }),
  );

  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
    options.settings.update({ window: { ...window.getNormalBounds(), maximized: window.isMaximized() } });
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('close', () => {
    clearTimeout(timer);
    save();
  });

  window.once('ready-to-show', () => {
    if (maximized) window.maximize();
    if (options.show) window.show();
  });
  const hash = options.initialPage ? `#/${options.initialPage}` : '';
  void window.loadURL(`${rendererEntryUrl(options)}${hash}`);
  return window;
}
