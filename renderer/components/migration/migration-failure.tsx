// A failed or rolled-back migration said plainly: the error's code and message, what to do about
// its cause, and the next actions open (the buttons above carry them out), each with its CLI form.
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { MigrationJournal } from '../../../shared/domain/migration';
import { failureOf, nextActions } from '../../../shared/domain/migration-outcome';

export function MigrationFailure({ journal }: { readonly journal: MigrationJournal }) {
  const failure = failureOf(journal);
  if (!failure || journal.status === 'verified' || journal.status === 'cleaned-up') return null;
  const rolledBack = journal.status === 'rolled-back';
  const next = nextActions(journal);
  return (
    <Alert
      type={rolledBack ? 'warning' : 'error'}
      header={rolledBack ? 'The migration failed and was rolled back' : 'The migration failed'}
    >
      <SpaceBetween size="xs">
        <Box>
          <Box variant="code">{failure.code}</Box> {failure.message}
        </Box>
        {failure.hint && <Box>{failure.hint}</Box>}
        {next.length > 0 && (
          <Box>
            Next:
            <ul aria-label="Next actions">
              {next.map((a) => (
                <li key={a.verb}>
                  {a.text} <Box variant="code">{a.cli}</Box>
                </li>
              ))}
            </ul>
          </Box>
        )}
      </SpaceBetween>
    </Alert>
  );
}
