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

export const plansChannels = {
  'plans:import': channel(
    z.object({ text: z.string() }),
    z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), plan: planSchema, summary: planSummarySchema }),
      z.object({ ok: z.literal(false), problem: z.string() }),
    ]),
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
} as const;
