import { z } from 'zod';
import { channel, noInput, ok } from '../channel';
import { jobSnapshotSchema } from '../../domain/jobs';

export const jobChannels = {
  'jobs:list': channel(noInput, z.object({ jobs: z.array(jobSnapshotSchema) })),
  'jobs:cancel': channel(z.object({ id: z.string().min(1).max(100) }), ok),
  // Forget finished jobs (done, failed, cancelled) from the history.
  'jobs:clearFinished': channel(noInput, ok),
} as const;

export const jobEvents = {
  'jobs:changed': z.object({ jobs: z.array(jobSnapshotSchema) }),
} as const;
