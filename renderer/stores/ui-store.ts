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
  // The side navigation at desktop width, as the user left it (the mobile layout keeps its own).
  readonly navigationOpen: boolean;
  notifyError: (error: ApiError) => void;
  // A confirmation in the Flashbar (message as its header, detail below), e.g. "Intended keys saved".
  notifySuccess: (message: string, detail?: string) => void;
  dismiss: (id: string) => void;
  setJobsPanelOpen: (open: boolean) => void;
  setNavigationOpen: (open: boolean) => void;
}

let nextNoticeId = 0;

// What to do when core's error does not say: every failure shown reaches the user with a next step.
export const DEFAULT_ERROR_HINT =
  'Try again; if it fails again, check the account and region selected on the Accounts page.';
export const hintFor = (error: ApiError): string => error.hint ?? DEFAULT_ERROR_HINT;

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
          hint: hintFor(error),
        },
      ],
    })),
  notifySuccess: (message, detail) =>
    set((state) => ({
      // Saving twice shows one confirmation, the latest.
      notices: [
        ...state.notices.filter((n) => n.message !== message),
        { id: `notice-${++nextNoticeId}`, type: 'success', message, ...(detail ? { hint: detail } : {}) },
      ],
    })),
  dismiss: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
  setJobsPanelOpen: (jobsPanelOpen) => set({ jobsPanelOpen }),
  setNavigationOpen: (navigationOpen) => set({ navigationOpen }),
}));
