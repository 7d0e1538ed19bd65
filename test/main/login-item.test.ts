import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  linuxAutostartEntry,
  linuxAutostartPath,
  setOpenAtLogin,
  startedHidden,
} from '../../electron/main/login-item';

describe('start at login', () => {
  it('uses Electron login items on macOS and Windows, started hidden', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const setLoginItemSettings = vi.fn();
      setOpenAtLogin({ platform, execPath: '/x', setLoginItemSettings }, true);
      expect(setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, args: ['--hidden'] });
    }
  });

  it('writes and removes a freedesktop autostart entry on Linux', () => {
    process.env.XDG_CONFIG_HOME = join(process.env.HOME!, 'xdg');
    const path = linuxAutostartPath();
    expect(path).toBe(join(process.env.HOME!, 'xdg', 'autostart', 'envelope.desktop'));
    const target = {
      platform: 'linux' as const,
      execPath: '/opt/Envelope/envelope',
      setLoginItemSettings: vi.fn(),
    };
    setOpenAtLogin(target, true);
    expect(readFileSync(path, 'utf8')).toContain('Exec="/opt/Envelope/envelope" --hidden');
    setOpenAtLogin(target, false);
    expect(existsSync(path)).toBe(false);
    expect(target.setLoginItemSettings).not.toHaveBeenCalled();
    delete process.env.XDG_CONFIG_HOME;
  });

  it('quotes the executable path', () => {
    expect(linuxAutostartEntry('/home/a b/"x"$y')).toContain('Exec="/home/a b/\\"x\\"\\$y" --hidden');
  });

  it('recognises a hidden start', () => {
    expect(startedHidden(['/envelope', '--hidden'])).toBe(true);
    expect(startedHidden(['/envelope'])).toBe(false);
  });
});
