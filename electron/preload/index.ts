// The preload: window.api built from the contract and nothing else. Calls go to
// ipcRenderer.invoke only for channel names the contract declares, events come from
// ipcRenderer.on only for event names it declares; the page never sees ipcRenderer or a generic
// invoke. Runs sandboxed, so electron-vite bundles zod and the contract into this one file.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi, type Transport } from '../../shared/ipc/api';
import type { Result } from '../../shared/ipc/channel';
import { channelNames, eventNames, type ChannelName, type EventName } from '../../shared/ipc/contract';

const knownChannels = new Set<string>(channelNames);
const knownEvents = new Set<string>(eventNames);

const transport: Transport = {
  invoke(channel: ChannelName, args: unknown): Promise<Result<unknown>> {
    if (!knownChannels.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown-channel', message: `There is no channel named ${String(channel)}.` },
      });
    }
    return ipcRenderer.invoke(channel, args) as Promise<Result<unknown>>;
  },
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
    if (!knownEvents.has(event)) return () => undefined;
    // The page's listener never receives Electron's event object (it holds the sender).
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('api', buildApi(transport));
