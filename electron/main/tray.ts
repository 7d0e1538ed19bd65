// The tray icon and its menu, rebuilt from each jobs snapshot (the template is tray-menu.ts).
import { Menu, Tray, nativeImage } from 'electron';
import type { JobSnapshot } from '../../shared/domain/jobs';
import type { TrayMenuOptions } from './tray-menu';
import { trayMenuTemplate, trayTooltip } from './tray-menu';

export interface AppTray {
  update(jobs: readonly JobSnapshot[]): void;
  destroy(): void;
}

export function createTray(
  iconPath: string,
  options: () => TrayMenuOptions,
  initial: readonly JobSnapshot[],
): AppTray {
  const image = nativeImage.createFromPath(iconPath);
  if (process.platform === 'darwin') image.setTemplateImage(true);
  const tray = new Tray(image);
  let jobs = initial;
  const render = () => {
    tray.setToolTip(trayTooltip(jobs));
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(jobs, options())));
  };
  // Windows and Linux users expect a click on the icon to bring the window back.
  if (process.platform !== 'darwin') tray.on('click', () => options().onOpen());
  render();
  return {
    update(next) {
      jobs = next;
      render();
    },
    destroy: () => tray.destroy(),
  };
}
