// Wherever a key shows: its alias (else the short id), a state badge, the full ARN on hover and a
// copy button.
import Box from '@cloudscape-design/components/box';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { KeyRecord } from '../../../shared/domain/inventory';
import { keyLabel, shortKeyId } from '../../../shared/kms/key-reference';

export interface KeyBadgeProps {
  // A key ARN, key id or alias as the resource reports it.
  readonly keyRef: string | undefined;
  readonly keys: ReadonlyMap<string, KeyRecord>;
}

const stateType = (state: string): StatusIndicatorProps.Type =>
  state === 'Enabled'
    ? 'success'
    : state === 'PendingDeletion'
      ? 'error'
      : state === 'Disabled'
        ? 'stopped'
        : 'warning';

export function KeyBadge({ keyRef, keys }: KeyBadgeProps) {
  if (!keyRef) return <Box color="text-status-inactive">—</Box>;
  const key = keys.get(keyRef);
  const label = key ? keyLabel(key) : shortKeyId(keyRef);
  return (
    <SpaceBetween direction="horizontal" size="xxs" alignItems="center">
      <span title={key?.arn ?? keyRef}>{label}</span>
      {key ? <StatusIndicator type={stateType(key.state)}>{key.state}</StatusIndicator> : null}
      <CopyToClipboard
        variant="icon"
        textToCopy={key?.arn ?? keyRef}
        copyButtonAriaLabel={`Copy the ARN of ${label}`}
        copySuccessText="ARN copied"
        copyErrorText="Could not copy"
      />
    </SpaceBetween>
  );
}
