// The drift check: each fact of the plan against a fresh read. No network (or no usable
// credentials) is not an error: the report says the check could not run, and review goes on.
import type { Plan } from '../../../shared/plans/plan-document';
import { compareFacts, type Drift, type DriftReport } from '../../../shared/plans/plan-summary';
import { toApiError } from '../errors/to-api-error';
import { isOfflineError } from '../inventory/offline';
import { readLive, type LiveClients } from './live-facts';

// AWS could not be reached: nothing was checked, and the report says so.
export function offlineReport(plan: Plan, checkedAt: string, error: unknown): DriftReport {
  return {
    status: 'offline',
    checkedAt,
    drifts: [],
    unchecked: plan.facts.map((f) => `${f.resource} ${f.id}`),
    reason: `The drift check could not run: AWS is not reachable (${toApiError(error).message}). The plan can still be reviewed.`,
  };
}

export async function checkDrift(plan: Plan, clients: LiveClients, now = new Date()): Promise<DriftReport> {
  const drifts: Drift[] = [];
  const unchecked: string[] = [];
  const checkedAt = now.toISOString();
  for (const fact of plan.facts) {
    let live;
    try {
      live = await readLive(clients, fact);
    } catch (error) {
      if (isOfflineError(error)) return offlineReport(plan, checkedAt, error);
      unchecked.push(`${fact.resource} ${fact.id}: ${toApiError(error).message}`);
      continue;
    }
    if (live === undefined) unchecked.push(`${fact.resource} ${fact.id}: no live reader for this kind`);
    else drifts.push(...compareFacts(fact, live));
  }
  return { status: drifts.length > 0 ? 'drift' : 'no-drift', checkedAt, drifts, unchecked };
}
