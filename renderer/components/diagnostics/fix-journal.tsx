// The fixes applied from this panel, newest first, each with Undo until undone.
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import type { FixJournalEntry } from '../../../shared/domain/diagnostics';
import { formatTime } from '../../../shared/format/time';
import { useDiagnosticsStore } from '../../stores/diagnostics-store';

export function FixJournal({ entries }: { readonly entries: readonly FixJournalEntry[] }) {
  const undo = useDiagnosticsStore((s) => s.undo);
  const undoing = useDiagnosticsStore((s) => s.undoing);
  return (
    <Table
      wrapLines
      variant="container"
      header={<Header counter={`(${entries.length})`}>Applied fixes</Header>}
      items={[...entries].reverse()}
      trackBy="id"
      empty="No fix applied yet."
      columnDefinitions={[
        { id: 'title', header: 'Fix', cell: (e) => e.title },
        { id: 'applied', header: 'Applied', cell: (e) => formatTime(e.appliedAt) },
        {
          id: 'state',
          header: 'State',
          cell: (e) => (e.undoneAt ? `Undone ${formatTime(e.undoneAt)}` : 'Applied'),
        },
        {
          id: 'undo',
          header: '',
          cell: (e) =>
            e.undoneAt ? null : (
              <Button
                variant="inline-link"
                loading={undoing.includes(e.id)}
                onClick={() => void undo(e.id)}
                ariaLabel={`Undo ${e.title}`}
              >
                Undo
              </Button>
            ),
        },
      ]}
    />
  );
}
