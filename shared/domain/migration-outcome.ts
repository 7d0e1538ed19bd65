// How a migration ended, said the same way by the CLI and the app: the failure (code, message,
// what to do about its cause) and the next actions open to the person, each with its CLI form.
import type { MigrationError, MigrationJournal } from './migration';

export type NextVerb = 'resume' | 'rollback' | 'cleanup' | 'confirm' | 'migrate-again';

export interface NextAction {
  readonly verb: NextVerb;
  // For a person: what the action does.
  readonly text: string;
  // The same action with the CLI (`envelope migrate …`).
  readonly cli: string;
}

// The failure the journal records: the migration's own, else the first instance's.
export function failureOf(journal: MigrationJournal): MigrationError | undefined {
  return journal.error ?? journal.instances.find((i) => i.error)?.error;
}

export function nextActions(journal: MigrationJournal): NextAction[] {
  const id = journal.id;
  const replace = journal.strategy === 'replace';
  const resume: NextAction = {
    verb: 'resume',
    text: 'Resume once the cause is fixed: the migration continues from its journal.',
    cli: `envelope migrate --resume ${id}`,
  };
  const rollback: NextAction = {
    verb: 'rollback',
    text: replace
      ? 'Roll back: the replacements are terminated and the originals keep (or get back) their power state.'
      : 'Roll back: the original volumes go back on their devices and the power state is restored.',
    cli: `envelope migrate --rollback ${id}`,
  };
  const cleanup: NextAction = {
    verb: 'cleanup',
    text:
      journal.status === 'verified'
        ? 'Clean up when you no longer need the originals (this deletes them).'
        : 'Clean up what the migration made (replacements, snapshots) when you no longer need it.',
    cli: `envelope migrate --cleanup ${id} --yes`,
  };
  switch (journal.status) {
    case 'failed':
      return [resume, rollback];
    case 'running':
    case 'interrupted':
      return [resume, rollback];
    case 'awaiting-confirmation':
      return [
        {
          verb: 'confirm',
          text: 'Move the workload to the waiting replacement, then confirm its swap.',
          cli: `envelope migrate --confirm ${id}`,
        },
        rollback,
      ];
    case 'rolled-back':
      return failureOf(journal)
        ? [
            {
              verb: 'migrate-again',
              text: 'Every instance is back on its originals: fix the cause, then migrate again.',
              cli: `envelope migrate ${journal.instances.map((i) => `--instance ${i.instanceId}`).join(' ')} --kms-key ${journal.keyLabel}${replace ? ' --strategy replace' : journal.strategy === 'rekey' ? ' --strategy rekey' : ''}`,
            },
            cleanup,
          ]
        : [cleanup];
    case 'verified':
      return [cleanup];
    case 'cleaned-up':
      return [];
  }
}
