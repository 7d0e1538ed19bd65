import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames, eventNames } from '../../shared/ipc/contract';
import { eventMethodName } from '../../shared/ipc/api';

const exposed = new Map<string, unknown>();
const ipcRenderer = { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() };

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer,
}));

type AnyApi = Record<string, Record<string, (...args: unknown[]) => unknown>>;
let api: AnyApi;

beforeAll(async () => {
  await import('../../electron/preload/index');
  api = exposed.get('api') as AnyApi;
});

const domainsOf = (names: readonly string[]) => new Set(names.map((name) => name.split(':')[0]!));

describe('preload', () => {
  it('exposes window.api and nothing else', () => {
    expect([...exposed.keys()]).toEqual(['api']);
  });

  it("exposes exactly the contract's domains and methods", () => {
    expect(new Set(Object.keys(api))).toEqual(
      new Set([...domainsOf(channelNames), ...domainsOf(eventNames)]),
    );
    for (const [domain, methods] of Object.entries(api)) {
      const expected = [
        ...channelNames.filter((name) => name.startsWith(`${domain}:`)).map((name) => name.split(':')[1]!),
        ...eventNames.filter((name) => name.startsWith(`${domain}:`)).map(eventMethodName),
      ];
      expect(Object.keys(methods).sort()).toEqual(expected.sort());
    }
  });

  it('has no generic invoke or ipcRenderer anywhere', () => {
    const text = JSON.stringify(Object.fromEntries(Object.entries(api).map(([d, m]) => [d, Object.keys(m)])));
    expect(text).not.toMatch(/ipcRenderer|"invoke"|"send"|"on"/);
  });

  it('calls go through ipcRenderer.invoke with the channel name', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { jobs: [] } });
    await expect(api.jobs!.list!()).resolves.toEqual({ ok: true, value: { jobs: [] } });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('jobs:list', {});
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { ok: true } });
    await api.jobs!.cancel!({ id: 'job-1' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('jobs:cancel', { id: 'job-1' });
  });

  it('events subscribe with ipcRenderer.on, hide the IPC event and unsubscribe', () => {
    const listener = vi.fn();
    const unsubscribe = api.jobs!.onChanged!(listener) as () => void;
    expect(ipcRenderer.on).toHaveBeenCalledWith('jobs:changed', expect.any(Function));
    const wrapped = ipcRenderer.on.mock.calls.at(-1)![1] as (event: unknown, payload: unknown) => void;
    wrapped({ sender: 'secret' }, { jobs: [] });
    expect(listener).toHaveBeenCalledWith({ jobs: [] });
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith('jobs:changed', wrapped);
  });
});
