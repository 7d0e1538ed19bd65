// The preflight (issue N): before a plan runs, ask AWS with DryRun whether each call would be
// allowed, and write the answers into the plan. See README, "Preflight".
import { AppError } from '../errors/app-error';
import { deniedRows, describeRow, type Preflight } from '../../../shared/domain/preflight';
import { sealPlan, type Plan } from '../../../shared/plans/plan-document';
import { migrationProbes, type MigrationProbeInput } from './migration-probes';
import { checksOfSteps } from './plan-probes';
import type { PreflightContext } from './preflight-context';
import { runPreflight } from './run-preflight';

export type { PreflightContext, Probe } from './preflight-context';
export { runPreflight } from './run-preflight';

export async function migrationPreflight(
  ctx: PreflightContext,
  input: MigrationProbeInput,
): Promise<Preflight> {
  const probes = await migrationProbes(ctx.ec2(input.region), input);
  return runPreflight(ctx, {
    probes,
    simulate: [],
    rows: [],
    keys: [{ region: input.region, keyArn: input.keyArn }],
  });
}

// AMI copy and diagnostic-fix plans, from their steps.
export function planPreflight(ctx: PreflightContext, plan: Plan): Promise<Preflight> {
  return runPreflight(ctx, checksOfSteps(ctx, plan));
}

// The plan with its preflight, sealed again (the preflight is part of what was reviewed).
export async function withPreflight(plan: Plan, preflight: Preflight): Promise<Plan> {
  const { sha256: _old, ...body } = plan;
  void _old;
  return sealPlan({ ...body, preflight });
}

// Refuses to start while AWS would refuse a call, naming each.
export function assertPreflightPasses(preflight: Preflight): void {
  const denied = deniedRows(preflight);
  if (denied.length === 0) return;
  const calls = [...new Set(denied.map((r) => r.call))].join(', ');
  throw new AppError(
    'preflight-denied',
    `AWS would refuse ${calls}: ${denied.map(describeRow).join('; ')}.`,
    'Nothing was changed. Ask for the missing permission (see the preflight in --dry-run), then run again.',
  );
}
