// The profiles Envelope found (the sandbox always first) with their kind, region and endpoint,
// the IAM Identity Center sessions with login and the account and role picker, and the regions
// to scan. Credentials never reach the page: only what ProfileSummary names.
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import type { ProfileSummary } from '../../shared/domain/accounts';
import { profileKindLabels } from '../../shared/labels/accounts';
import { ErrorAlert } from '../components/error-alert';
import { ArnText } from '../components/arn-text';
import { IdentitySummary } from '../components/identity-summary';
import { useAccountsStore } from '../stores/accounts-store';
import { AccountRolePicker } from '../components/accounts/account-role-picker';
import { ScanRegionsField } from '../components/accounts/scan-regions-field';
import { SessionExpiredAlert } from '../components/accounts/session-expired-alert';
import { SsoLoginModal } from '../components/accounts/sso-login-modal';
import { SsoSessionsTable } from '../components/accounts/sso-sessions-table';
import Container from '@cloudscape-design/components/container';

const emptyProfiles: readonly ProfileSummary[] = [];

export function AccountsPage() {
  const profiles = useAccountsStore((state) => state.profiles);
  const selection = useAccountsStore((state) => state.selection);
  const select = useAccountsStore((state) => state.select);
  const load = useAccountsStore((state) => state.load);
  const list = profiles.status === 'ready' ? profiles.value.profiles : emptyProfiles;
  const fileErrors = profiles.status === 'ready' ? profiles.value.fileErrors : [];

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          counter={`(${list.length})`}
          description="Profiles from your AWS config and credentials files, and the built-in sandbox account."
          actions={<Button onClick={() => void load()}>Refresh</Button>}
        >
          Accounts
        </Header>
      }
    >
      <SpaceBetween size="l">
        {profiles.status === 'error' && <ErrorAlert error={profiles.error} />}
        {fileErrors.map((fileError) => (
          <Alert
            key={`${fileError.file}:${fileError.line ?? ''}`}
            type="warning"
            header={`Could not read all of ${fileError.file}`}
          >
            {fileError.line !== undefined ? `Line ${fileError.line}: ` : ''}
            {fileError.message}
          </Alert>
        ))}
        <SessionExpiredAlert />
        <IdentitySummary />
        <Table<ProfileSummary>
          wrapLines
          variant="container"
          header={<Header variant="h2">Profiles</Header>}
          trackBy="name"
          items={[...list]}
          loading={profiles.status === 'loading'}
          loadingText="Reading profiles"
          empty={<Box color="text-body-secondary">No profiles.</Box>}
          columnDefinitions={[
            { id: 'name', header: 'Profile', cell: (p) => p.name, isRowHeader: true },
            { id: 'kind', header: 'Kind', cell: (p) => profileKindLabels[p.kind] },
            { id: 'region', header: 'Region', cell: (p) => p.region ?? '-' },
            { id: 'endpoint', header: 'Endpoint', cell: (p) => p.endpointUrl ?? 'AWS' },
            {
              id: 'detail',
              header: 'Uses',
              cell: (p) => {
                const uses = p.roleArn ?? p.ssoSession ?? p.ssoStartUrl ?? p.credentialSource ?? p.mfaSerial;
                // A role or MFA device ARN wraps between its parts, never inside a name.
                return uses?.startsWith('arn:') ? <ArnText arn={uses} /> : (uses ?? '-');
              },
            },
            {
              id: 'use',
              header: 'In use',
              cell: (p) =>
                p.name === selection?.profile ? (
                  <StatusIndicator type="success">In use</StatusIndicator>
                ) : (
                  <Button
                    variant="inline-link"
                    ariaLabel={`Use profile ${p.name}`}
                    onClick={() => void select(p.name)}
                  >
                    Use
                  </Button>
                ),
            },
          ]}
        />
        <SsoSessionsTable />
        <Container header={<Header variant="h2">Scanning</Header>}>
          <ScanRegionsField />
        </Container>
      </SpaceBetween>
      <SsoLoginModal />
      <AccountRolePicker />
    </ContentLayout>
  );
}
