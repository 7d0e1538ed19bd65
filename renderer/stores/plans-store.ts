// The renderer's plans: the imported plan (or why it was refused), its summary, the drift report,
// exports (core renders the text; the page downloads it as a file) and the run.
import { create } from 'zustand';
import type { Plan } from '../../shared/plans/plan-document';
import type { DriftReport, PlanSummary } from '../../shared/plans/plan-summary';
import type { PlanImportAnswer } from '../../shared/ipc/channels/plans';
import type { ExportFormat } from '../../shared/plans/render/render-plan';
import { api } from '../bridge/api';
import { useUiStore } from './ui-store';

type Imported =
  | { readonly status: 'empty' }
  | { readonly status: 'checking' }
  | { readonly status: 'refused'; readonly problem: string }
  | { readonly status: 'valid'; readonly plan: Plan; readonly summary: PlanSummary };

// Import and offline planning answer alike: the plan with its summary, or why it was refused.
const importedFrom = (answer: PlanImportAnswer): Imported =>
  answer.ok
    ? { status: 'valid', plan: answer.plan, summary: answer.summary }
    : { status: 'refused', problem: answer.problem };

type Drift =
  | { readonly status: 'idle' }
  | { readonly status: 'checking' }
  | { readonly status: 'done'; readonly report: DriftReport };

interface PlansState {
  readonly imported: Imported;
  readonly drift: Drift;
  readonly run: { readonly jobIds: readonly string[]; readonly migrationId?: string } | undefined;
  importText: (text: string) => Promise<void>;
  // A migration plan from the cached inventory, with no network; shown like an imported one.
  planOffline: (request: {
    instanceIds: string[];
    kmsKeyRef: string;
    strategy: 'swap' | 'rekey';
  }) => Promise<void>;
  checkDrift: () => Promise<void>;
  exportAs: (format: ExportFormat) => Promise<RenderedFile | undefined>;
  runPlan: (force: boolean) => Promise<boolean>;
  clear: () => void;
}

type RenderedFile = { text: string; fileName: string; mime: string };

// Any plan shown anywhere (the migration review, the live view, Plans) exports through core's
// renderers; a failure is notified with what to do.
export async function exportPlan(plan: Plan, format: ExportFormat): Promise<RenderedFile | undefined> {
  const result = await api().plans.render({ plan, format });
  if (result.ok) return result.value;
  useUiStore.getState().notifyError({
    ...result.error,
    hint: result.error.hint ?? 'Nothing was saved; try the export again or choose another format.',
  });
  return undefined;
}

export const usePlansStore = create<PlansState>()((set, get) => ({
  imported: { status: 'empty' },
  drift: { status: 'idle' },
  run: undefined,
  importText: async (text) => {
    set({ imported: { status: 'checking' }, drift: { status: 'idle' }, run: undefined });
    const result = await api().plans.import({ text });
    if (!result.ok) {
      set({ imported: { status: 'refused', problem: result.error.message } });
      return;
    }
    const answer = result.value;
    set({ imported: importedFrom(answer) });
    if (answer.ok) await get().checkDrift();
  },
  planOffline: async (request) => {
    set({ imported: { status: 'checking' }, drift: { status: 'idle' }, run: undefined });
    const result = await api().plans.planOffline(request);
    if (!result.ok) {
      set({ imported: { status: 'empty' } });
      useUiStore.getState().notifyError(result.error);
      return;
    }
    set({ imported: importedFrom(result.value) });
  },
  checkDrift: async () => {
    const imported = get().imported;
    if (imported.status !== 'valid') return;
    set({ drift: { status: 'checking' } });
    const result = await api().plans.check({ plan: imported.plan });
    if (result.ok) set({ drift: { status: 'done', report: result.value.drift } });
    else {
      set({ drift: { status: 'idle' } });
      useUiStore.getState().notifyError(result.error);
    }
  },
  exportAs: async (format) => {
    const imported = get().imported;
    if (imported.status !== 'valid') return undefined;
    return exportPlan(imported.plan, format);
  },
  runPlan: async (force) => {
    const imported = get().imported;
    if (imported.status !== 'valid') return false;
    const result = await api().plans.run({ plan: imported.plan, confirm: true, ...(force ? { force } : {}) });
    if (!result.ok) {
      useUiStore.getState().notifyError(result.error);
      return false;
    }
    set({
      run: {
        jobIds: result.value.jobIds,
        ...(result.value.migrationId ? { migrationId: result.value.migrationId } : {}),
      },
    });
    return true;
  },
  clear: () => set({ imported: { status: 'empty' }, drift: { status: 'idle' }, run: undefined }),
}));
