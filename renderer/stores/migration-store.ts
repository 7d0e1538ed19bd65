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
  // starting: Run was pressed; the form stays locked until core answers.
  | { readonly status: 'ready'; readonly plan: Plan; readonly starting?: boolean }
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
  // The reviewed plan each migration started here ran from (the live view exports it).
  readonly plans: Readonly<Record<string, Plan>>;
  // The migration a verb was sent for, until core answers (its button shows it is busy).
  readonly acting: { readonly id: string; readonly verb: MigrationVerb } | undefined;
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

// Which form the answer in flight belongs to: every change to the form (and every new Review plan)
// moves it on, so an answer for an older form is dropped instead of being shown as ready.
let formVersion = 0;

const notify = (error: ApiError, hint: string) =>
  useUiStore.getState().notifyError({ ...error, hint: error.hint ?? hint });

export const useMigrationStore = create<MigrationState>()((set, get) => {
  // The form is locked while a plan is made or a run starts; a change then is refused.
  const change = (patch: Partial<Pick<MigrationState, 'selected' | 'kmsKeyRef' | 'strategy'>>) => {
    const review = get().review;
    if (review.status === 'planning' || (review.status === 'ready' && review.starting)) return;
    formVersion += 1;
    set({ ...patch, review: { status: 'idle' } });
  };
  return {
    selected: [],
    kmsKeyRef: '',
    strategy: 'swap',
    review: { status: 'idle' },
    summaries: [],
    journals: {},
    currentId: undefined,
    plans: {},
    acting: undefined,
    setSelected: (selected) => change({ selected }),
    setKey: (kmsKeyRef) => change({ kmsKeyRef }),
    setStrategy: (strategy) => change({ strategy }),
    plan: async () => {
      const version = ++formVersion;
      set({ review: { status: 'planning' } });
      const { selected, kmsKeyRef, strategy } = get();
      const result = await api().migration.plan({ instanceIds: [...selected], kmsKeyRef, strategy });
      if (version !== formVersion) return; // a newer form or review replaced this one
      set({
        review: result.ok
          ? { status: 'ready', plan: result.value }
          : { status: 'refused', error: result.error },
      });
    },
    // Runs the plan on screen (its sealed document), never the form's current selection; core
    // makes it again and refuses the run if anything differs from what was reviewed.
    start: async () => {
      const review = get().review;
      if (review.status !== 'ready' || review.starting) return;
      const version = formVersion;
      set({ review: { ...review, starting: true } });
      const result = await api().migration.start({ plan: review.plan });
      if (!result.ok) {
        if (version === formVersion) set({ review: { status: 'refused', error: result.error } });
        return;
      }
      formVersion += 1;
      set((state) => ({
        currentId: result.value.migrationId,
        review: { status: 'idle' },
        plans: { ...state.plans, [result.value.migrationId]: review.plan },
      }));
      await get().open(result.value.migrationId);
      await get().list();
    },
    list: async () => {
      const result = await api().migration.list({});
      if (result.ok) set({ summaries: result.value.migrations });
      else notify(result.error, 'The migrations could not be listed; open Migrate again to retry.');
    },
    open: async (id) => {
      set({ currentId: id });
      const result = await api().migration.get({ id });
      if (result.ok) get().applyJournal(result.value);
      else notify(result.error, `Open ${id} again from the Migrations table; its journal is kept on disk.`);
    },
    act: async (verb, id) => {
      const calls: Record<MigrationVerb, () => ReturnType<ReturnType<typeof api>['migration']['resume']>> = {
        resume: () => api().migration.resume({ id }),
        rollback: () => api().migration.rollback({ id }),
        cleanup: () => api().migration.cleanup({ id, confirm: true }),
        confirm: () => api().migration.confirm({ id }),
      };
      set({ acting: { id, verb } });
      const result = await calls[verb]();
      set({ acting: undefined, currentId: id });
      if (!result.ok)
        notify(
          result.error,
          `Nothing was changed by this ${verb}; check the step that failed, then try again.`,
        );
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
  };
});
