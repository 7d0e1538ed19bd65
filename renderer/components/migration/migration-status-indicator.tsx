// A migration's or an instance's state as Cloudscape draws states: an icon and words
// (shared/labels/jobs.ts), never the journal's code ("rolled-back").
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { InstanceStatus } from '../../../shared/domain/migration';
import { instanceStatusWords, migrationStatusOf } from '../../../shared/labels/jobs';

export function MigrationStatusIndicator({ status }: { readonly status: string }) {
  const { type, text } = migrationStatusOf(status);
  return <StatusIndicator type={type}>{text}</StatusIndicator>;
}

export function InstanceStatusIndicator({ status }: { readonly status: InstanceStatus }) {
  const { type, text } = instanceStatusWords[status];
  return <StatusIndicator type={type}>{text}</StatusIndicator>;
}
