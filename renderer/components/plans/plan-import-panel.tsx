// Import a plan: paste it or read a file; the validation result (schema and seal) shows at once.
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useState } from 'react';
import { usePlansStore } from '../../stores/plans-store';

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
          description="A plan file (JSON) exported from Envelope, or `migrate --dry-run --json` output. Checked offline: schema and SHA-256 seal."
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
            Schema and SHA-256 seal check out ({imported.summary.sha256.slice(0, 16)}…).
          </Alert>
        ) : null}
      </SpaceBetween>
    </Container>
  );
}
