// The wizard's Run carries out the plan on screen, never the form's current selection: core takes
// the sealed plan the person reviewed, checks its seal, makes the plan again from its input and
// refuses the run when the instances, the key or any step differ from what was reviewed.
import type { MigrationRequest, MigrationStrategy } from '../../../shared/domain/migration';
import { canonicalJson, hasValidSeal, planSchema, type Plan } from '../../../shared/plans/plan-document';
import { AppError } from '../errors/app-error';

const STRATEGIES: readonly MigrationStrategy[] = ['swap', 'rekey', 'replace'];

// The reviewed plan, checked: a migration plan with a valid seal, and the request it was made for.
export async function acceptReviewedPlan(value: unknown): Promise<{ plan: Plan; request: MigrationRequest }> {
  const parsed = planSchema.safeParse(value);
  if (!parsed.success || parsed.data.kind !== 'migration') {
    throw new AppError(
      'invalid-plan',
      'This is not a migration plan.',
      'Review the plan again, then run it.',
    );
  }
  const plan = parsed.data;
  if (!(await hasValidSeal(plan))) {
    throw new AppError(
      'plan-tampered',
      'The plan was changed after it was reviewed (its SHA-256 does not match).',
      'Review the plan again, then run it.',
    );
  }
  const { keyArn, strategy, instanceIds } = plan.input;
  const ids = Array.isArray(instanceIds) ? instanceIds.filter((i): i is string => typeof i === 'string') : [];
  if (typeof keyArn !== 'string' || !STRATEGIES.includes(strategy as MigrationStrategy) || ids.length === 0) {
    throw new AppError('invalid-plan', 'The migration plan does not say which instances and key to use.');
  }
  return { plan, request: { instanceIds: ids, kmsKeyRef: keyArn, strategy: strategy as MigrationStrategy } };
}

// What a run does: each step's call and parameters, and the facts they rest on (without the time
// they were read, which differs by design between the review and the run).
function substance(plan: Plan): string {
  return canonicalJson({
    accountId: plan.accountId,
    regions: plan.regions,
    input: plan.input,
    steps: plan.steps.map((s) => ({ id: s.id, action: s.action, region: s.region, params: s.params })),
    rollback: plan.rollback.map((s) => ({ id: s.id, action: s.action, region: s.region, params: s.params })),
    facts: plan.facts.map((f) => ({
      resource: f.resource,
      id: f.id,
      region: f.region,
      attributes: f.attributes,
    })),
  });
}

// Refuses when the plan made now is not the one reviewed (an instance changed state, a volume was
// added, the key alias now points elsewhere, …).
export function assertSamePlan(reviewed: Plan, now: Plan): void {
  if (substance(reviewed) === substance(now)) return;
  throw new AppError(
    'plan-changed',
    `The instances or the key changed since plan ${reviewed.sha256.slice(0, 12)} was reviewed, so it was not run.`,
    'Review the plan again, then run the new one.',
  );
}
