import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { trayMenuTemplate, trayTooltip } from '../../electron/main/tray-menu';
import { job } from './job-fixtures';

const options = () => ({ onOpen: vi.fn(), onShowJob: vi.fn(), onCancelJob: vi.fn(), onQuit: vi.fn() });
const labels = (template: MenuItemConstructorOptions[]) =>
  template.map((item) => (item.type === 'separator' ? '---' : item.label));
const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as () => void)();

describe('trayMenuTemplate', () => {
  it('with no jobs: open, nothing running, quit', () => {
    expect(labels(trayMenuTemplate([], options()))).toEqual([
      'Open Envelope',
      '---',
      'No jobs running',
      '---',
      'Quit Envelope',
    ]);
  });

  it('lists running jobs with their progress and a cancel item each', () => {
    const o = options();
    const template = trayMenuTemplate([job('a', 'running'), job('b', 'queued', { createdAt: 2_000 })], o);
    expect(labels(template)).toEqual([
      'Open Envelope',
      '---',
      'Running (2)',
      'Copy a — 42%',
      'Copy b — queued',
      '---',
      'Quit Envelope',
    ]);
    const running = template.find((item) => item.id === 'job-a')!;
    const submenu = running.submenu as MenuItemConstructorOptions[];
    expect(submenu.map((item) => item.label)).toEqual([
      'Copying snapshots: 2 of 3',
      'Show in Jobs',
      'Cancel Job',
    ]);
    expect(submenu[0]!.enabled).toBe(false);
    click(submenu[2]);
    expect(o.onCancelJob).toHaveBeenCalledWith('a');
    click(submenu[1]);
    expect(o.onShowJob).toHaveBeenCalledWith('a');
  });

  it('shows the last five results, newest first, with their outcome', () => {
    const finished = Array.from({ length: 7 }, (_, i) =>
      job(`r${i}`, i % 3 === 0 ? 'failed' : i % 3 === 1 ? 'done' : 'cancelled', { endedAt: 10_000 + i }),
    );
    const o = options();
    const template = trayMenuTemplate([...finished, job('live', 'running')], o);
    expect(labels(template)).toEqual([
      'Open Envelope',
      '---',
      'Running (1)',
      'Copy live — 42%',
      '---',
      'Recent results',
      '✗ Copy r6 (failed)',
      '– Copy r5 (cancelled)',
      '✓ Copy r4',
      '✗ Copy r3 (failed)',
      '– Copy r2 (cancelled)',
      '---',
      'Quit Envelope',
    ]);
    click(template.find((item) => item.id === 'result-r4'));
    expect(o.onShowJob).toHaveBeenCalledWith('r4');
  });

  it('offers start at login when the platform supports it, and quit and open call back', () => {
    const o = options();
    const onToggle = vi.fn();
    const template = trayMenuTemplate([job('done', 'done')], {
      ...o,
      openAtLogin: { checked: true, onToggle },
    });
    const login = template.find((item) => item.label === 'Start at Login')!;
    expect(login).toMatchObject({ type: 'checkbox', checked: true });
    (login.click as (item: { checked: boolean }) => void)({ checked: false });
    expect(onToggle).toHaveBeenCalledWith(false);
    click(template.find((item) => item.label === 'Quit Envelope'));
    click(template.find((item) => item.label === 'Open Envelope'));
    expect(o.onQuit).toHaveBeenCalledOnce();
    expect(o.onOpen).toHaveBeenCalledOnce();
  });

  it('rounds and clamps progress', () => {
    const template = trayMenuTemplate(
      [job('x', 'running', { progress: { value: 0.999, title: 't' } })],
      options(),
    );
    expect(labels(template)).toContain('Copy x — 100%');
  });
});

describe('trayTooltip', () => {
  it('says how many jobs run and their mean progress', () => {
    expect(trayTooltip([])).toBe('Envelope');
    expect(trayTooltip([job('a', 'running'), job('b', 'done')])).toBe('Envelope — 1 job running (42%)');
    expect(
      trayTooltip([
        job('a', 'running', { progress: { value: 0.2, title: '' } }),
        job('b', 'running', { progress: { value: 0.6, title: '' } }),
      ]),
    ).toBe('Envelope — 2 jobs running (40%)');
  });
});
