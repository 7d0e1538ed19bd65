// The renderer's migrations: the wizard's choices, the reviewed plan, the journals (listed from
// main; `migration:changed`, bound in bridge/bind-events.ts, replaces one journal after each write
// so the live view redraws), and the resume / rollback / cleanup / confirm actions.
import { create } from 'zustand';
import type { MigrationJournal, MigrationStrategy, MigrationSummary } from '../../shared/domain/migration';
import type { ApiError } from '../../shared/ipc/channel';
import type { Plan } from '../../shared/plans/plan-document';
import { api } from '../bridge/api';
import { useUiStore } from './ui-store';

type Review =
  | { readonly status: 'idle' }
  | { readonly status: 'planning' }
  | { readonly status: 'ready'; readonly plan: Plan }
  // Refused before anything changed (instance not found, every key error, …): shown in the wizard.
  | { readonly status: 'refused'; readonly error: ApiError };

// confirm: the replace strategy's node-by-node swap, confirmed by the user.
export type MigrationVerb = 'resume' | 'rollback' | 'cleanup' | 'confirm';

interface MigrationState {
  readonly selected: readonly string[];
  readonly kmsKeyRef: string;
  readonly strategy: MigrationStrategy;
  readonly review: Review;
  readonly summaries: readonly MigrationSummary[];
  readonly journals: Readonly<Record<string, MigrationJournal>>;
  readonly currentId: string | undefined;
  setSelected: (ids: readonly string[]) => void;
  setKey: (ref: string) => void;
  setStrategy: (strategy: MigrationStrategy) => void;
  plan: () => Promise<void>;
  start: () => Promise<void>;
  list: () => Promise<void>;
  open: (id: string) => Promise<void>;
  act: (verb: MigrationVerb, id: string) => Promise<void>;
  applyJournal: (journal: MigrationJournal) => void;
}

export const useMigrationStore = create<MigrationState>()((set, get) => ({
  selected: [],
  kmsKeyRef: '',
  strategy: 'swap',
  review: { status: 'idle' },
  summaries: [],
  journals: {},
  currentId: undefined,
  setSelected: (selected) => set({ selected, review: { status: 'idle' } }),
  setKey: (kmsKeyRef) => set({ kmsKeyRef, review: { status: 'idle' } }),
  setStrategy: (strategy) => set({ strategy, review: { status: 'idle' } }),
  plan: async () => {
    set({ review: { status: 'planning' } });
    const { selected, kmsKeyRef, strategy } = get();
    const result = await api().migration.plan({ instanceIds: [...selected], kmsKeyRef, strategy });
    set({
      review: result.ok
        ? { status: 'ready', plan: result.value }
        : { status: 'refused', error: result.error },
    });
  },
  start: async () => {
    const { selected, kmsKeyRef, strategy } = get();
    const result = await api().migration.start({ instanceIds: [...selected], kmsKeyRef, strategy });
    if (!result.ok) return set({ review: { status: 'refused', error: result.error } });
    set({ currentId: result.value.migrationId, review: { status: 'idle' } });
    await get().open(result.value.migrationId);
    await get().list();
  },
  list: async () => {
    const result = await api().migration.list({});
    if (result.ok) set({ summaries: result.value.migrations });
  },
  open: async (id) => {
    set({ currentId: id });
    const result = await api().migration.get({ id });
    if (result.ok) get().applyJournal(result.value);
  },
  act: async (verb, id) => {
    const calls: Record<MigrationVerb, () => ReturnType<ReturnType<typeof api>['migration']['resume']>> = {
      resume: () => api().migration.resume({ id }),
      rollback: () => api().migration.rollback({ id }),
      cleanup: () => api().migration.cleanup({ id, confirm: true }),
      confirm: () => api().migration.confirm({ id }),
    };
    const result = await calls[verb]();
    if (!result.ok) useUiStore.getState().notifyError(result.error);
    set({ currentId: id });
    await get().list();
  },
  // The list's row follows the journal too, so the table and the live view never disagree.
  applyJournal: (journal) =>
    set((state) => ({
      journals: { ...state.journals, [journal.id]: journal },
      summaries: state.summaries.map((m) =>
        m.id === journal.id ? { ...m, status: journal.status, updatedAt: journal.updatedAt } : m,
      ),
    })),
}));
