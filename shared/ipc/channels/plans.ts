// Plans channels. Import takes the file's text (the renderer reads the file or the paste) and
// answers with the plan and its summary, or the one-sentence reason it was refused; check answers
// with the seal and the drift report; render answers with the export's text (the renderer offers
// it as a download); run needs confirm: true and answers with the job ids at once.
import { z } from 'zod';
import { channel } from '../channel';
import { planSchema } from '../../plans/plan-document';
import { driftReportSchema, planSummarySchema } from '../../plans/plan-summary';
import { exportFormatSchema } from '../../plans/render/render-plan';

// A plan from the renderer is re-checked in core (schema and seal), so it crosses as unknown.
const anyPlan = z.object({ plan: z.unknown() });

const importAnswer = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), plan: planSchema, summary: planSummarySchema }),
  z.object({ ok: z.literal(false), problem: z.string() }),
]);
export type PlanImportAnswer = z.infer<typeof importAnswer>;

export const plansChannels = {
  'plans:import': channel(z.object({ text: z.string() }), importAnswer),
  // A migration plan built from the cached inventory, with no network (source 'cache', its age stated).
  'plans:planOffline': channel(
    z.object({
      instanceIds: z
        .array(z.string().regex(/^i-[0-9a-f]{8,17}$/, 'an instance id such as i-0123456789abcdef0'))
        .min(1),
      kmsKeyRef: z.string().min(1).max(2048),
      strategy: z.enum(['swap', 'rekey']),
      region: z.string().optional(),
    }),
    importAnswer,
  ),
  'plans:check': channel(anyPlan, z.object({ sealValid: z.boolean(), drift: driftReportSchema })),
  'plans:render': channel(
    anyPlan.extend({ format: exportFormatSchema }),
    z.object({ text: z.string(), fileName: z.string(), mime: z.string() }),
  ),
  'plans:run': channel(
    anyPlan.extend({ force: z.boolean().optional(), confirm: z.literal(true) }),
    z.object({
      kind: z.string(),
      jobIds: z.array(z.string()),
      migrationId: z.string().optional(),
      fixEntryId: z.string().optional(),
    }),
  ),
  // Trust a signer's fingerprint (checked with its owner): its plans then import as known.
  'plans:trust': channel(
    z.object({ fingerprint: z.string().max(200) }),
    z.object({ fingerprint: z.string() }),
  ),
} as const;
