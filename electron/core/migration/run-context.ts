// What every step implementation gets: the AWS context, the journal of this migration, and the
// signal that ends the run (a cancel, or the reliability suite's simulated crash).
import type { JournalInstance, JournalVolume } from '../../../shared/domain/migration';
import type { Journal } from './journal';
import type { MigrationContext } from './migration-context';

export interface RunContext {
  readonly ctx: MigrationContext;
  readonly journal: Journal;
  readonly signal: AbortSignal;
}

export type StepImpl = (run: RunContext, instanceId: string) => Promise<void>;

export function volumesOf(run: RunContext, instanceId: string): JournalVolume[] {
  return run.journal.instance(instanceId).volumes;
}

export function setVolume(
  run: RunContext,
  instanceId: string,
  originalVolumeId: string,
  change: (volume: JournalVolume) => void,
): void {
  run.journal.updateInstance(instanceId, (i: JournalInstance) => {
    const volume = i.volumes.find((v) => v.originalVolumeId === originalVolumeId);
    if (volume) change(volume);
  });
}
