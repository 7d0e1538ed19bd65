// What each kind of job leaves as its result (the shapes core's jobs return), read with zod so an
// old or unexpected result is shown as steps only, never as a crash.
import { z } from 'zod';
import { severityCountsSchema } from '../../../shared/domain/diagnostics';

export const migrationJobResultSchema = z.object({ migrationId: z.string(), status: z.string() });

export const scanJobResultSchema = z.object({
  regions: z.array(z.object({ region: z.string(), source: z.string(), resources: z.number() })),
});

export const diagnosticsJobResultSchema = severityCountsSchema;
