import type { JobSnapshot, JobState } from '../../shared/domain/jobs';

export function job(id: string, state: JobState, extra: Partial<JobSnapshot> = {}): JobSnapshot {
  return {
    id,
    kind: 'ami-copy',
    title: `Copy ${id}`,
    state,
    progress: { value: state === 'done' ? 1 : 0.42, title: 'Copying snapshots', detail: '2 of 3' },
    steps: [],
    createdAt: 1_000,
    ...(state === 'done' || state === 'failed' || state === 'cancelled' ? { endedAt: 2_000 } : {}),
    ...extra,
  };
}
