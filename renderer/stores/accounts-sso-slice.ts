// The accounts store's login part: IAM Identity Center device logins, the account and role
// picker, MFA requests from core, and the regions a scanning page covers. Mixed into
// useAccountsStore (accounts-store.ts); components read it through that store's selectors.
import type { SsoAccount } from '../../shared/domain/accounts';
import type { ChannelInput, ChannelOutput, EventPayload } from '../../shared/ipc/contract';
import { api } from '../bridge/api';
import { failed, idle, loading, ready, type LoadState } from './load-state';
import { useUiStore } from './ui-store';

type SsoStarted = ChannelOutput<'accounts:ssoStart'>;

export type SsoLogin =
  | { readonly status: 'idle' }
  | { readonly status: 'starting'; readonly ssoSession: string }
  | ({ readonly status: 'pending'; readonly ssoSession: string } & SsoStarted)
  | { readonly status: 'succeeded' | 'cancelled'; readonly ssoSession: string }
  | { readonly status: 'failed'; readonly ssoSession: string; readonly error: string };

export type MfaRequest = EventPayload<'accounts:mfaRequired'>;
export type NewProfile = ChannelInput<'accounts:addProfile'>;

export interface SsoSlice {
  readonly ssoLogin: SsoLogin;
  readonly ssoAccounts: LoadState<{ readonly ssoSession: string; readonly accounts: readonly SsoAccount[] }>;
  // MFA requests waiting for a code, oldest first (normally one).
  readonly mfaRequests: readonly MfaRequest[];
  startSsoLogin: (ssoSession: string) => Promise<void>;
  cancelSsoLogin: () => Promise<void>;
  closeSsoLogin: () => void;
  applySsoLogin: (event: EventPayload<'accounts:ssoLogin'>) => void;
  loadSsoAccounts: (ssoSession: string) => Promise<void>;
  closeSsoAccounts: () => void;
  addProfile: (profile: NewProfile) => Promise<boolean>;
  pushMfaRequest: (request: MfaRequest) => void;
  submitMfa: (requestId: string, code: string) => Promise<void>;
  cancelMfa: (requestId: string) => Promise<void>;
  setScanRegions: (regions: readonly string[]) => Promise<void>;
}

type Set = (partial: Partial<SsoSlice>) => void;
type Get = () => SsoSlice & { load: () => Promise<void> };

export const createSsoSlice = (set: Set, get: Get): SsoSlice => ({
  ssoLogin: idle,
  ssoAccounts: idle,
  mfaRequests: [],

  startSsoLogin: async (ssoSession) => {
    set({ ssoLogin: { status: 'starting', ssoSession } });
    const result = await api().accounts.ssoStart({ ssoSession });
    if (!result.ok) {
      set({ ssoLogin: { status: 'failed', ssoSession, error: result.error.message } });
      return;
    }
    const current = get().ssoLogin;
    // The succeeded event can arrive before this answer only if the login already ended.
    if (current.status === 'starting') set({ ssoLogin: { status: 'pending', ssoSession, ...result.value } });
  },

  cancelSsoLogin: async () => {
    const login = get().ssoLogin;
    if (login.status !== 'pending') {
      set({ ssoLogin: idle });
      return;
    }
    const result = await api().accounts.ssoCancel({ loginId: login.loginId });
    if (!result.ok) {
      set({ ssoLogin: idle });
      useUiStore.getState().notifyError({
        ...result.error,
        hint: result.error.hint ?? 'The login page may still be open: close it; nothing was signed in.',
      });
    }
  },

  closeSsoLogin: () => set({ ssoLogin: idle }),

  applySsoLogin: (event) => {
    const login = get().ssoLogin;
    if (login.status !== 'pending' || login.loginId !== event.loginId) return;
    if (event.state === 'pending') return;
    if (event.state === 'failed')
      set({
        ssoLogin: {
          status: 'failed',
          ssoSession: event.ssoSession,
          error: event.error ?? 'The login failed.',
        },
      });
    else set({ ssoLogin: { status: event.state, ssoSession: event.ssoSession } });
    // The session's expiry changed: show it in the sessions table.
    if (event.state === 'succeeded') void get().load();
  },

  loadSsoAccounts: async (ssoSession) => {
    set({ ssoAccounts: loading });
    const result = await api().accounts.ssoAccounts({ ssoSession });
    set({
      ssoAccounts: result.ok ? ready({ ssoSession, accounts: result.value.accounts }) : failed(result.error),
    });
  },

  closeSsoAccounts: () => set({ ssoAccounts: idle }),

  addProfile: async (profile) => {
    const result = await api().accounts.addProfile(profile);
    if (!result.ok) {
      useUiStore.getState().notifyError(result.error);
      return false;
    }
    await get().load();
    return true;
  },

  pushMfaRequest: (request) => set({ mfaRequests: [...get().mfaRequests, request] }),

  submitMfa: async (requestId, code) => {
    const result = await api().accounts.submitMfa({ requestId, code });
    set({ mfaRequests: get().mfaRequests.filter((r) => r.requestId !== requestId) });
    if (!result.ok) useUiStore.getState().notifyError(result.error);
  },

  cancelMfa: async (requestId) => {
    set({ mfaRequests: get().mfaRequests.filter((r) => r.requestId !== requestId) });
    await api().accounts.cancelMfa({ requestId });
  },

  setScanRegions: async (regions) => {
    const result = await api().accounts.setScanRegions({ regions: [...regions] });
    if (!result.ok) useUiStore.getState().notifyError(result.error);
    else await get().load();
  },
});
