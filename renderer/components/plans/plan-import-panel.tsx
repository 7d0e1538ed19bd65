// Import a plan: paste it or read a file; the validation result (schema, seal and signature) shows
// at once, with who signed it and what the seal does and does not prove.
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useState } from 'react';
import { usePlansStore } from '../../stores/plans-store';
import { PlanSignerAlert } from './plan-signer-alert';

export function PlanImportPanel() {
  const importText = usePlansStore((s) => s.importText);
  const imported = usePlansStore((s) => s.imported);
  const [text, setText] = useState('');
  const readFile = (file: File | undefined) => {
    if (file)
      void file.text().then((t) => {
        setText(t);
        void importText(t);
      });
  };
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="A plan file (JSON) exported from Envelope, or `migrate --dry-run --json` output. Checked offline: schema, SHA-256 seal and signature."
        >
          Import a plan
        </Header>
      }
    >
      <SpaceBetween size="m">
        <FormField label="Plan file">
          <input
            type="file"
            accept=".json,application/json"
            aria-label="Plan file"
            onChange={(e) => readFile(e.currentTarget.files?.[0])}
          />
        </FormField>
        <FormField label="Or paste the plan">
          <Textarea
            value={text}
            rows={6}
            ariaLabel="Plan text"
            onChange={({ detail }) => setText(detail.value)}
          />
        </FormField>
        <Button
          disabled={text.trim() === '' || imported.status === 'checking'}
          onClick={() => void importText(text)}
        >
          Validate
        </Button>
        {imported.status === 'refused' ? (
          <Alert type="error" header="This plan is refused">
            {imported.problem}
          </Alert>
        ) : null}
        {imported.status === 'valid' ? (
          <Alert type="success" header="Valid plan">
            Schema and SHA-256 seal check out ({imported.summary.sha256.slice(0, 16)}…)
            {imported.summary.signer?.status === 'signed' ? ', and so does the signature' : ''}. The seal
            shows the plan was not changed by accident; it does not say who made it.
          </Alert>
        ) : null}
        {imported.status === 'valid' ? <PlanSignerAlert summary={imported.summary} /> : null}
      </SpaceBetween>
    </Container>
  );
}
