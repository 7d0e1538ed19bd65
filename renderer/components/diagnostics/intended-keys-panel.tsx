// The intended keys per region (the key the application is configured with, for EBS and for S3)
// and the bucket prefixes to scan. '*' applies to every region without its own entry.
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import type { DiagnosticsSettings } from '../../../shared/domain/diagnostics';
import { parseKeyReference } from '../../../shared/kms/key-reference';
import { useDiagnosticsStore } from '../../stores/diagnostics-store';

const keyError = (value: string): string | undefined => {
  if (value.trim() === '') return undefined;
  const parsed = parseKeyReference(value);
  return parsed.ok ? undefined : parsed.error.message;
};

export function IntendedKeysPanel(props: {
  readonly settings: DiagnosticsSettings;
  readonly region: string;
}) {
  const save = useDiagnosticsStore((s) => s.saveSettings);
  const [region, setRegion] = useState(props.region);
  const current = props.settings.intended[region] ?? {};
  const [ebsKey, setEbsKey] = useState(current.ebsKey ?? '');
  const [s3Key, setS3Key] = useState(current.s3Key ?? '');
  const [prefixes, setPrefixes] = useState(props.settings.bucketPrefixes.join(', '));
  const invalid = keyError(ebsKey) ?? keyError(s3Key);
  const submit = () => {
    const intended = { ...props.settings.intended };
    if (ebsKey.trim() || s3Key.trim())
      intended[region] = {
        ...(ebsKey.trim() ? { ebsKey: ebsKey.trim() } : {}),
        ...(s3Key.trim() ? { s3Key: s3Key.trim() } : {}),
        source: 'user',
      };
    else delete intended[region];
    const bucketPrefixes = prefixes
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    void save({
      ...props.settings,
      intended,
      bucketPrefixes: bucketPrefixes.length ? bucketPrefixes : ['avi-se-'],
    });
  };
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="The keys the application is configured with; the checks compare the account against them."
        >
          Intended keys
        </Header>
      }
    >
      <SpaceBetween size="m">
        <ColumnLayout columns={3}>
          <FormField label="Region" description="A region name, or * for every region.">
            <Input
              value={region}
              onChange={({ detail }) => {
                setRegion(detail.value);
                const next = props.settings.intended[detail.value] ?? {};
                setEbsKey(next.ebsKey ?? '');
                setS3Key(next.s3Key ?? '');
              }}
              ariaLabel="Region"
            />
          </FormField>
          <FormField label="EBS key" errorText={keyError(ebsKey)}>
            <Input
              value={ebsKey}
              placeholder="alias/my-key or a key ARN"
              onChange={({ detail }) => setEbsKey(detail.value)}
              ariaLabel="Intended EBS key"
            />
          </FormField>
          <FormField label="S3 key" errorText={keyError(s3Key)}>
            <Input
              value={s3Key}
              placeholder="alias/my-key or a key ARN"
              onChange={({ detail }) => setS3Key(detail.value)}
              ariaLabel="Intended S3 key"
            />
          </FormField>
        </ColumnLayout>
        <FormField
          label="Bucket prefixes"
          description="Comma-separated; avi-se- by default, or a custom Avi prefix (lab means lab-se-)."
        >
          <Input
            value={prefixes}
            onChange={({ detail }) => setPrefixes(detail.value)}
            ariaLabel="Bucket prefixes"
          />
        </FormField>
        <Button onClick={submit} disabled={invalid !== undefined}>
          Save intended keys
        </Button>
      </SpaceBetween>
    </Container>
  );
}
