// What a reviewer sees first about a plan, and what a drift check answers: pure data, shared by
// the CLI, the IPC channels and the Plans page.
import { z } from 'zod';
import type { Plan } from './plan-document';
import { signerInfoSchema } from './signature';

export const driftSchema = z.object({
  resource: z.string(),
  id: z.string(),
  region: z.string(),
  attribute: z.string(),
  planned: z.unknown(),
  live: z.unknown(),
});
export type Drift = z.infer<typeof driftSchema>;

// 'offline': AWS could not be reached (or the credentials are not usable): the check could not
// run, review still works. 'unchecked' lists facts no reader exists for (buckets, say).
export const driftReportSchema = z.object({
  status: z.enum(['no-drift', 'drift', 'offline']),
  checkedAt: z.string(),
  drifts: z.array(driftSchema),
  unchecked: z.array(z.string()),
  reason: z.string().optional(),
});
export type DriftReport = z.infer<typeof driftReportSchema>;

export const planSummarySchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  accountId: z.string(),
  regions: z.array(z.string()),
  createdAt: z.string(),
  createdBy: z.string(),
  source: z.enum(['live', 'cache']),
  steps: z.number(),
  rollbackSteps: z.number(),
  facts: z.number(),
  expectedDowntimeSeconds: z.number().optional(),
  estimatedSeconds: z.number(),
  warnings: z.array(z.string()),
  oldestFactAt: z.string().optional(),
  // Hours between the oldest fact and `now`, for "from cached inventory, N h old".
  factAgeHours: z.number().optional(),
  sha256: z.string(),
  // Who signed it, as core knows (an imported plan); absent for a plan made here and not exported.
  signer: signerInfoSchema.optional(),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

export function summarizePlan(plan: Plan, now = Date.now()): PlanSummary {
  const times = plan.facts.map((f) => Date.parse(f.readAt)).filter((t) => Number.isFinite(t));
  const oldest = times.length > 0 ? Math.min(...times) : undefined;
  return {
    id: plan.id,
    kind: plan.kind,
    title: plan.title,
    accountId: plan.accountId,
    regions: plan.regions,
    createdAt: plan.createdAt,
    createdBy: plan.createdBy,
    source: plan.source,
    steps: plan.steps.length,
    rollbackSteps: plan.rollback.length,
    facts: plan.facts.length,
    ...(plan.expectedDowntimeSeconds === undefined
      ? {}
      : { expectedDowntimeSeconds: plan.expectedDowntimeSeconds }),
    estimatedSeconds: plan.estimatedSeconds,
    warnings: plan.warnings,
    ...(oldest === undefined
      ? {}
      : {
          oldestFactAt: new Date(oldest).toISOString(),
          factAgeHours: Math.max(0, Math.round(((now - oldest) / 3_600_000) * 10) / 10),
        }),
    sha256: plan.sha256,
  };
}

// Planned vs live, per attribute the live reader could read. An attribute the reader did not
// produce is not compared (the plan may record labels and aliases that are not state).
export function compareFacts(
  planned: { resource: string; id: string; region: string; attributes: Record<string, unknown> },
  live: Record<string, unknown> | null,
): Drift[] {
  const base = { resource: planned.resource, id: planned.id, region: planned.region };
  if (live === null) return [{ ...base, attribute: 'exists', planned: true, live: false }];
  const drifts: Drift[] = [];
  for (const [attribute, value] of Object.entries(planned.attributes)) {
    if (!(attribute in live)) continue;
    const now = live[attribute] ?? null;
    if ((value ?? null) !== now) drifts.push({ ...base, attribute, planned: value ?? null, live: now });
  }
  return drifts;
}
