// The renderer's copy of main's job list. Main sends a full snapshot after each change and the
// store replaces its copy (bind-events coalesces those per animation frame).
import { create } from 'zustand';
import type { JobSnapshot } from '../../shared/domain/jobs';
import { isTerminalJobState } from '../../shared/domain/jobs';
import { api } from '../bridge/api';
import { failed, loading, ready, type LoadState } from './load-state';
import { useUiStore } from './ui-store';

interface JobsState {
  readonly jobs: LoadState<readonly JobSnapshot[]>;
  load: () => Promise<void>;
  cancel: (id: string) => Promise<void>;
  clearFinished: () => Promise<void>;
  replaceAll: (jobs: readonly JobSnapshot[]) => void;
}

export const useJobsStore = create<JobsState>()((set, get) => ({
  jobs: { status: 'idle' },
  load: async () => {
    if (get().jobs.status !== 'ready') set({ jobs: loading });
    const result = await api().jobs.list();
    if (result.ok) set({ jobs: ready(result.value.jobs) });
    else set({ jobs: failed(result.error) });
  },
  cancel: async (id) => {
    const result = await api().jobs.cancel({ id });
    if (!result.ok) useUiStore.getState().notifyError(result.error);
  },
  clearFinished: async () => {
    const result = await api().jobs.clearFinished();
    if (!result.ok) useUiStore.getState().notifyError(result.error);
  },
  replaceAll: (jobs) => set({ jobs: ready(jobs) }),
}));

// Selectors: components read through these so a re-render happens only when the answer changes.
const emptyJobs: readonly JobSnapshot[] = [];
export const selectJobs = (state: JobsState): readonly JobSnapshot[] =>
  state.jobs.status === 'ready' ? state.jobs.value : emptyJobs;
export const selectActiveJobCount = (state: JobsState): number =>
  selectJobs(state).filter((job) => !isTerminalJobState(job.state)).length;
