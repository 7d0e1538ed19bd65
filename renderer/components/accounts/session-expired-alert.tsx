// When the selected profile's IAM Identity Center session has expired, say which one and offer
// to log in again.
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import { useAccountsStore } from '../../stores/accounts-store';

export function SessionExpiredAlert() {
  const identity = useAccountsStore((state) => state.identity);
  const profiles = useAccountsStore((state) => state.profiles);
  const selection = useAccountsStore((state) => state.selection);
  const startSsoLogin = useAccountsStore((state) => state.startSsoLogin);
  if (identity.status !== 'error' || identity.error.code !== 'sso-login-required') return null;
  const profile =
    profiles.status === 'ready'
      ? profiles.value.profiles.find((p) => p.name === selection?.profile)
      : undefined;
  const session = profile?.ssoSession ?? profile?.ssoStartUrl;
  return (
    <Alert
      type="warning"
      header="IAM Identity Center login needed"
      action={session ? <Button onClick={() => void startSsoLogin(session)}>Log in again</Button> : undefined}
    >
      {identity.error.message}
    </Alert>
  );
}
