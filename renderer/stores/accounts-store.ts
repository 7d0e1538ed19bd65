// Profiles (the sandbox always among them), the selected profile and region, the caller identity
// and the regions of the selected profile.
import { create } from 'zustand';
import type { Identity, RegionInfo } from '../../shared/domain/accounts';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { api } from '../bridge/api';
import { failed, idle, loading, ready, type LoadState } from './load-state';
import { useUiStore } from './ui-store';
import { createSsoSlice, type SsoSlice } from './accounts-sso-slice';

export type Selection = ChannelOutput<'accounts:select'>;
export type ProfileList = Omit<ChannelOutput<'accounts:list'>, 'selection'>;

interface AccountsState extends SsoSlice {
  readonly profiles: LoadState<ProfileList>;
  readonly selection: Selection | undefined;
  readonly identity: LoadState<Identity>;
  readonly regions: LoadState<readonly RegionInfo[]>;
  load: () => Promise<void>;
  select: (profile: string, region?: string) => Promise<void>;
  applySelection: (selection: Selection) => void;
  loadIdentity: () => Promise<void>;
  loadRegions: () => Promise<void>;
}

export const useAccountsStore = create<AccountsState>()((set, get) => ({
  // IAM Identity Center logins, the account and role picker, MFA requests, scan regions.
  ...createSsoSlice(set, get),
  profiles: idle,
  selection: undefined,
  identity: idle,
  regions: idle,

  load: async () => {
    set({ profiles: loading });
    const result = await api().accounts.list();
    if (!result.ok) {
      set({ profiles: failed(result.error) });
      return;
    }
    const { selection, ...list } = result.value;
    set({ profiles: ready(list), selection });
    await Promise.all([get().loadIdentity(), get().loadRegions()]);
  },

  select: async (profile, region) => {
    const result = await api().accounts.select(region ? { profile, region } : { profile });
    if (result.ok) get().applySelection(result.value);
    else useUiStore.getState().notifyError(result.error);
  },

  // Called with select()'s answer and again by the accounts:changed event; the second is a no-op.
  applySelection: (selection) => {
    const previous = get().selection;
    if (previous?.profile === selection.profile && previous.region === selection.region) return;
    set({ selection });
    if (previous?.profile !== selection.profile) {
      void get().loadIdentity();
      void get().loadRegions();
    }
  },

  loadIdentity: async () => {
    const profile = get().selection?.profile;
    set({ identity: loading });
    const result = await api().accounts.identity(profile ? { profile } : {});
    // A later selection wins over an answer that arrives late.
    if (get().selection?.profile !== profile) return;
    set({ identity: result.ok ? ready(result.value) : failed(result.error) });
  },

  loadRegions: async () => {
    const profile = get().selection?.profile;
    set({ regions: loading });
    const result = await api().regions.list(profile ? { profile } : {});
    if (get().selection?.profile !== profile) return;
    set({ regions: result.ok ? ready(result.value.regions) : failed(result.error) });
  },
}));
