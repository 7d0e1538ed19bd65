import { describe, expect, it, vi } from 'vitest';
import { aboutPanelOptions } from '../../electron/main/about';
import { appMenuTemplate } from '../../electron/main/app-menu';
import { createJobNotifier, jobNotices } from '../../electron/main/notifications';
import { QUIT_BUTTON, quitPrompt } from '../../electron/main/quit-guard';
import { trayIconPath } from '../../electron/main/tray-icon';
import { restoreWindowBounds } from '../../electron/main/window-state';
import { pageIds } from '../../shared/ipc/channels/app';
import type { MenuItemConstructorOptions } from 'electron';
import { job } from './job-fixtures';

describe('jobNotices', () => {
  it('announces jobs that just finished or failed, not cancels or old history', () => {
    const before = [job('a', 'running'), job('b', 'running'), job('c', 'running'), job('old', 'failed')];
    const after = [
      job('a', 'done'),
      job('b', 'failed', { error: { code: 'KMSInvalidStateException', message: 'The key is disabled.' } }),
      job('c', 'cancelled'),
      job('old', 'failed'),
      job('new', 'done'),
    ];
    expect(jobNotices(before, after)).toEqual([
      { jobId: 'a', title: 'Job finished', body: 'Copy a' },
      { jobId: 'b', title: 'Job failed', body: 'Copy b: The key is disabled.' },
    ]);
  });

  it('says when a migration waits for the user’s confirmation', () => {
    const waiting = job('m', 'done', {
      result: { migrationId: 'mig-1a2b3c4d', status: 'awaiting-confirmation' },
      progress: { value: 1, title: 'Waiting for your confirmation: avi-controller-1 → i-0f0e0d0c0b0a09081' },
    });
    expect(jobNotices([job('m', 'running')], [waiting])).toEqual([
      {
        jobId: 'm',
        title: 'Your confirmation is needed',
        body: 'Waiting for your confirmation: avi-controller-1 → i-0f0e0d0c0b0a09081',
      },
    ]);
  });

  it('a clicked notification opens its job; nothing is shown where unsupported', () => {
    const onOpenJob = vi.fn();
    const show = vi.fn((_notice: unknown, onClick: () => void) => onClick());
    const notify = createJobNotifier({ isSupported: () => true, show, onOpenJob }, [job('a', 'running')]);
    notify([job('a', 'done')]);
    notify([job('a', 'done')]);
    expect(show).toHaveBeenCalledOnce();
    expect(onOpenJob).toHaveBeenCalledWith('a');
    const hidden = vi.fn();
    createJobNotifier({ isSupported: () => false, show: hidden, onOpenJob }, [job('a', 'running')])([
      job('a', 'done'),
    ]);
    expect(hidden).not.toHaveBeenCalled();
  });
});

describe('quitPrompt', () => {
  it('lets Envelope quit at once when nothing runs', () => {
    expect(quitPrompt([job('a', 'done')])).toBeUndefined();
  });
  it('asks while jobs run, names them and says what happens to them', () => {
    const prompt = quitPrompt([job('a', 'running'), job('b', 'queued'), job('c', 'done')])!;
    expect(prompt.message).toBe('2 jobs are still running. Quit Envelope?');
    expect(prompt.detail).toContain('• Copy a');
    expect(prompt.detail).toContain('resume');
    expect(prompt.buttons![QUIT_BUTTON]).toBe('Quit');
    expect(prompt.cancelId).not.toBe(QUIT_BUTTON);
    expect(prompt.defaultId).not.toBe(QUIT_BUTTON);
  });
});

describe('restoreWindowBounds', () => {
  const primary = { x: 0, y: 25, width: 1440, height: 875 };
  const right = { x: 1440, y: 0, width: 1920, height: 1080 };

  it('centres the default size on the primary display the first time', () => {
    expect(restoreWindowBounds(undefined, [primary])).toEqual({
      x: 80,
      y: 53,
      width: 1280,
      height: 820,
      maximized: false,
    });
  });
  it('keeps a window that is visible', () => {
    const saved = { x: 1500, y: 100, width: 1000, height: 700, maximized: true };
    expect(restoreWindowBounds(saved, [primary, right])).toEqual(saved);
  });
  it('moves a window from an unplugged display back onto the primary', () => {
    expect(
      restoreWindowBounds({ x: 1500, y: 100, width: 1000, height: 700, maximized: false }, [primary]),
    ).toEqual({
      x: 220,
      y: 113,
      width: 1000,
      height: 700,
      maximized: false,
    });
  });
  it('shrinks and pulls back a window larger than or hanging off its display', () => {
    expect(
      restoreWindowBounds({ x: -50, y: 500, width: 3000, height: 700, maximized: false }, [primary]),
    ).toEqual({
      x: 0,
      y: 200,
      width: 1440,
      height: 700,
      maximized: false,
    });
  });
  it('ignores nonsense', () => {
    expect(
      restoreWindowBounds({ x: Number.NaN, y: 0, width: -1, height: 10, maximized: false }, [primary]).width,
    ).toBe(1280);
  });
});

describe('appMenuTemplate', () => {
  const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);

  it('puts every page on Cmd/Ctrl+1..9 in the side navigation order', () => {
    const onNavigate = vi.fn();
    const items = flatten(appMenuTemplate({ platform: 'linux', isDev: false, onNavigate }));
    const pages = items.filter((item) => item.accelerator?.startsWith('CmdOrCtrl+'));
    expect(pages.map((item) => item.accelerator)).toEqual(pageIds.map((_, i) => `CmdOrCtrl+${i + 1}`));
    (pages[pageIds.indexOf('jobs')]!.click as () => void)();
    expect(onNavigate).toHaveBeenCalledWith('jobs');
  });

  it('offers reload and developer tools in development only', () => {
    const roles = (isDev: boolean) =>
      flatten(appMenuTemplate({ platform: 'linux', isDev, onNavigate: vi.fn() })).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('has About under the app menu on macOS and under Help elsewhere, and the edit roles', () => {
    const mac = appMenuTemplate({ platform: 'darwin', isDev: false, onNavigate: vi.fn() });
    expect(mac[0]!.label).toBe('Envelope');
    expect((mac[0]!.submenu as MenuItemConstructorOptions[])[0]!.role).toBe('about');
    const linux = flatten(appMenuTemplate({ platform: 'linux', isDev: false, onNavigate: vi.fn() }));
    expect(linux.map((item) => item.role)).toEqual(
      expect.arrayContaining(['about', 'copy', 'paste', 'quit']),
    );
  });
});

describe('aboutPanelOptions', () => {
  it('names the app, its version and the runtime versions', () => {
    const about = aboutPanelOptions('0.1.0', {
      electron: '39.8.10',
      chrome: '142.0',
      node: '22.20.0',
      v8: '14.2',
    });
    expect(about).toMatchObject({ applicationName: 'Envelope', applicationVersion: '0.1.0' });
    expect(about.version).toBe('Electron 39.8.10 · Chromium 142.0 · Node.js 22.20.0 · V8 14.2');
  });
});

describe('trayIconPath', () => {
  it('uses a template image on macOS, an ICO on Windows and a PNG on Linux', () => {
    expect(trayIconPath('darwin', '/r')).toBe('/r/trayTemplate.png');
    expect(trayIconPath('win32', '/r')).toMatch(/tray\.ico$/);
    expect(trayIconPath('linux', '/r')).toBe('/r/tray.png');
  });
});
