// Export (core renders, the page downloads through a Blob URL) and Run (after a confirmation; a
// drifted plan needs an explicit "run anyway").
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import type { ExportFormat } from '../../../shared/plans/render/render-plan';
import { usePlansStore } from '../../stores/plans-store';
import { downloadText } from '../diagnostics/download';
import { formatsFor } from './plan-export-buttons';

export function PlanActions(props: { readonly kind: string }) {
  const exportAs = usePlansStore((s) => s.exportAs);
  const runPlan = usePlansStore((s) => s.runPlan);
  const drift = usePlansStore((s) => s.drift);
  const run = usePlansStore((s) => s.run);
  const [confirming, setConfirming] = useState(false);
  const [force, setForce] = useState(false);
  const drifted = drift.status === 'done' && drift.report.status === 'drift';
  const download = async (format: ExportFormat) => {
    const file = await exportAs(format);
    if (file) downloadText(file.fileName, file.mime, file.text);
  };
  return (
    <Container header={<Header variant="h2">Export and run</Header>}>
      <SpaceBetween size="m">
        <SpaceBetween size="xs" direction="horizontal">
          {formatsFor(props.kind).map((f) => (
            <Button key={f.format} onClick={() => void download(f.format)}>
              {f.label}
            </Button>
          ))}
        </SpaceBetween>
        <Button
          variant="primary"
          disabled={drift.status === 'checking'}
          onClick={() => {
            setForce(false);
            setConfirming(true);
          }}
        >
          {drifted ? 'Run despite drift…' : 'Run…'}
        </Button>
        {run ? (
          <Alert type="success">
            Started {run.migrationId ? `migration ${run.migrationId}, ` : ''}job(s){' '}
            {run.jobIds.join(', ') || '(applied at once)'}; follow it in the jobs panel.
          </Alert>
        ) : null}
      </SpaceBetween>
      <Modal
        visible={confirming}
        header="Run this plan?"
        onDismiss={() => setConfirming(false)}
        footer={
          <Box float="right">
            <SpaceBetween size="xs" direction="horizontal">
              <Button variant="link" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
              <Button
                variant="primary"
                disabled={drifted && !force}
                onClick={() => void runPlan(force).then(() => setConfirming(false))}
              >
                Run
              </Button>
            </SpaceBetween>
          </Box>
        }
      >
        <SpaceBetween size="s">
          <span>
            The plan runs through Envelope’s executors and journal, with the same checks as the wizard.
          </span>
          {drifted ? (
            <Checkbox checked={force} onChange={({ detail }) => setForce(detail.checked)}>
              The live state drifted from the plan; run anyway
            </Checkbox>
          ) : null}
        </SpaceBetween>
      </Modal>
    </Container>
  );
}
