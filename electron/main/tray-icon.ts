// Which tray image each OS gets (the files are in build/, copied next to the app's resources by
// electron-builder's extraResources). macOS takes a template image, black with alpha, that it
// tints for light and dark menu bars; it finds trayTemplate@2x.png beside it on Retina screens.
import { join } from 'node:path';

export function trayIconFile(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'trayTemplate.png';
  if (platform === 'win32') return 'tray.ico';
  return 'tray.png';
}

// resourcesDir: process.resourcesPath in a packaged app, the project's build/ folder otherwise.
export function trayIconPath(platform: NodeJS.Platform, resourcesDir: string): string {
  return join(resourcesDir, trayIconFile(platform));
}
