// Long-running work as the renderer, the tray and the CLI see it. Main owns the list and sends a
// full snapshot after each change; consumers replace their copy.
import { z } from 'zod';
import { apiErrorSchema } from '../ipc/channel';

export const jobStateSchema = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);
export type JobState = z.infer<typeof jobStateSchema>;
export const isTerminalJobState = (state: JobState): boolean =>
  state === 'done' || state === 'failed' || state === 'cancelled';

export const stepStateSchema = z.enum(['pending', 'running', 'done', 'failed', 'skipped', 'cancelled']);
export type StepState = z.infer<typeof stepStateSchema>;

export const jobStepSchema = z.object({
  id: z.string(),
  title: z.string(),
  state: stepStateSchema,
  detail: z.string().optional(),
  startedAt: z.number().optional(), // ms since epoch
  endedAt: z.number().optional(),
});
export type JobStep = z.infer<typeof jobStepSchema>;

export const jobProgressSchema = z.object({
  value: z.number().min(0).max(1), // fraction 0..1
  title: z.string(),
  detail: z.string().optional(),
});
export type JobProgress = z.infer<typeof jobProgressSchema>;

export const jobSnapshotSchema = z.object({
  id: z.string(),
  kind: z.string(), // 'inventory-scan', 'ami-copy', 'migration', ...
  title: z.string(),
  state: jobStateSchema,
  progress: jobProgressSchema,
  steps: z.array(jobStepSchema),
  createdAt: z.number(),
  endedAt: z.number().optional(),
  error: apiErrorSchema.optional(),
  // Domain result, JSON only; its shape belongs to the job's kind.
  result: z.unknown().optional(),
  // True for a job found unfinished in the saved history after a restart.
  interrupted: z.boolean().optional(),
});
export type JobSnapshot = z.infer<typeof jobSnapshotSchema>;
