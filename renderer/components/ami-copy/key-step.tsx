// Wizard step 3: the destination region's keys and aliases (state, spec, manager) in a Select, or
// any reference typed by hand, validated as it is typed (shared/kms parsing) and then resolved and
// checked in core (enabled, symmetric, usable by you under its policy and grants). Blank = aws/ebs.
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect } from 'react';
import type { KeyRecord } from '../../../shared/domain/inventory';
import { keyLabel, parseKeyReference } from '../../../shared/kms/key-reference';
import { keyRegionOf, useAmiCopyStore } from '../../stores/ami-copy-store';
import { ErrorAlert } from '../error-alert';

const DEFAULT_OPTION: SelectProps.Option = {
  value: '',
  label: 'Default EBS key (aws/ebs)',
  description: 'AWS managed; only this account can use it, so the copy cannot be shared',
};

function optionOf(key: KeyRecord): SelectProps.Option {
  const usable = key.state === 'Enabled' && key.spec === 'SYMMETRIC_DEFAULT';
  return {
    value: key.aliases.find((a) => !a.startsWith('alias/aws/')) ?? key.arn,
    label: keyLabel(key),
    description: key.arn,
    tags: [key.state, key.spec, key.manager === 'AWS' ? 'AWS managed' : 'Customer managed'],
    disabled: !usable,
    ...(usable
      ? {}
      : {
          disabledReason: key.state !== 'Enabled' ? `The key is ${key.state}` : 'EBS needs a symmetric key',
        }),
  };
}

export function KeyStep() {
  const region = useAmiCopyStore(keyRegionOf);
  const keyRef = useAmiCopyStore((s) => s.keyRef);
  const keys = useAmiCopyStore((s) => s.keys);
  const keyCheck = useAmiCopyStore((s) => s.keyCheck);
  const setKeyRef = useAmiCopyStore((s) => s.setKeyRef);
  const loadKeys = useAmiCopyStore((s) => s.loadKeys);
  const checkKey = useAmiCopyStore((s) => s.checkKey);
  useEffect(() => {
    if (keys.status === 'idle') void loadKeys();
  }, [keys.status, loadKeys]);

  const options = [
    DEFAULT_OPTION,
    ...(keys.status === 'ready' ? keys.value.filter((k) => k.manager === 'CUSTOMER').map(optionOf) : []),
  ];
  const selected = options.find((o) => o.value === keyRef) ?? null;
  const parsed = keyRef.trim() === '' ? undefined : parseKeyReference(keyRef);
  return (
    <SpaceBetween size="l">
      <FormField
        label={`Key in ${region}`}
        description="Pick a key, or type a key id, key ARN, alias name or alias ARN below."
      >
        <Select
          selectedOption={selected}
          options={options}
          onChange={({ detail }) => setKeyRef(detail.selectedOption.value ?? '')}
          statusType={keys.status === 'loading' ? 'loading' : keys.status === 'error' ? 'error' : 'finished'}
          loadingText="Reading the region's keys"
          errorText={keys.status === 'error' ? keys.error.message : undefined}
          placeholder="Choose a key"
          filteringType="auto"
          ariaLabel="KMS key"
        />
      </FormField>
      <FormField
        label="Key reference"
        errorText={parsed && !parsed.ok ? parsed.error.message : undefined}
        constraintText={
          parsed && !parsed.ok
            ? parsed.error.hint
            : 'arn:aws:kms:REGION:ACCOUNT:key/ID, alias/NAME, or blank for aws/ebs'
        }
      >
        <SpaceBetween direction="horizontal" size="xs">
          <div style={{ minWidth: 520 }}>
            <Input
              value={keyRef}
              onChange={({ detail }) => setKeyRef(detail.value)}
              ariaLabel="Key reference"
              placeholder="alias/my-key"
            />
          </div>
          <Button
            onClick={() => void checkKey()}
            loading={keyCheck.status === 'loading'}
            disabled={parsed !== undefined && !parsed.ok}
          >
            Check key
          </Button>
        </SpaceBetween>
      </FormField>
      {keyRef.trim() === '' ? (
        <Alert type="info" header="No key chosen: AWS managed key aws/ebs">
          The copy will be encrypted with the AWS managed key aws/ebs of {region} (or the account’s default
          EBS key if it was changed). No other account can use aws/ebs, so the copy can never be shared.
        </Alert>
      ) : null}
      {keyCheck.status === 'ready' ? (
        <Alert type="success" header="The key can encrypt the copy">
          {keyCheck.value.summary}
        </Alert>
      ) : null}
      {keyCheck.status === 'error' ? <ErrorAlert error={keyCheck.error} /> : null}
    </SpaceBetween>
  );
}
