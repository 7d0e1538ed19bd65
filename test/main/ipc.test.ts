import type { IpcMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../shared/ipc/contract';
import { forwardEvents, handle, isTrustedSender } from '../../electron/main/ipc';

const mainFrame = { url: 'app://envelope/index.html#/overview' };
const trusted = { webContentsIds: new Set([7]) };

function fakeIpcMain() {
  const handlers = new Map<string, (event: unknown, args: unknown) => Promise<unknown>>();
  return {
    handlers,
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, args: unknown) => Promise<unknown>) =>
        handlers.set(channel, handler),
      removeHandler: (channel: string) => handlers.delete(channel),
    } as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>,
  };
}

const event = (id: number, frame: { url: string } | null, main: unknown = frame) => ({
  sender: { id, mainFrame: main },
  senderFrame: frame,
});

describe('isTrustedSender', () => {
  it('accepts the main frame of our window on our origin', () => {
    expect(isTrustedSender(event(7, mainFrame), trusted)).toBe(true);
  });
  it('refuses a webContents we did not create', () => {
    expect(isTrustedSender(event(8, mainFrame), trusted)).toBe(false);
  });
  it('refuses a subframe of our window', () => {
    expect(isTrustedSender(event(7, { url: 'app://envelope/frame.html' }, mainFrame), trusted)).toBe(false);
  });
  it('refuses a foreign origin in our window', () => {
    expect(isTrustedSender(event(7, { url: 'https://evil.example/' }), trusted)).toBe(false);
    expect(isTrustedSender(event(7, { url: 'file:///tmp/x.html' }), trusted)).toBe(false);
  });
  it('refuses a destroyed or navigated-away frame', () => {
    expect(isTrustedSender(event(7, null, mainFrame), trusted)).toBe(false);
  });
  it('accepts the loopback dev server only when configured', () => {
    const dev = { url: 'http://localhost:5173/' };
    expect(isTrustedSender(event(7, dev), trusted)).toBe(false);
    expect(isTrustedSender(event(7, dev), { ...trusted, devServerUrl: 'http://localhost:5173/' })).toBe(true);
  });
});

describe('handle', () => {
  it('registers every channel of the contract and nothing else', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const remove = handle(ipcMain, vi.fn(), trusted);
    expect([...handlers.keys()].sort()).toEqual([...channelNames].sort());
    remove();
    expect(handlers.size).toBe(0);
  });

  it('dispatches a trusted call with its raw arguments', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const dispatch = vi.fn(() => Promise.resolve({ ok: true as const, value: { jobs: [] } }));
    handle(ipcMain, dispatch, trusted);
    await expect(handlers.get('jobs:list')!(event(7, mainFrame), {})).resolves.toEqual({
      ok: true,
      value: { jobs: [] },
    });
    expect(dispatch).toHaveBeenCalledWith('jobs:list', {});
  });

  it.each([
    ['a foreign webContents', event(99, mainFrame)],
    ['a subframe', event(7, { url: 'app://envelope/x' }, mainFrame)],
    ['a foreign origin', event(7, { url: 'https://evil.example/' })],
  ])('refuses %s with a typed forbidden error and never dispatches', async (_name, sender) => {
    const { ipcMain, handlers } = fakeIpcMain();
    const dispatch = vi.fn();
    handle(ipcMain, dispatch, trusted);
    for (const channel of channelNames) {
      const result = (await handlers.get(channel)!(sender, {})) as { ok: boolean; error?: { code: string } };
      expect(result.ok).toBe(false);
      expect(result.error?.code).toBe('forbidden');
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('sees windows added to the trusted set after registration', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const ids = new Set<number>();
    const dispatch = vi.fn(() => Promise.resolve({ ok: true as const, value: {} }));
    handle(ipcMain, dispatch, { webContentsIds: ids });
    ids.add(3);
    await handlers.get('app:info')!(event(3, mainFrame), {});
    expect(dispatch).toHaveBeenCalledOnce();
  });
});

describe('forwardEvents', () => {
  it('sends each core event to every live window we created', () => {
    let emit: (name: string, payload: unknown) => void = () => undefined;
    const events = { subscribe: (listener: typeof emit) => ((emit = listener), () => undefined) };
    const live = { send: vi.fn(), isDestroyed: () => false };
    const dead = { send: vi.fn(), isDestroyed: () => true };
    forwardEvents(events as unknown as Parameters<typeof forwardEvents>[0], () => [live, dead]);
    emit('jobs:changed', { jobs: [] });
    expect(live.send).toHaveBeenCalledWith('jobs:changed', { jobs: [] });
    expect(dead.send).not.toHaveBeenCalled();
  });
});
