// The renderer's copy of the diagnostics: the last report, the intended keys and bucket prefixes,
// the fix journal, and the fix being previewed. A run returns a job id; `diagnostics:changed`
// (bound in bridge/bind-events.ts) re-reads the report and the journal.
import { create } from 'zustand';
import type {
  DiagnosticsReport,
  DiagnosticsSettings,
  FixJournalEntry,
  ImportedConfig,
  PolicyDiffLine,
} from '../../shared/domain/diagnostics';
import type { ApiError } from '../../shared/ipc/channel';
import type { Plan } from '../../shared/plans/plan-document';
import { api } from '../bridge/api';
import { latestOnly } from './latest-only';
import { failed, loading, ready, type LoadState } from './load-state';
import { useUiStore } from './ui-store';

export type FixPreviewState =
  | { readonly status: 'closed' }
  | { readonly status: 'loading'; readonly findingId: string }
  | {
      readonly status: 'ready';
      readonly findingId: string;
      readonly plan: Plan;
      readonly diff?: readonly PolicyDiffLine[];
    }
  | {
      readonly status: 'applying';
      readonly findingId: string;
      readonly plan: Plan;
      readonly diff?: readonly PolicyDiffLine[];
    }
  | { readonly status: 'applied'; readonly findingId: string; readonly entry: FixJournalEntry }
  | { readonly status: 'error'; readonly findingId: string; readonly error: ApiError };

export interface ExportedReport {
  readonly filename: string;
  readonly mimeType: string;
  readonly content: string;
}

interface DiagnosticsState {
  readonly report: LoadState<DiagnosticsReport | undefined>;
  readonly settings: LoadState<DiagnosticsSettings>;
  readonly journal: readonly FixJournalEntry[];
  readonly runJobId: string | undefined;
  readonly preview: FixPreviewState;
  readonly lastImport: ImportedConfig | undefined;
  load: () => Promise<void>;
  run: (regions?: readonly string[]) => Promise<void>;
  saveSettings: (settings: DiagnosticsSettings) => Promise<boolean>;
  importConfig: (text: string, region: string) => Promise<boolean>;
  previewFix: (findingId: string) => Promise<void>;
  applyFix: () => Promise<void>;
  closePreview: () => void;
  undo: (entryId: string) => Promise<void>;
  // Fixes whose Undo was sent and not yet answered (their Undo shows it is busy, and is sent once).
  readonly undoing: readonly string[];
  exportReport: (format: 'html' | 'json') => Promise<ExportedReport | undefined>;
  // On diagnostics:changed: re-reads what a page has loaded before.
  refresh: () => Promise<void>;
}

const notify = (error: ApiError) => useUiStore.getState().notifyError(error);

// A preview closed, or replaced by another finding's, while loading must not reopen with its answer.
const previews = latestOnly();

export const useDiagnosticsStore = create<DiagnosticsState>()((set, get) => ({
  report: { status: 'idle' },
  settings: { status: 'idle' },
  journal: [],
  runJobId: undefined,
  preview: { status: 'closed' },
  lastImport: undefined,
  load: async () => {
    if (get().report.status !== 'ready') set({ report: loading });
    const [report, settings, journal] = await Promise.all([
      api().diagnostics.report({}),
      api().diagnostics.getSettings({}),
      api().diagnostics.journal({}),
    ]);
    set({
      report: report.ok ? ready(report.value.report) : failed(report.error),
      settings: settings.ok ? ready(settings.value) : failed(settings.error),
      ...(journal.ok ? { journal: journal.value.entries } : {}),
    });
    // The report's failure is shown on the page; these two would otherwise go unsaid.
    if (!settings.ok) notify(settings.error);
    if (!journal.ok) notify(journal.error);
  },
  run: async (regions) => {
    const result = await api().diagnostics.run({ ...(regions?.length ? { regions: [...regions] } : {}) });
    if (result.ok) set({ runJobId: result.value.jobId });
    else notify(result.error);
  },
  saveSettings: async (settings) => {
    const result = await api().diagnostics.saveSettings(settings);
    if (result.ok) set({ settings: ready(result.value) });
    else notify(result.error);
    return result.ok;
  },
  importConfig: async (text, region) => {
    const result = await api().diagnostics.importConfig({ text, region });
    if (!result.ok) {
      notify(result.error);
      return false;
    }
    set({ settings: ready(result.value.settings), lastImport: result.value.imported });
    return true;
  },
  previewFix: async (findingId) => {
    set({ preview: { status: 'loading', findingId } });
    const current = previews.take();
    const result = await api().diagnostics.previewFix({ findingId });
    if (!current()) return;
    set({
      preview: result.ok
        ? {
            status: 'ready',
            findingId,
            plan: result.value.plan,
            ...(result.value.diff ? { diff: result.value.diff } : {}),
          }
        : { status: 'error', findingId, error: result.error },
    });
  },
  applyFix: async () => {
    const preview = get().preview;
    if (preview.status !== 'ready') return;
    set({ preview: { ...preview, status: 'applying' } });
    const result = await api().diagnostics.applyFix({ plan: preview.plan });
    if (result.ok) {
      set({
        preview: { status: 'applied', findingId: preview.findingId, entry: result.value },
        journal: [...get().journal, result.value],
      });
    } else set({ preview: { status: 'error', findingId: preview.findingId, error: result.error } });
  },
  closePreview: () => {
    previews.invalidate();
    set({ preview: { status: 'closed' } });
  },
  undoing: [],
  undo: async (entryId) => {
    if (get().undoing.includes(entryId)) return;
    set({ undoing: [...get().undoing, entryId] });
    const result = await api().diagnostics.undoFix({ entryId });
    set({ undoing: get().undoing.filter((id) => id !== entryId) });
    if (!result.ok) {
      notify(result.error);
      return;
    }
    set({ journal: get().journal.map((e) => (e.id === entryId ? result.value : e)) });
    const preview = get().preview;
    if (preview.status === 'applied' && preview.entry.id === entryId)
      set({ preview: { ...preview, entry: result.value } });
  },
  exportReport: async (format) => {
    const result = await api().diagnostics.exportReport({ format });
    if (result.ok) return result.value;
    notify(result.error);
    return undefined;
  },
  refresh: async () => {
    if (get().report.status !== 'idle') await get().load();
  },
}));

export const selectReport = (state: DiagnosticsState): DiagnosticsReport | undefined =>
  state.report.status === 'ready' ? state.report.value : undefined;
