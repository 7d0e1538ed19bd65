// The application menu: the pages on Cmd/Ctrl+1..9 (the side navigation's order), the standard
// edit roles (copy and paste need them on macOS), reload and developer tools in development only,
// and About.
import type { MenuItemConstructorOptions } from 'electron';
import type { PageId } from '../../shared/ipc/channels/app';
import { pageIds } from '../../shared/ipc/channels/app';
import { pageTitles } from '../../shared/page-titles';

// The titles are shared with the side navigation (shared/page-titles.ts).
export { pageTitles } from '../../shared/page-titles';

export interface AppMenuOptions {
  readonly platform: NodeJS.Platform;
  readonly isDev: boolean;
  readonly onNavigate: (page: PageId) => void;
  readonly onOpenLogs?: () => void;
}

export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const pages: MenuItemConstructorOptions[] = pageIds.map((page, index) => ({
    label: pageTitles[page],
    accelerator: `CmdOrCtrl+${index + 1}`,
    click: () => options.onNavigate(page),
  }));
  const devItems: MenuItemConstructorOptions[] = options.isDev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: 'Envelope',
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        ...pages,
        { type: 'separator' },
        ...devItems,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        ...(options.onOpenLogs ? [{ label: 'Show Logs Folder', click: options.onOpenLogs }] : []),
        ...(isMac ? [] : [{ role: 'about' } as const]),
      ],
    },
  );
  return template;
}
