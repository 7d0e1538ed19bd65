// Import the intended keys from an application's configuration: an Avi cloud configuration (JSON)
// or a Kublr cluster spec (YAML), pasted or read from a file.
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useState } from 'react';
import { useDiagnosticsStore } from '../../stores/diagnostics-store';

export function ConfigImport(props: { readonly region: string }) {
  const importConfig = useDiagnosticsStore((s) => s.importConfig);
  const lastImport = useDiagnosticsStore((s) => s.lastImport);
  const [text, setText] = useState('');
  const [region, setRegion] = useState(props.region);
  const readFile = (file: File | undefined) => {
    if (file) void file.text().then(setText);
  };
  return (
    <Container
      header={
        <Header variant="h2" description="Avi cloud configuration (JSON) or Kublr cluster spec (YAML).">
          Import an application configuration
        </Header>
      }
    >
      <SpaceBetween size="m">
        <FormField label="Configuration">
          <Textarea
            value={text}
            rows={8}
            onChange={({ detail }) => setText(detail.value)}
            ariaLabel="Configuration text"
            placeholder='{"aws_configuration": {"ebs_encryption": {"mode": "AWS_ENCRYPTION_MODE_SSE_KMS", "master_key": "arn:aws:kms:…"}}}'
          />
        </FormField>
        <FormField label="Or read a file">
          <input
            type="file"
            accept=".json,.yaml,.yml,.txt"
            aria-label="Configuration file"
            onChange={(e) => readFile(e.currentTarget.files?.[0])}
          />
        </FormField>
        <FormField label="For region" description="A region name, or * for every region.">
          <Input
            value={region}
            onChange={({ detail }) => setRegion(detail.value)}
            ariaLabel="Import region"
          />
        </FormField>
        <Button disabled={text.trim() === ''} onClick={() => void importConfig(text, region.trim())}>
          Import
        </Button>
        {lastImport ? (
          <Alert
            type="success"
            header={`Imported from ${lastImport.source === 'avi' ? 'an Avi cloud configuration' : 'a Kublr cluster spec'}`}
          >
            EBS key: {lastImport.ebsKey ?? 'none'} · S3 key: {lastImport.s3Key ?? 'none'}
            {lastImport.bucketPrefix ? ` · bucket prefix ${lastImport.bucketPrefix}` : ''}
            {lastImport.notes.map((n) => (
              <div key={n}>{n}</div>
            ))}
          </Alert>
        ) : null}
      </SpaceBetween>
    </Container>
  );
}
