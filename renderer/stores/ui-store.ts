// Page chrome: notifications (errors from actions, shown in the Flashbar), and which panels are open.
import { create } from 'zustand';
import type { ApiError } from '../../shared/ipc/channel';

export interface Notice {
  readonly id: string;
  readonly type: 'error' | 'success' | 'info';
  readonly message: string;
  readonly hint?: string;
}

interface UiState {
  readonly notices: readonly Notice[];
  readonly jobsPanelOpen: boolean;
  readonly navigationOpen: boolean;
  notifyError: (error: ApiError) => void;
  dismiss: (id: string) => void;
  setJobsPanelOpen: (open: boolean) => void;
  setNavigationOpen: (open: boolean) => void;
}

let nextNoticeId = 0;

export const useUiStore = create<UiState>()((set) => ({
  notices: [],
  jobsPanelOpen: false,
  navigationOpen: true,
  notifyError: (error) =>
    set((state) => ({
      // One notice per error code and message: a repeated failure does not stack up.
      notices: [
        ...state.notices.filter((n) => n.message !== error.message),
        {
          id: `notice-${++nextNoticeId}`,
          type: 'error',
          message: error.message,
          ...(error.hint ? { hint: error.hint } : {}),
        },
      ],
    })),
  dismiss: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
  setJobsPanelOpen: (jobsPanelOpen) => set({ jobsPanelOpen }),
  setNavigationOpen: (navigationOpen) => set({ navigationOpen }),
}));
