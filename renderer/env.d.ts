// window.api is set by the preload in Electron; in the browser preview the bridge builds it.
import type { Api } from '../shared/ipc/api';

declare global {
  interface Window {
    api?: Api;
  }
}

export {};
