// The renderer's copy of the inventory. Reads go through inventory:get (live or cached, with
// ages); a scan returns a job id, and `inventory:changed` (bound in bridge/bind-events.ts) re-reads
// it once something has been shown.
import { create } from 'zustand';
import type { Inventory, KeyRecord } from '../../shared/domain/inventory';
import { keyIndex, type KeyIndex } from '../../shared/kms/key-reference';
import { api } from '../bridge/api';
import { latestOnly } from './latest-only';
import { failed, loading, ready, type LoadState } from './load-state';
import { useUiStore } from './ui-store';

// Only the newest read is shown: regions changed twice quickly must not end on the older answer.
const reads = latestOnly();

interface InventoryState {
  readonly inventory: LoadState<Inventory>;
  readonly scanJobId: string | undefined;
  // Regions shown; empty = the selected region.
  readonly regions: readonly string[];
  load: () => Promise<void>;
  // Loads what is known and scans when nothing is.
  open: () => Promise<void>;
  scan: () => Promise<void>;
  setRegions: (regions: readonly string[]) => void;
  // On inventory:changed: re-reads only when a page has loaded the inventory before.
  refresh: () => Promise<void>;
}

export const useInventoryStore = create<InventoryState>()((set, get) => ({
  inventory: { status: 'idle' },
  scanJobId: undefined,
  regions: [],
  load: async () => {
    if (get().inventory.status !== 'ready') set({ inventory: loading });
    const current = reads.take();
    const result = await api().inventory.get({ regions: [...get().regions] });
    if (!current()) return;
    if (result.ok) set({ inventory: ready(result.value) });
    else set({ inventory: failed(result.error) });
  },
  open: async () => {
    await get().load();
    const state = get().inventory;
    if (state.status === 'ready' && state.value.regions.length === 0) await get().scan();
  },
  scan: async () => {
    const result = await api().inventory.scan({ regions: [...get().regions] });
    if (result.ok) set({ scanJobId: result.value.jobId });
    else useUiStore.getState().notifyError(result.error);
  },
  setRegions: (regions) => {
    set({ regions });
    void get().load();
  },
  refresh: async () => {
    if (get().inventory.status !== 'idle') await get().load();
  },
}));

export const selectInventory = (state: InventoryState): Inventory | undefined =>
  state.inventory.status === 'ready' ? state.inventory.value : undefined;

// Keys across the shown regions by every name they have (ARN, key id, alias name and ARN per
// region), for KeyBadge: volumes name keys by ARN, buckets and templates by what was written, the
// EBS default by alias/aws/ebs. Looked up with findKey (shared/kms/key-reference.ts).
export function keysByArn(inventory: Inventory | undefined): KeyIndex<KeyRecord> {
  return keyIndex((inventory?.regions ?? []).flatMap((r) => r.keys));
}
