// Stores are module singletons; each test starts from their initial state.
import { useAccountsStore } from '../../renderer/stores/accounts-store';
import { useAppStore } from '../../renderer/stores/app-store';
import { useJobsStore } from '../../renderer/stores/jobs-store';
import { useUiStore } from '../../renderer/stores/ui-store';

const initial = [
  [useAccountsStore, useAccountsStore.getState()],
  [useAppStore, useAppStore.getState()],
  [useJobsStore, useJobsStore.getState()],
  [useUiStore, useUiStore.getState()],
] as const;

export function resetStores(): void {
  for (const [store, state] of initial) (store.setState as (s: unknown, replace: true) => void)(state, true);
}
