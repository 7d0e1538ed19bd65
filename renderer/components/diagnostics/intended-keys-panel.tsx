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
import { useUiStore } from '../../stores/ui-store';

// What a save stored, in words, for the confirmation (the user sees exactly what the checks use).
export function savedSummary(
  region: string,
  keys: { readonly ebsKey?: string; readonly s3Key?: string } | undefined,
  bucketPrefixes: readonly string[],
): string {
  const where = region === '*' ? 'every region without its own entry' : region;
  const named = [keys?.ebsKey && `EBS key ${keys.ebsKey}`, keys?.s3Key && `S3 key ${keys.s3Key}`].filter(
    Boolean,
  );
  const what = named.length ? `${named.join(' and ')} for ${where}` : `no intended key for ${where}`;
  return `${what}; bucket prefixes ${bucketPrefixes.join(', ')}.`;
}

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
  const notifySuccess = useUiStore((s) => s.notifySuccess);
  const [saving, setSaving] = useState(false);
  const invalid = keyError(ebsKey) ?? keyError(s3Key);
  const submit = async () => {
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
    const stored = bucketPrefixes.length ? bucketPrefixes : ['avi-se-'];
    setSaving(true);
    // A failure is notified by the store with what to do; a success is confirmed in the Flashbar
    // (the panel itself is rebuilt from the saved settings, so it could not keep a message).
    const ok = await save({ ...props.settings, intended, bucketPrefixes: stored });
    setSaving(false);
    if (ok)
      notifySuccess(
        'Intended keys saved',
        `Saved ${savedSummary(region, intended[region], stored)} Run the diagnostics again to compare the account against them.`,
      );
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
        <Button onClick={() => void submit()} disabled={invalid !== undefined} loading={saving}>
          Save intended keys
        </Button>
      </SpaceBetween>
    </Container>
  );
}
