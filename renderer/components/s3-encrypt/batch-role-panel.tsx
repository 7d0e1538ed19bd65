// The role S3 Batch Operations assumes: whether the plan found it able to run the job, in words,
// and the trust and permissions policies it needs, each to copy into IAM.
import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { S3EncryptPlanView } from '../../../shared/domain/s3-encrypt';
import { batchRoleStatusLabels } from '../../../shared/labels/s3-encrypt';
import { ArnText } from '../arn-text';

type BatchRole = NonNullable<S3EncryptPlanView['batchRole']>;

const STATUS_TYPE: Record<BatchRole['status'], StatusIndicatorProps.Type> = {
  ok: 'success',
  missing: 'error',
  'lacks-permissions': 'error',
  unchecked: 'warning',
};

// Long JSON wraps inside its box rather than widening the page.
const pre = {
  margin: 0,
  padding: 8,
  fontSize: 12,
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-all',
  maxHeight: 240,
  overflowY: 'auto',
} as const;

function Policy({ label, json }: { readonly label: string; readonly json: string }) {
  return (
    <div>
      <SpaceBetween direction="horizontal" size="xs" alignItems="center">
        <Box variant="awsui-key-label">{label}</Box>
        <CopyToClipboard
          variant="icon"
          textToCopy={json}
          copyButtonAriaLabel={`Copy the ${label.toLowerCase()}`}
          copySuccessText={`${label} copied`}
          copyErrorText="Could not copy"
        />
      </SpaceBetween>
      <pre style={pre} aria-label={label} tabIndex={0}>
        {json}
      </pre>
    </div>
  );
}

export function BatchRolePanel({ role }: { readonly role: BatchRole }) {
  return (
    <SpaceBetween size="s">
      <Header variant="h3" description={role.arn ? <ArnText arn={role.arn} /> : 'No role given'}>
        Batch Operations role
      </Header>
      <StatusIndicator type={STATUS_TYPE[role.status]}>{batchRoleStatusLabels[role.status]}</StatusIndicator>
      <Box>{role.explanation}</Box>
      <ColumnLayout columns={2}>
        <Policy label="Trust policy" json={role.trustPolicy} />
        <Policy label="Permissions policy" json={role.permissionsPolicy} />
      </ColumnLayout>
    </SpaceBetween>
  );
}
