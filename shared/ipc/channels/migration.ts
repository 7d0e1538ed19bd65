// Migration channels. Planning answers with the sealed plan (nothing changes); start, resume,
// rollback and cleanup answer with the migration id and a job id at once; `migration:changed`
// carries the journal after each write, so the live view redraws from it.
import { z } from 'zod';
import { channel, noInput } from '../channel';
import {
  migrationJournalSchema,
  migrationRequestSchema,
  migrationSummarySchema,
} from '../../domain/migration';
import { planSchema } from '../../plans/plan-document';

const migrationId = z.object({ id: z.string().regex(/^mig-[a-z0-9-]+$/) });
const started = z.object({ migrationId: z.string(), jobId: z.string() });

export const migrationChannels = {
  'migration:plan': channel(migrationRequestSchema, planSchema),
  // Runs the reviewed plan itself (re-checked in core: seal, and made again to compare), never the
  // form's current selection; so the plan crosses as unknown.
  'migration:start': channel(z.object({ plan: z.unknown() }), started),
  // Journals in the data directory, newest first; unfinished ones are resumable.
  'migration:list': channel(noInput, z.object({ migrations: z.array(migrationSummarySchema) })),
  'migration:get': channel(migrationId, migrationJournalSchema),
  'migration:resume': channel(migrationId, started),
  'migration:rollback': channel(migrationId, started),
  // Replace strategy: the user has moved over to the running replacement of the instance that
  // waits; its original is stopped and the next node goes on.
  'migration:confirm': channel(
    migrationId.extend({
      instanceId: z
        .string()
        .regex(/^i-[0-9a-f]{8,17}$/)
        .optional(),
    }),
    started,
  ),
  // Deletes the originals (after verification) or the replacements (after a rollback): the page
  // asks for confirmation first; `confirm` must be true.
  'migration:cleanup': channel(migrationId.extend({ confirm: z.literal(true) }), started),
} as const;

export const migrationEvents = {
  'migration:changed': migrationJournalSchema,
} as const;
