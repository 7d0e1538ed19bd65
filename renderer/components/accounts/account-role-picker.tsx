// After an IAM Identity Center login: pick an account and a role, name the profile, and confirm
// the section that will be appended to ~/.aws/config (nothing else in the file changes).
import { useState } from 'react';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { ErrorAlert } from '../error-alert';
import { KeepFocusInModal } from '../keep-focus-in-modal';
import { useAccountsStore } from '../../stores/accounts-store';
import { profilePreview } from './profile-preview';

const NAME = /^[A-Za-z0-9_.@+-]{1,64}$/;

export function AccountRolePicker() {
  const state = useAccountsStore((s) => s.ssoAccounts);
  const close = useAccountsStore((s) => s.closeSsoAccounts);
  const addProfile = useAccountsStore((s) => s.addProfile);
  const profiles = useAccountsStore((s) => s.profiles);
  const defaultRegion = useAccountsStore((s) => s.selection?.region ?? 'us-east-1');
  const [accountId, setAccountId] = useState<string>();
  const [roleName, setRoleName] = useState<string>();
  const [name, setName] = useState('');
  // The selected region until the user types another (the selection may arrive after mounting).
  const [regionInput, setRegion] = useState<string>();
  const region = regionInput ?? defaultRegion;
  const [confirming, setConfirming] = useState(false);
  if (state.status === 'idle') return null;

  const reset = () => {
    setAccountId(undefined);
    setRoleName(undefined);
    setName('');
    setRegion(undefined);
    setConfirming(false);
    close();
  };
  const accounts = state.status === 'ready' ? state.value.accounts : [];
  const ssoSession = state.status === 'ready' ? state.value.ssoSession : '';
  const account = accounts.find((a) => a.accountId === accountId);
  const taken = profiles.status === 'ready' && profiles.value.profiles.some((p) => p.name === name);
  const nameError =
    name === ''
      ? undefined
      : !NAME.test(name)
        ? 'Letters, digits and _ . @ + - only.'
        : taken
          ? 'A profile with this name exists.'
          : undefined;
  const complete =
    account !== undefined &&
    roleName !== undefined &&
    name !== '' &&
    nameError === undefined &&
    /^[a-z]{2}(-[a-z]+)+-\d+$/.test(region);
  const profile = { name, ssoSession, accountId: accountId ?? '', roleName: roleName ?? '', region };

  const footer = confirming ? (
    <SpaceBetween direction="horizontal" size="xs">
      <Button variant="link" onClick={() => setConfirming(false)}>
        Back
      </Button>
      <Button variant="primary" onClick={() => void addProfile(profile).then((added) => added && reset())}>
        Add to ~/.aws/config
      </Button>
    </SpaceBetween>
  ) : (
    <SpaceBetween direction="horizontal" size="xs">
      <Button variant="link" onClick={reset}>
        Cancel
      </Button>
      <Button variant="primary" disabled={!complete} onClick={() => setConfirming(true)}>
        Review
      </Button>
    </SpaceBetween>
  );

  return (
    <Modal
      visible
      header={`Add a profile from ${ssoSession || 'IAM Identity Center'}`}
      onDismiss={reset}
      footer={<Box float="right">{footer}</Box>}
    >
      {state.status === 'loading' && <Spinner size="large" />}
      {/* Review and Back replace the footer's buttons; Escape keeps working. */}
      <KeepFocusInModal visible />
      {state.status === 'error' && <ErrorAlert error={state.error} />}
      {state.status === 'ready' && confirming && (
        <SpaceBetween size="s">
          <Box variant="p">
            Envelope will append this section to ~/.aws/config. Everything already in the file stays as it is.
          </Box>
          <Box variant="code">
            <pre data-testid="profile-preview">{profilePreview(profile)}</pre>
          </Box>
        </SpaceBetween>
      )}
      {state.status === 'ready' && !confirming && (
        <SpaceBetween size="m">
          {accounts.length === 0 && <Alert type="info">This login gives access to no account.</Alert>}
          <FormField label="Account">
            <Select
              selectedOption={
                account
                  ? { value: account.accountId, label: account.accountName, description: account.accountId }
                  : null
              }
              onChange={({ detail }) => {
                setAccountId(detail.selectedOption.value);
                setRoleName(undefined);
              }}
              options={accounts.map((a) => ({
                value: a.accountId,
                label: a.accountName,
                description: `${a.accountId}${a.emailAddress ? ` · ${a.emailAddress}` : ''}`,
              }))}
              placeholder="Choose an account"
              ariaLabel="Account"
            />
          </FormField>
          <FormField label="Role">
            <Select
              selectedOption={roleName ? { value: roleName, label: roleName } : null}
              onChange={({ detail }) => setRoleName(detail.selectedOption.value)}
              options={(account?.roles ?? []).map((r) => ({ value: r, label: r }))}
              disabled={!account}
              placeholder="Choose a role"
              ariaLabel="Role"
            />
          </FormField>
          <FormField label="Profile name" errorText={nameError}>
            <Input
              value={name}
              onChange={({ detail }) => setName(detail.value)}
              ariaLabel="Profile name"
              placeholder="dev-readonly"
            />
          </FormField>
          <FormField label="Default region">
            <Input
              value={region}
              onChange={({ detail }) => setRegion(detail.value)}
              ariaLabel="Default region"
            />
          </FormField>
        </SpaceBetween>
      )}
    </Modal>
  );
}
