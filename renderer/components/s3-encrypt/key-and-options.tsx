// The key the objects go under (the bucket region's keys, or any reference typed) and how the run
// goes: older versions too or not, which engine, S3 Bucket Key, and the role S3 Batch Operations
// assumes. "Review plan" asks core for the sealed plan of exactly this form.
import Autosuggest, { type AutosuggestProps } from '@cloudscape-design/components/autosuggest';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { KeyRecord } from '../../../shared/domain/inventory';
import { S3_BATCH_THRESHOLD, s3EngineSchema, type S3Engine } from '../../../shared/domain/s3-encrypt';
import { keyLabel, parseKeyReference } from '../../../shared/kms/key-reference';
import { useS3EncryptStore, type BucketKeyChoice } from '../../stores/s3-encrypt-store';
import { formatBytes, formatCount } from './amounts';
import { bucketNameProblem } from './bucket-picker';

// SSE-KMS with the AWS managed key is asked for by its alias (the request needs a key).
const AWS_S3_KEY: AutosuggestProps.Option = {
  value: 'alias/aws/s3',
  label: 'alias/aws/s3',
  description: 'AWS managed key for S3; only this account can use it',
};

function optionOf(key: KeyRecord): AutosuggestProps.Option {
  const usable = key.state === 'Enabled' && key.spec === 'SYMMETRIC_DEFAULT';
  return {
    value: key.aliases.find((a) => !a.startsWith('alias/aws/')) ?? key.arn,
    label: keyLabel(key),
    description: usable ? key.arn : `${key.arn} (${key.state === 'Enabled' ? 'not symmetric' : key.state})`,
    disabled: !usable,
  };
}

const ENGINE_WORDS: Record<S3Engine, { label: string; description: string }> = {
  auto: {
    label: 'Automatic',
    description: `In the app up to ${formatCount(S3_BATCH_THRESHOLD.objects)} objects or ${formatBytes(S3_BATCH_THRESHOLD.bytes)}, S3 Batch Operations above`,
  },
  local: { label: 'In the app', description: 'Envelope copies each object itself' },
  batch: { label: 'S3 Batch Operations', description: 'S3 runs a job on a manifest of the objects' },
};

const BUCKET_KEY_OPTIONS: { value: BucketKeyChoice; label: string }[] = [
  { value: 'recommended', label: 'As the plan recommends' },
  { value: 'on', label: 'On' },
  { value: 'off', label: 'Off' },
];

export function KeyAndOptions() {
  // Every field of the form, but not the progress events, which would re-render it for nothing.
  const s = useS3EncryptStore(useShallow(({ progress: _progress, listing: _listing, ...form }) => form));
  const { keys, loadKeys, bucket } = s;
  const bucketOk = bucket.trim() !== '' && bucketNameProblem(bucket) === undefined;
  const tallyReady = s.tally.status === 'ready';
  useEffect(() => {
    if (tallyReady && keys.status === 'idle') void loadKeys();
  }, [tallyReady, keys.status, loadKeys]);
  const parsed = s.keyRef.trim() === '' ? undefined : parseKeyReference(s.keyRef.trim());
  const options = [
    ...(keys.status === 'ready' ? keys.value.keys.filter((k) => k.manager === 'CUSTOMER').map(optionOf) : []),
    AWS_S3_KEY,
  ];
  return (
    <Container header={<Header variant="h2">Key and options</Header>}>
      <SpaceBetween size="m">
        <FormField
          label={keys.status === 'ready' ? `KMS key in ${keys.value.region}` : 'KMS key'}
          description="Pick a key of the bucket's region, or type a key id, key ARN, alias or alias ARN."
          errorText={parsed && !parsed.ok ? parsed.error.message : undefined}
          constraintText={parsed && !parsed.ok ? parsed.error.hint : undefined}
        >
          <Autosuggest
            value={s.keyRef}
            options={options}
            onChange={({ detail }) => s.setKeyRef(detail.value)}
            onFocus={() => {
              if (bucketOk && keys.status === 'idle') void loadKeys();
            }}
            statusType={
              keys.status === 'loading' ? 'loading' : keys.status === 'error' ? 'error' : 'finished'
            }
            loadingText="Reading the region's keys"
            errorText={keys.status === 'error' ? keys.error.message : undefined}
            enteredTextLabel={(value) => `Use "${value}"`}
            placeholder="alias/my-key"
            ariaLabel="KMS key"
          />
        </FormField>
        <ColumnLayout columns={2}>
          <FormField label="Engine">
            <RadioGroup
              value={s.engine}
              onChange={({ detail }) => s.setOptions({ engine: s3EngineSchema.parse(detail.value) })}
              items={s3EngineSchema.options.map((value) => ({ value, ...ENGINE_WORDS[value] }))}
              ariaLabel="Engine"
            />
          </FormField>
          <SpaceBetween size="m">
            <Checkbox
              checked={s.includeVersions}
              onChange={({ detail }) => s.setOptions({ includeVersions: detail.checked })}
              description="Older versions are kept as they are unless included."
            >
              Include older versions
            </Checkbox>
            <FormField label="S3 Bucket Key" description="Fewer KMS calls, so less KMS cost.">
              <Select
                selectedOption={BUCKET_KEY_OPTIONS.find((o) => o.value === s.bucketKey) ?? null}
                options={BUCKET_KEY_OPTIONS}
                onChange={({ detail }) =>
                  s.setOptions({
                    bucketKey:
                      BUCKET_KEY_OPTIONS.find((o) => o.value === detail.selectedOption.value)?.value ??
                      'recommended',
                  })
                }
                ariaLabel="S3 Bucket Key"
              />
            </FormField>
          </SpaceBetween>
        </ColumnLayout>
        {s.engine === 'local' ? null : (
          <FormField
            label="Batch Operations role"
            description="The IAM role S3 assumes to run the job; the plan checks it and says what it lacks."
            constraintText="arn:aws:iam::ACCOUNT:role/NAME; blank to see the policies it needs"
          >
            <Input
              value={s.batchRoleArn}
              onChange={({ detail }) => s.setOptions({ batchRoleArn: detail.value })}
              ariaLabel="Batch Operations role"
              placeholder="arn:aws:iam::123456789012:role/envelope-batch"
            />
          </FormField>
        )}
        <Button
          variant="primary"
          onClick={() => void s.makePlan()}
          loading={s.plan.status === 'loading'}
          disabled={!bucketOk || parsed === undefined || !parsed.ok}
        >
          Review plan
        </Button>
      </SpaceBetween>
    </Container>
  );
}
