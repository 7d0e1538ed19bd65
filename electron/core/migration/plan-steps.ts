// The pieces every strategy's plan is built from: the time model behind the estimates and the
// step maker that names steps per instance. Apart from plan.ts so the replace strategy's plan can
// use them without an import cycle.
import type { JournalInstance } from '../../../shared/domain/migration';
import { STEP_TITLES } from '../../../shared/domain/migration';
import type { PlanStep } from '../../../shared/plans/plan-document';

// Time model for estimates (AWS publishes none): a snapshot moves ~0.1 GiB/s of changed blocks; a
// running instance changes ~2% of its blocks during the first snapshot; EC2 state changes take
// about as long as operators report (stop 60 s, start 30 s, create 5 s, detach 5 s, attach 3 s).
export const ESTIMATE = {
  snapshotGiBPerSecond: 0.1,
  changedFraction: 0.02,
  minSnapshotSeconds: 5,
  stopSeconds: 60,
  startSeconds: 30,
  createSeconds: 5,
  detachSeconds: 5,
  attachSeconds: 3,
} as const;

export const snapshotSeconds = (gib: number) =>
  Math.max(ESTIMATE.minSnapshotSeconds, gib / ESTIMATE.snapshotGiBPerSecond);

export function expectedDowntimeSeconds(instance: JournalInstance): number {
  if (!instance.wasRunning) return 0;
  const largest = Math.max(...instance.volumes.map((v) => v.sizeGiB));
  return Math.round(
    ESTIMATE.stopSeconds +
      snapshotSeconds(largest * ESTIMATE.changedFraction) +
      ESTIMATE.createSeconds +
      ESTIMATE.detachSeconds +
      ESTIMATE.attachSeconds +
      ESTIMATE.startSeconds,
  );
}

// Plan steps of one instance: ids `<instance>:<step>`, titles with the instance's name.
export function stepMaker(region: string, instance: JournalInstance) {
  const id = instance.instanceId;
  return (
    name: keyof typeof STEP_TITLES,
    action: string,
    phase: PlanStep['phase'],
    seconds: number,
    params: Record<string, unknown>,
    dependsOn: string[],
  ): PlanStep => ({
    id: `${id}:${name}`,
    title: `${STEP_TITLES[name]} (${instance.name ?? id})`,
    action,
    region,
    params: { instanceId: id, ...params },
    dependsOn: dependsOn.map((d) => `${id}:${d}`),
    phase,
    estimatedSeconds: Math.round(seconds),
  });
}
