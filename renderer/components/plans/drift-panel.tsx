// The drift check's result: what changed since the plan was made, or that the check could not run.
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { formatTime } from '../../../shared/format/time';
import { driftResourceLabel, factAttributeLabel, factValueWords } from '../../../shared/labels/plan-facts';
import { usePlansStore } from '../../stores/plans-store';

export const driftHeader = (count: number) =>
  `The live state differs from the plan in ${count} ${count === 1 ? 'place' : 'places'}`;

export function DriftPanel() {
  const drift = usePlansStore((s) => s.drift);
  const checkDrift = usePlansStore((s) => s.checkDrift);
  return (
    <Container
      header={
        <Header
          variant="h2"
          actions={
            <Button loading={drift.status === 'checking'} onClick={() => void checkDrift()}>
              Check again
            </Button>
          }
        >
          Drift
        </Header>
      }
    >
      {drift.status === 'done' ? (
        <SpaceBetween size="s">
          {drift.report.status === 'offline' ? <Alert type="info">{drift.report.reason}</Alert> : null}
          {drift.report.status === 'no-drift' ? (
            <Alert type="success">
              No drift: the live state matches the plan’s facts ({formatTime(drift.report.checkedAt)}).
            </Alert>
          ) : null}
          {drift.report.status === 'drift' ? (
            <Alert type="warning" header={driftHeader(drift.report.drifts.length)}>
              The plan was made for a state that has changed. Plan again from the live state, or run it anyway
              only after reading the differences below: Run asks you to confirm.
            </Alert>
          ) : null}
          {drift.report.status === 'drift' ? (
            <Table
              wrapLines
              variant="embedded"
              ariaLabels={{ tableLabel: 'Drift' }}
              items={drift.report.drifts.map((d) => ({ ...d, key: `${d.resource}/${d.id}/${d.attribute}` }))}
              trackBy="key"
              columnDefinitions={[
                { id: 'resource', header: 'Resource', cell: (d) => driftResourceLabel(d.resource) },
                { id: 'id', header: 'Id', cell: (d) => d.id },
                { id: 'attribute', header: 'Attribute', cell: (d) => factAttributeLabel(d.attribute) },
                { id: 'planned', header: 'Planned', cell: (d) => factValueWords(d.attribute, d.planned) },
                { id: 'live', header: 'Live', cell: (d) => factValueWords(d.attribute, d.live) },
              ]}
            />
          ) : null}
        </SpaceBetween>
      ) : (
        <span>{drift.status === 'checking' ? 'Checking…' : 'Not checked yet.'}</span>
      )}
    </Container>
  );
}
