// The plan's preflight in a review: each call AWS was asked with DryRun (or, where it cannot be,
// the key-policy analysis or an IAM simulation, labelled), and its answer. A denial shows its
// reason, or the command that decodes AWS's encoded message.
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import {
  deniedRows,
  preflightSummary,
  type Preflight,
  type PreflightRow,
} from '../../../shared/domain/preflight';
import { formatTime } from '../../../shared/format/time';
import { BreakableText } from '../breakable-text';

const HOW: Record<PreflightRow['method'], string> = {
  'dry-run': 'DryRun',
  'key-policy-analysis': 'Key-policy analysis',
  simulation: 'IAM simulation',
};

function Result({ row }: { readonly row: PreflightRow }) {
  if (row.result === 'allowed') return <StatusIndicator type="success">Allowed</StatusIndicator>;
  if (row.result === 'denied') return <StatusIndicator type="error">Denied</StatusIndicator>;
  return <StatusIndicator type="warning">Could not check</StatusIndicator>;
}

export function PreflightTable({ preflight }: { readonly preflight: Preflight | undefined }) {
  if (!preflight) {
    return (
      <Alert type="info" header="No preflight">
        The calls of this plan were not asked of AWS with DryRun.
      </Alert>
    );
  }
  const denied = deniedRows(preflight);
  return (
    <>
      {denied.length > 0 && (
        <Alert type="error" header={`AWS would refuse ${denied.map((r) => r.call).join(', ')}`}>
          Run stays disabled until the permission is granted; nothing was changed.
        </Alert>
      )}
      <Table
        variant="embedded"
        ariaLabels={{ tableLabel: 'Preflight' }}
        header={
          <Header
            variant="h3"
            description={`Asked ${formatTime(preflight.checkedAt)} as ${preflight.checkedAs}: ${preflightSummary(preflight)}`}
          >
            Preflight
          </Header>
        }
        items={preflight.rows}
        trackBy={(r) => `${r.call} ${r.target}`}
        wrapLines
        columnDefinitions={[
          // Calls and targets break only after ':' and '/'; the result and the method keep room for
          // their words (px): a squeezed column breaks them mid-word (issue 20).
          { id: 'call', header: 'Call', cell: (r) => <BreakableText text={r.call} /> },
          { id: 'target', header: 'On', cell: (r) => <BreakableText text={r.target} /> },
          { id: 'result', header: 'Result', minWidth: 130, cell: (r) => <Result row={r} /> },
          { id: 'how', header: 'How', minWidth: 120, cell: (r) => HOW[r.method] },
          {
            id: 'why',
            header: 'Why',
            cell: (r) => (
              <>
                {r.reason}
                {r.note && <Box variant="small"> {r.note}</Box>}
                {r.decodeCommand && <Box variant="code">{r.decodeCommand}</Box>}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
