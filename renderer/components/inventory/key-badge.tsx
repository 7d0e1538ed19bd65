// Wherever a key shows: its alias (else the short id), a state badge, the full ARN on hover and a
// copy button. Light enough for a table cell: one line of spans, and the copy button's popover
// mounts only when it is reached (copy-arn-button.tsx).
import Box from '@cloudscape-design/components/box';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { KeyRecord } from '../../../shared/domain/inventory';
import { findKey, keyLabel, shortKeyId } from '../../../shared/kms/key-reference';
import { keyStateWords } from '../../../shared/labels/inventory';
import { CopyArnButton } from './copy-arn-button';

export interface KeyBadgeProps {
  // A key ARN, key id or alias as the resource reports it.
  readonly keyRef: string | undefined;
  readonly keys: ReadonlyMap<string, KeyRecord>;
  // The resource's region: an alias name means the alias of that region.
  readonly region?: string;
}

const stateType = (state: string): StatusIndicatorProps.Type =>
  state === 'Enabled'
    ? 'success'
    : state === 'PendingDeletion'
      ? 'error'
      : state === 'Disabled'
        ? 'stopped'
        : 'warning';

// The label, state and button stay together on one line when the column has room and wrap as a
// whole (never cut) when it has not: a table never scrolls sideways for a key (issue 20).
const lineStyle = { display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 4 } as const;
// An alias or key id is never broken inside (e.g. at a hyphen).
const labelStyle = { whiteSpace: 'nowrap' } as const;

export function KeyBadge({ keyRef, keys, region }: KeyBadgeProps) {
  if (!keyRef) return <Box color="text-status-inactive">—</Box>;
  // By identity: an alias, alias ARN, key id or key ARN of one key finds that key.
  const key = findKey(keys, keyRef, region === undefined ? {} : { region });
  const label = key ? keyLabel(key) : shortKeyId(keyRef);
  const arn = key?.arn ?? keyRef;
  return (
    <span style={lineStyle}>
      <span title={arn} style={labelStyle}>
        {label}
      </span>
      {key ? <StatusIndicator type={stateType(key.state)}>{keyStateWords(key.state)}</StatusIndicator> : null}
      <CopyArnButton arn={arn} label={label} />
    </span>
  );
}
