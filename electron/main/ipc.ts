// The one way IPC handlers are registered. For every channel of the contract, handle() installs an
// ipcMain handler that first checks who is asking (a window Envelope created, its main frame, our
// own origin) and only then hands the raw arguments to core's dispatcher, which parses them with
// the channel's schema. A refused sender gets a typed error, never an exception.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Result } from '../../shared/ipc/channel';
import { channelNames } from '../../shared/ipc/contract';
import type { EventName } from '../../shared/ipc/contract';
import type { RendererSource } from './app-origin';
import { isAppUrl } from './app-origin';

export interface TrustedSenders extends RendererSource {
  // webContents ids of the windows Envelope created (window-registry.ts keeps it current).
  readonly webContentsIds: ReadonlySet<number>;
}

type SenderEvent = {
  readonly sender: Pick<WebContents, 'id'> & { readonly mainFrame: unknown };
  readonly senderFrame: { readonly url: string } | null;
};

export function isTrustedSender(event: SenderEvent, trusted: TrustedSenders): boolean {
  const frame = event.senderFrame;
  if (!frame) return false; // the frame navigated away or was destroyed
  if (!trusted.webContentsIds.has(event.sender.id)) return false;
  if (frame !== event.sender.mainFrame) return false;
  return isAppUrl(frame.url, trusted);
}

export const forbidden: Result<never> = {
  ok: false,
  error: {
    code: 'forbidden',
    message: 'This request did not come from an Envelope window.',
    hint: 'Only the main frame of a window Envelope opened may call its API.',
  },
};

export type Dispatch = (channel: string, rawArgs: unknown) => Promise<Result<unknown>>;

// Registers every channel; returns a function that removes them again (tests, hot reload).
export function handle(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatch,
  trusted: TrustedSenders,
): () => void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, args: unknown) =>
      isTrustedSender(event, trusted) ? dispatch(channel, args) : Promise.resolve(forbidden),
    );
  }
  return () => {
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}

type EventSource = { subscribe(listener: (name: EventName, payload: unknown) => void): () => void };
type EventTarget = Pick<WebContents, 'send' | 'isDestroyed'>;

// Forwards core's events to the windows Envelope created, and only to them.
export function forwardEvents(events: EventSource, targets: () => Iterable<EventTarget>): () => void {
  return events.subscribe((name, payload) => {
    for (const contents of targets()) {
      if (!contents.isDestroyed()) contents.send(name, payload);
    }
  });
}
