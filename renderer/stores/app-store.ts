// What the app says about itself (name, version, which shell hosts it).
import { create } from 'zustand';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { api } from '../bridge/api';
import { failed, idle, loading, ready, type LoadState } from './load-state';
import { useUiStore } from './ui-store';

export type AppInfo = ChannelOutput<'app:info'>;

interface AppState {
  readonly info: LoadState<AppInfo>;
  load: () => Promise<void>;
}

export const useAppStore = create<AppState>()((set) => ({
  info: idle,
  load: async () => {
    set({ info: loading });
    const result = await api().app.info();
    set({ info: result.ok ? ready(result.value) : failed(result.error) });
    if (!result.ok) useUiStore.getState().notifyError(result.error);
  },
}));
