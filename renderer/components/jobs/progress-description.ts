// The line under a job's progress bar, without repeating what the bar or the State column already
// say: a finished job's last progress title is often just "Done" (or "Cancelled"), which beside a
// "Done" result or state read "Done Done".
import type { JobSnapshot } from '../../../shared/domain/jobs';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

// `alreadySaid`: the words shown next to the bar (its result text, or the job's state).
export function progressDescription(
  job: JobSnapshot,
  alreadySaid: string,
  withDetail: boolean,
): string | undefined {
  const title = job.progress.title && !same(job.progress.title, alreadySaid) ? job.progress.title : undefined;
  const detail = withDetail ? job.progress.detail : undefined;
  const line = [title, detail].filter(Boolean).join(' · ');
  return line === '' ? undefined : line;
}
