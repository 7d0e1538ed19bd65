// The Copy AMI wizard's state: the source search and the chosen AMIs, destination regions and
// templates, the key (picked or typed, then checked in core), the sealed plan, and the copies
// started from it with their live progress (amiCopy:progress, bound in bridge/bind-events.ts).
import { create } from 'zustand';
import type { AmiCopyPlanView, CopyProgress, PlanKey, SourceImage } from '../../shared/domain/ami-copy';
import { DEFAULT_DESCRIPTION_TEMPLATE, DEFAULT_NAME_TEMPLATE } from '../../shared/domain/ami-copy';
import type { KeyRecord } from '../../shared/domain/inventory';
import type { ApiError } from '../../shared/ipc/channel';
import type { Plan } from '../../shared/plans/plan-document';
import { api } from '../bridge/api';
import { latestOnly } from './latest-only';
import { failed, idle, loading, ready, type LoadState } from './load-state';

export interface PlanBundle {
  readonly plan: Plan;
  readonly view: AmiCopyPlanView;
}

export type ActionNotice =
  { readonly kind: 'success'; readonly text: string } | { readonly kind: 'error'; readonly error: ApiError };

interface AmiCopyState {
  readonly sourceRegion: string;
  readonly query: string;
  readonly images: LoadState<readonly SourceImage[]>;
  readonly selected: readonly SourceImage[];
  readonly destRegions: readonly string[];
  readonly nameTemplate: string;
  readonly descriptionTemplate: string;
  readonly copyTags: boolean;
  readonly keyRef: string; // '' = the region's default EBS key
  readonly keys: LoadState<readonly KeyRecord[]>;
  readonly keyCheck: LoadState<PlanKey>;
  readonly plan: LoadState<PlanBundle>;
  readonly jobIds: readonly string[];
  readonly progress: Readonly<Record<string, CopyProgress>>;
  readonly notices: Readonly<Record<string, ActionNotice>>; // by job id: cleanup / deregister outcome
  readonly startError: ApiError | undefined;
  setSourceRegion: (region: string) => void;
  setQuery: (query: string) => void;
  search: () => Promise<void>;
  setSelected: (images: readonly SourceImage[]) => void;
  setDestRegions: (regions: readonly string[]) => void;
  setTemplates: (change: { nameTemplate?: string; descriptionTemplate?: string; copyTags?: boolean }) => void;
  setKeyRef: (ref: string) => void;
  loadKeys: () => Promise<void>;
  checkKey: () => Promise<void>;
  makePlan: () => Promise<void>;
  start: () => Promise<void>;
  cancel: (jobId: string) => Promise<void>;
  cleanup: (jobId: string) => Promise<void>;
  deregisterSource: (jobId: string) => Promise<void>;
  applyProgress: (progress: CopyProgress) => void;
  reset: () => void;
}

export const keyRegionOf = (s: Pick<AmiCopyState, 'destRegions' | 'sourceRegion'>): string =>
  s.destRegions[0] ?? s.sourceRegion;

const initial = {
  sourceRegion: '',
  query: '',
  images: idle,
  selected: [],
  destRegions: [],
  nameTemplate: DEFAULT_NAME_TEMPLATE,
  descriptionTemplate: DEFAULT_DESCRIPTION_TEMPLATE,
  copyTags: true,
  keyRef: '',
  keys: idle,
  keyCheck: idle,
  plan: idle,
  jobIds: [],
  progress: {},
  notices: {},
  startError: undefined,
} as const;

// Each answer belongs to what was asked: a search to its region and text, keys to the destination
// region, a key check to the typed key, a plan to the whole form. A change drops what is in flight,
// so an older answer is never shown as the current one (and never becomes the plan that runs).
const searches = latestOnly();
const keyLists = latestOnly();
const keyChecks = latestOnly();
const plans = latestOnly();
let starting = false;

