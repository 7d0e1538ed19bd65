// The windows Envelope created. Their webContents ids are the only IPC senders main trusts and
// the only targets of its events; a window leaves the set when it is closed.
import type { BrowserWindow, WebContents } from 'electron';

export class WindowRegistry {
  private readonly windows = new Map<number, BrowserWindow>();
  readonly webContentsIds = new Set<number>();

  add(window: BrowserWindow): void {
    const id = window.webContents.id;
    this.windows.set(id, window);
    this.webContentsIds.add(id);
    window.once('closed', () => {
      this.windows.delete(id);
      this.webContentsIds.delete(id);
    });
  }

  contents(): WebContents[] {
    return [...this.windows.values()].filter((w) => !w.isDestroyed()).map((w) => w.webContents);
  }

  first(): BrowserWindow | undefined {
    return [...this.windows.values()].find((w) => !w.isDestroyed());
  }
}
