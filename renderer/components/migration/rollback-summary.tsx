// After a rollback: which volumes each instance has attached now (its originals, on the same
// devices), and how long the rollback kept it down. Read from the journal, which the rollback
// writes as it goes.
import Alert from '@cloudscape-design/components/alert';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { JournalInstance, MigrationJournal } from '../../../shared/domain/migration';
import { keyIdOf } from '../../../shared/kms/key-reference';

const seconds = (from: number, to: number) => `${Math.max(0, Math.round((to - from) / 1000))} s`;

export function rollbackDowntime(instance: JournalInstance): string {
  if (instance.rollbackStoppedAt !== undefined) {
    return instance.rollbackRunningAt !== undefined
      ? `The rollback stopped it for ${seconds(instance.rollbackStoppedAt, instance.rollbackRunningAt)}.`
      : 'The rollback stopped it; it is not running again yet.';
  }
  if (!instance.wasRunning) return 'No downtime: it was stopped before the migration and stays stopped.';
  if (instance.stoppedAt !== undefined && instance.runningAt !== undefined) {
    return `The rollback did not stop it again; it was down ${seconds(instance.stoppedAt, instance.runningAt)} in all (migration and rollback).`;
  }
  return 'No downtime: the rollback did not need to stop it.';
}

function attachedNow(instance: JournalInstance, strategy: MigrationJournal['strategy']): string {
  if (strategy === 'replace') {
    const replacement = instance.replace?.replacementInstanceId;
    return `The original ${instance.instanceId} runs on its own volumes${replacement ? `; the replacement ${replacement} was terminated` : ''}.`;
  }
  const volumes = instance.volumes.map(
    (v) =>
      `${v.device} ${v.originalVolumeId} (original, ${v.originalEncrypted ? `encrypted${v.originalKmsKeyArn ? ` with ${keyIdOf(v.originalKmsKeyArn)}` : ''}` : 'not encrypted'})`,
  );
  return `Attached now: ${volumes.join(', ')}.`;
}

export function RollbackSummary({ journal }: { readonly journal: MigrationJournal }) {
  if (journal.status !== 'rolled-back') return null;
  return (
    <Alert type="info" header="Rolled back">
      <SpaceBetween size="xxs">
        {journal.instances.map((i) => (
          <span key={i.instanceId}>
            {i.name ?? i.instanceId}: {attachedNow(i, journal.strategy)} {rollbackDowntime(i)}
          </span>
        ))}
        <span>The encrypted replacements and the snapshots are kept until you clean up.</span>
      </SpaceBetween>
    </Alert>
  );
}
