// Runs a sealed 'diagnostic-fix' plan: checks the seal, re-reads the state and refuses when it has
// drifted from the plan's facts (someone changed the key policy since the preview, say), applies
// the change, and returns the journal entry that holds the state before — the undo's input.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { formatTime } from '../../../../shared/format/time';
import { canonicalJson, hasValidSeal, type Plan } from '../../../../shared/plans/plan-document';
import { diagnosticFixSchema, type FixJournalEntry } from '../../../../shared/domain/diagnostics';
import { AppError } from '../../errors/app-error';
import { factOf } from './plan-fix';
import { readBefore, restore, writeFix, type Before, type FixClients } from './fix-state';

const planInputSchema = z.object({ fix: diagnosticFixSchema, newPolicy: z.string().optional() });

export async function applyFixPlan(
  plan: Plan,
  clients: FixClients,
  now = new Date(),
): Promise<FixJournalEntry> {
  if (plan.kind !== 'diagnostic-fix')
    throw new AppError('invalid-plan', `This plan is a ${plan.kind} plan, not a diagnostic fix.`);
  if (!(await hasValidSeal(plan)))
    throw new AppError(
      'plan-tampered',
      'The plan’s SHA-256 does not match its content.',
      'Preview the fix again.',
    );
  const parsed = planInputSchema.safeParse(plan.input);
  if (!parsed.success) throw new AppError('invalid-plan', 'The plan does not say which fix to apply.');
  const { fix, newPolicy } = parsed.data;
  const before = await readBefore(fix, clients);
  const recorded = plan.facts[0];
  const current = factOf(fix, before, recorded?.readAt ?? '');
  if (!recorded || canonicalJson(recorded.attributes) !== canonicalJson(current.attributes)) {
    throw new AppError(
      'plan-drift',
      `${current.id} has changed since the preview (${canonicalJson(recorded?.attributes ?? {})} then, ${canonicalJson(current.attributes)} now).`,
      'Preview the fix again to see the change against the current state.',
    );
  }
  await writeFix(fix, clients, newPolicy);
  return {
    id: `fixrun-${randomUUID()}`,
    planId: plan.id,
    planSha256: plan.sha256,
    title: plan.title,
    region: fix.region,
    fix,
    before: before as unknown as Record<string, unknown>,
    appliedAt: now.toISOString(),
  };
}

const beforeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('enable-ebs-default'), encryptionByDefault: z.boolean() }),
  z.object({ type: z.literal('set-ebs-default-key'), defaultKmsKeyId: z.string() }),
  z.object({ type: z.literal('add-key-policy-statements'), policy: z.string() }),
  z.object({
    type: z.literal('set-bucket-encryption'),
    encryption: z
      .object({
        algorithm: z.enum(['AES256', 'aws:kms', 'aws:kms:dsse']),
        kmsKeyId: z.string().optional(),
        bucketKey: z.boolean().optional(),
      })
      .nullable(),
  }),
]);

export async function undoFix(
  entry: FixJournalEntry,
  clients: FixClients,
  now = new Date(),
): Promise<FixJournalEntry> {
  if (entry.undoneAt)
    throw new AppError('already-undone', `“${entry.title}” was undone at ${formatTime(entry.undoneAt)}.`);
  const before = beforeSchema.parse(entry.before) as Before;
  await restore(entry.fix, before, clients);
  return { ...entry, undoneAt: now.toISOString() };
}
