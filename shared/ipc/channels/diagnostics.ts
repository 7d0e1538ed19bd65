// Diagnostics channels. A run is long work: it answers with a job id at once, and
// `diagnostics:changed` tells the page when a report has landed (or a fix was applied or undone);
// the page then reads it with `diagnostics:report`. Fixes go preview (a sealed plan, nothing
// changed) → apply (the plan, after the user confirmed) → undo (by journal entry).
import { z } from 'zod';
import { channel, noInput } from '../channel';
import {
  diagnosticFixSchema,
  diagnosticsReportSchema,
  diagnosticsSettingsSchema,
  fixJournalEntrySchema,
  importedConfigSchema,
  policyDiffLineSchema,
} from '../../domain/diagnostics';
import { planSchema } from '../../plans/plan-document';

const regionName = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'a region name such as eu-west-1');
const regionOrAll = z.union([regionName, z.literal('*')]);

export const diagnosticsChannels = {
  'diagnostics:run': channel(
    z.object({ regions: z.array(regionName).max(40).optional() }),
    z.object({ jobId: z.string() }),
  ),
  'diagnostics:report': channel(noInput, z.object({ report: diagnosticsReportSchema.optional() })),
  'diagnostics:exportReport': channel(
    z.object({ format: z.enum(['html', 'json']) }),
    z.object({ filename: z.string(), mimeType: z.string(), content: z.string() }),
  ),
  'diagnostics:getSettings': channel(noInput, diagnosticsSettingsSchema),
  'diagnostics:saveSettings': channel(diagnosticsSettingsSchema, diagnosticsSettingsSchema),
  // An Avi cloud configuration (JSON) or a Kublr cluster spec (YAML), pasted or read from a file.
  'diagnostics:importConfig': channel(
    z.object({
      text: z.string().min(1).max(1_000_000),
      region: regionOrAll,
      format: z.enum(['auto', 'avi', 'kublr']).optional(),
    }),
    z.object({ imported: importedConfigSchema, settings: diagnosticsSettingsSchema }),
  ),
  'diagnostics:previewFix': channel(
    z.object({ findingId: z.string().max(2048).optional(), fix: diagnosticFixSchema.optional() }),
    z.object({ plan: planSchema, diff: z.array(policyDiffLineSchema).optional() }),
  ),
  'diagnostics:applyFix': channel(z.object({ plan: planSchema }), fixJournalEntrySchema),
  'diagnostics:undoFix': channel(z.object({ entryId: z.string().min(1).max(200) }), fixJournalEntrySchema),
  'diagnostics:journal': channel(noInput, z.object({ entries: z.array(fixJournalEntrySchema) })),
} as const;

export const diagnosticsEvents = {
  'diagnostics:changed': z.object({ at: z.number() }),
} as const;
