// The plan document: what Envelope will do, written down before it does it, so it can be reviewed,
// exported, shared offline, imported and checked for drift. Every wizard's review step produces
// one; the executors run from one. It holds facts and steps, never a secret.
import { z } from 'zod';
import { preflightSchema } from '../domain/preflight';
import { canonicalJson } from './canonical-json';
import { planSignatureSchema } from './signature';

// Kept here too: the seal's callers import it with the plan.
export { canonicalJson } from './canonical-json';

export const PLAN_SCHEMA_ID = 'envelope.plan/v1';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

// A fact the plan relied on, as read from AWS (or the cached inventory) at readAt.
export const planFactSchema = z.object({
  resource: z.enum(['instance', 'volume', 'snapshot', 'image', 'key', 'bucket', 'account-setting']),
  id: z.string(),
  region: z.string(),
  attributes: z.record(z.string(), scalar), // e.g. { encrypted: false, sizeGiB: 64, state: 'running', kmsKeyArn: null }
  readAt: z.string(), // ISO 8601
});
export type PlanFact = z.infer<typeof planFactSchema>;

export const planStepSchema = z.object({
  id: z.string(),
  title: z.string(),
  // The AWS API the step calls, as service:Action (e.g. ec2:CreateSnapshot), or envelope:wait/verify.
  action: z.string(),
  region: z.string(),
  params: z.record(z.string(), z.unknown()),
  dependsOn: z.array(z.string()),
  phase: z.enum(['precheck', 'online', 'downtime', 'verify', 'cleanup']),
  estimatedSeconds: z.number().nonnegative(),
});
export type PlanStep = z.infer<typeof planStepSchema>;

export const planKindSchema = z.enum(['ami-copy', 'migration', 'diagnostic-fix', 's3-encrypt']);
export type PlanKind = z.infer<typeof planKindSchema>;

export const unsealedPlanSchema = z.object({
  schema: z.literal(PLAN_SCHEMA_ID),
  id: z.string(),
  kind: planKindSchema,
  title: z.string(),
  accountId: z.string().regex(/^\d{12}$/),
  regions: z.array(z.string()).min(1),
  createdAt: z.string(),
  createdBy: z.string(), // the caller's principal ARN; never a key or token
  source: z.enum(['live', 'cache']),
  facts: z.array(planFactSchema),
  steps: z.array(planStepSchema),
  rollback: z.array(planStepSchema),
  expectedDowntimeSeconds: z.number().nonnegative().optional(),
  estimatedSeconds: z.number().nonnegative(),
  warnings: z.array(z.string()),
  // The executor's input for this kind (AMI copy options, migration options, the fix to apply).
  input: z.record(z.string(), z.unknown()),
  // Each distinct mutating call sent once with DryRun before the run, and AWS's answer.
  preflight: preflightSchema.optional(),
});
export type UnsealedPlan = z.infer<typeof unsealedPlanSchema>;

// sha256 is the seal: integrity against accidental change, not authorship (anyone can recompute
// it). signature, added on export, says which installation exported the plan (see ./signature).
export const planSchema = unsealedPlanSchema.extend({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  signature: planSignatureSchema.optional(),
});
export type Plan = z.infer<typeof planSchema>;

async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sealPlan(plan: UnsealedPlan): Promise<Plan> {
  const body = unsealedPlanSchema.parse(plan);
  return { ...body, sha256: await sha256Hex(canonicalJson(body)) };
}

// True when the plan's hash matches its content (a changed byte in any field fails). The
// signature block is not part of the seal (it is made over the sealed plan).
export async function hasValidSeal(plan: Plan): Promise<boolean> {
  const { sha256, ...rest } = plan;
  const body: Record<string, unknown> = { ...rest };
  delete body.signature;
  return sha256 === (await sha256Hex(canonicalJson(body)));
}