export const useAmiCopyStore = create<AmiCopyState>()((set, get) => ({
  ...initial,
  setSourceRegion: (sourceRegion) => {
    searches.invalidate();
    plans.invalidate();
    set({ sourceRegion, images: idle, selected: [], plan: idle });
  },
  setQuery: (query) => set({ query }),
  search: async () => {
    const { sourceRegion, query } = get();
    set({ images: loading });
    const current = searches.take();
    const result = await api().amiCopy.images({ region: sourceRegion, query });
    if (!current()) return;
    set({ images: result.ok ? ready(result.value.images) : failed(result.error) });
  },
  setSelected: (selected) => {
    plans.invalidate();
    set({ selected, plan: idle });
  },
  setDestRegions: (destRegions) => {
    keyLists.invalidate();
    keyChecks.invalidate();
    plans.invalidate();
    set({ destRegions, keys: idle, keyCheck: idle, plan: idle });
  },
  setTemplates: (change) => {
    plans.invalidate();
    set({ ...change, plan: idle });
  },
  setKeyRef: (keyRef) => {
    keyChecks.invalidate();
    plans.invalidate();
    set({ keyRef, keyCheck: idle, plan: idle });
  },
  loadKeys: async () => {
    set({ keys: loading });
    const current = keyLists.take();
    const result = await api().amiCopy.keys({ region: keyRegionOf(get()) });
    if (!current()) return;
    set({ keys: result.ok ? ready(result.value.keys) : failed(result.error) });
  },
  checkKey: async () => {
    const { keyRef } = get();
    set({ keyCheck: loading });
    const current = keyChecks.take();
    const result = await api().amiCopy.checkKey({
      region: keyRegionOf(get()),
      ...(keyRef.trim() ? { ref: keyRef.trim() } : {}),
    });
    if (!current()) return;
    set({ keyCheck: result.ok ? ready(result.value) : failed(result.error) });
  },
  makePlan: async () => {
    const s = get();
    set({ plan: loading });
    const current = plans.take();
    const result = await api().amiCopy.plan({
      imageIds: s.selected.map((i) => i.id),
      sourceRegion: s.sourceRegion,
      destRegions: [...s.destRegions],
      ...(s.keyRef.trim() ? { kmsKeyRef: s.keyRef.trim() } : {}),
      nameTemplate: s.nameTemplate,
      descriptionTemplate: s.descriptionTemplate,
      copyTags: s.copyTags,
    });
    if (!current()) return;
    set({ plan: result.ok ? ready(result.value) : failed(result.error) });
  },
  start: async () => {
    const plan = get().plan;
    // A second press while the first is answered would start the same copies twice.
    if (plan.status !== 'ready' || starting) return;
    starting = true;
    set({ startError: undefined });
    const result = await api()
      .amiCopy.start({ plan: plan.value.plan })
      .finally(() => {
        starting = false;
      });
    if (result.ok) set({ jobIds: result.value.jobIds });
    else set({ startError: result.error });
  },
  cancel: async (jobId) => {
    const result = await api().jobs.cancel({ id: jobId });
    if (!result.ok) set({ notices: { ...get().notices, [jobId]: { kind: 'error', error: result.error } } });
  },
  cleanup: async (jobId) => {
    const result = await api().amiCopy.cleanup({ jobId, confirm: true });
    const notice: ActionNotice = result.ok
      ? {
          kind: 'success',
          text: `Cleaned up: ${[result.value.deregistered ? `deregistered ${result.value.deregistered}` : '', result.value.deletedSnapshots.length > 0 ? `deleted ${result.value.deletedSnapshots.join(', ')}` : ''].filter(Boolean).join('; ') || 'nothing was left'}.`,
        }
      : { kind: 'error', error: result.error };
    set({ notices: { ...get().notices, [jobId]: notice } });
  },
  deregisterSource: async (jobId) => {
    const result = await api().amiCopy.deregisterSource({ jobId, confirm: true });
    const notice: ActionNotice = result.ok
      ? {
          kind: 'success',
          text: `Deregistered the source ${result.value.imageId} in ${result.value.region}; its snapshots are kept.`,
        }
      : { kind: 'error', error: result.error };
    set({ notices: { ...get().notices, [jobId]: notice } });
  },
  applyProgress: (progress) => set({ progress: { ...get().progress, [progress.jobId]: progress } }),
  reset: () => {
    for (const requests of [searches, keyLists, keyChecks, plans]) requests.invalidate();
    set({ ...initial, sourceRegion: get().sourceRegion });
  },
}));
