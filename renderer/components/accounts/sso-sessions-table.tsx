// IAM Identity Center sessions: from [sso-session] sections, legacy profiles' start URLs and the
// sandbox's own; each with its login state and the actions Log in and Add a profile.
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import type { SsoSessionSummary } from '../../../shared/domain/accounts';
import { useAccountsStore } from '../../stores/accounts-store';
import { useCountdown } from './use-countdown';

const emptySessions: readonly SsoSessionSummary[] = [];

function LoginState({ session }: { readonly session: SsoSessionSummary }) {
  const remaining = useCountdown(session.expiresAt);
  if (remaining === undefined) return <StatusIndicator type="stopped">Not logged in</StatusIndicator>;
  if (remaining === 'expired') return <StatusIndicator type="warning">Expired</StatusIndicator>;
  return <StatusIndicator type="success">{`Logged in, ${remaining} left`}</StatusIndicator>;
}

export function SsoSessionsTable() {
  const profiles = useAccountsStore((state) => state.profiles);
  const startSsoLogin = useAccountsStore((state) => state.startSsoLogin);
  const loadSsoAccounts = useAccountsStore((state) => state.loadSsoAccounts);
  const sessions = profiles.status === 'ready' ? profiles.value.ssoSessions : emptySessions;
  return (
    <Table<SsoSessionSummary>
      wrapLines
      variant="container"
      header={
        <Header variant="h2" description="Logins are shared with the AWS CLI v2 (~/.aws/sso/cache).">
          IAM Identity Center sessions
        </Header>
      }
      trackBy="name"
      items={[...sessions]}
      empty={<Box color="text-body-secondary">No sso-session in ~/.aws/config.</Box>}
      columnDefinitions={[
        {
          id: 'name',
          header: 'Session',
          cell: (s) => (s.legacy ? `${s.name} (legacy)` : s.name),
          isRowHeader: true,
        },
        { id: 'startUrl', header: 'Start URL', cell: (s) => s.startUrl },
        { id: 'region', header: 'Region', cell: (s) => s.region },
        { id: 'state', header: 'Login', cell: (s) => <LoginState session={s} /> },
        {
          id: 'actions',
          header: 'Actions',
          cell: (s) => (
            <SpaceBetween direction="horizontal" size="xs">
              <Button
                variant="inline-link"
                ariaLabel={`Log in to ${s.name}`}
                onClick={() => void startSsoLogin(s.name)}
              >
                Log in
              </Button>
              {!s.legacy && (
                <Button
                  variant="inline-link"
                  ariaLabel={`Add a profile from ${s.name}`}
                  disabled={s.expiresAt === undefined}
                  onClick={() => void loadSsoAccounts(s.name)}
                >
                  Add a profile
                </Button>
              )}
            </SpaceBetween>
          ),
        },
      ]}
    />
  );
}
