import type { Handlers } from '../ipc/dispatcher';
import type { JobManager } from '../jobs/job-manager';

export function jobHandlers(
  jobs: JobManager,
): Pick<Handlers, 'jobs:list' | 'jobs:cancel' | 'jobs:clearFinished'> {
  return {
    'jobs:list': () => Promise.resolve({ jobs: jobs.list() }),
    'jobs:cancel': ({ id }) => {
      jobs.cancel(id);
      return Promise.resolve({ ok: true as const });
    },
    'jobs:clearFinished': () => {
      jobs.clearFinished();
      return Promise.resolve({ ok: true as const });
    },
  };
}
