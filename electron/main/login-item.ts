// "Start at login". macOS and Windows have login items Electron sets; on Linux the freedesktop
// autostart folder holds a .desktop file that does the same.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export function linuxAutostartPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'autostart', 'envelope.desktop');
}

// execPath: the AppImage ($APPIMAGE) when run from one, else the installed binary.
export function linuxAutostartEntry(execPath: string): string {
  const quoted = `"${execPath.replace(/(["`$\\])/g, '\\$1')}"`;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Envelope',
    `Exec=${quoted} --hidden`,
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export interface LoginItemTarget {
  readonly platform: NodeJS.Platform;
  readonly execPath: string;
  // Electron's app.setLoginItemSettings (macOS, Windows).
  readonly setLoginItemSettings: (settings: { openAtLogin: boolean; args?: string[] }) => void;
}

export function setOpenAtLogin(target: LoginItemTarget, enabled: boolean): void {
  if (target.platform === 'darwin' || target.platform === 'win32') {
    target.setLoginItemSettings({ openAtLogin: enabled, args: ['--hidden'] });
    return;
  }
  const path = linuxAutostartPath();
  if (enabled) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, linuxAutostartEntry(target.execPath));
  } else {
    rmSync(path, { force: true });
  }
}

// Started by the login item: stay in the tray without opening the window.
export const startedHidden = (argv: readonly string[]): boolean => argv.includes('--hidden');
