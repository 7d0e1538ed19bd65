// Who Envelope acts as: profile, region, account id and principal ARN from STS GetCallerIdentity.
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Spinner from '@cloudscape-design/components/spinner';
import { useAccountsStore } from '../stores/accounts-store';
import { ArnText } from './arn-text';
import { ErrorAlert } from './error-alert';

export function IdentitySummary() {
  const identity = useAccountsStore((state) => state.identity);
  const selection = useAccountsStore((state) => state.selection);
  let body;
  if (identity.status === 'error') body = <ErrorAlert error={identity.error} />;
  else if (identity.status !== 'ready') body = <Spinner size="normal" />;
  else
    body = (
      <KeyValuePairs
        columns={4}
        items={[
          { label: 'Profile', value: identity.value.profile },
          { label: 'Region', value: selection?.region ?? '-' },
          { label: 'Account ID', value: identity.value.accountId },
          { label: 'Principal ARN', value: <ArnText arn={identity.value.arn} /> },
        ]}
      />
    );
  return <Container header={<Header variant="h2">Caller identity</Header>}>{body}</Container>;
}
