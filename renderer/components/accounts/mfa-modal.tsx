// Asks for an MFA code when core needs one (accounts:mfaRequired): fromIni is assuming a role
// whose profile has mfa_serial. The code goes to main once; the session it opens stays there.
import { useState } from 'react';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useAccountsStore } from '../../stores/accounts-store';

export function MfaModal() {
  const request = useAccountsStore((state) => state.mfaRequests[0]);
  const submitMfa = useAccountsStore((state) => state.submitMfa);
  const cancelMfa = useAccountsStore((state) => state.cancelMfa);
  const [code, setCode] = useState('');
  if (!request) return null;
  const valid = /^\d{6}$/.test(code);
  const submit = () => {
    if (!valid) return;
    setCode('');
    void submitMfa(request.requestId, code);
  };
  const cancel = () => {
    setCode('');
    void cancelMfa(request.requestId);
  };
  return (
    <Modal
      visible
      header="MFA code"
      onDismiss={cancel}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={cancel}>
              Cancel
            </Button>
            <Button variant="primary" disabled={!valid} onClick={submit}>
              Continue
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <FormField
          label={`Code from ${request.mfaSerial}`}
          description={`Profile ${request.profile} assumes a role that requires MFA.`}
          errorText={code !== '' && !valid ? 'Six digits.' : undefined}
        >
          <Input
            value={code}
            onChange={({ detail }) => setCode(detail.value.replace(/\s/g, ''))}
            inputMode="numeric"
            autoComplete={false}
            autoFocus
            ariaLabel="MFA code"
          />
        </FormField>
      </form>
    </Modal>
  );
}
