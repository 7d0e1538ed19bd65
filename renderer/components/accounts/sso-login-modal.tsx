// The IAM Identity Center device login: the user code large, the verification URL (opened in the
// system browser when it is an AWS page; the sandbox's loopback page is only shown), a spinner
// while the login waits for approval, and cancel.
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useAccountsStore } from '../../stores/accounts-store';
import { KeepFocusInModal } from '../keep-focus-in-modal';

export function SsoLoginModal() {
  const login = useAccountsStore((state) => state.ssoLogin);
  const cancel = useAccountsStore((state) => state.cancelSsoLogin);
  const close = useAccountsStore((state) => state.closeSsoLogin);
  const loadSsoAccounts = useAccountsStore((state) => state.loadSsoAccounts);
  if (login.status === 'idle') return null;
  const active = login.status === 'starting' || login.status === 'pending';
  const footer = active ? (
    <Button onClick={() => void cancel()}>Cancel login</Button>
  ) : (
    <SpaceBetween direction="horizontal" size="xs">
      <Button variant="link" onClick={close}>
        Close
      </Button>
      {login.status === 'succeeded' && (
        <Button
          variant="primary"
          onClick={() => {
            close();
            void loadSsoAccounts(login.ssoSession);
          }}
        >
          Add a profile…
        </Button>
      )}
    </SpaceBetween>
  );
  return (
    <Modal
      visible
      header={`Log in to ${login.ssoSession}`}
      onDismiss={() => void (active ? cancel() : close())}
      footer={<Box float="right">{footer}</Box>}
    >
      {login.status === 'starting' && <Spinner size="large" />}
      {login.status === 'pending' && (
        <SpaceBetween size="m">
          <Box variant="p">
            {login.opened
              ? 'Your browser opened the IAM Identity Center page:'
              : 'Open this page in a browser (Envelope opens only AWS pages itself):'}
          </Box>
          <CopyToClipboard
            variant="inline"
            textToCopy={login.verificationUriComplete}
            copyButtonAriaLabel="Copy the login URL"
            copySuccessText="URL copied"
            copyErrorText="The URL could not be copied"
          />
          <Box variant="p">Check that the page shows this code, then allow access:</Box>
          <Box fontSize="display-l" fontWeight="bold" textAlign="center" data-testid="sso-user-code">
            {login.userCode}
          </Box>
          <StatusIndicator type="loading">Waiting for approval in the browser…</StatusIndicator>
        </SpaceBetween>
      )}
      {login.status === 'succeeded' && (
        <StatusIndicator type="success">Logged in. The AWS CLI shares this login.</StatusIndicator>
      )}
      {login.status === 'cancelled' && <StatusIndicator type="stopped">Login cancelled.</StatusIndicator>}
      {login.status === 'failed' && (
        <Alert type="error" header="The login did not complete">
          {login.error}
        </Alert>
      )}
      {/* The footer's buttons change as the login ends; Escape keeps working. */}
      <KeepFocusInModal visible />
    </Modal>
  );
}
