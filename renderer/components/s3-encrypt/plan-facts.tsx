// The plan's facts as a person reads them: where and how many, under which key, what changes, the
// engine and why (with the threshold), S3 Bucket Key, and what the requests cost (an estimate).
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import type { S3EncryptPlanView } from '../../../shared/domain/s3-encrypt';
import { formatTime } from '../../../shared/format/time';
import { formatBytes, formatCount, objectsText } from './amounts';

const ENGINE_NAMES = { local: 'In the app', batch: 'S3 Batch Operations' } as const;

export function PlanSummary({ view }: { readonly view: S3EncryptPlanView }) {
  return (
    <KeyValuePairs
      columns={3}
      items={[
        { label: 'Objects', value: `s3://${view.bucket}/${view.prefix ?? ''} in ${view.region}` },
        { label: 'Versioning', value: view.versioning },
        { label: 'Key', value: view.key.summary },
        { label: 'To copy', value: `${objectsText(view.toCopy.objects)}, ${formatBytes(view.toCopy.bytes)}` },
        {
          label: 'Listed',
          value: `${formatTime(view.listedAt)}${view.tallyMethod === 'exact' ? ', every object read' : `, sampled${view.tallyNote ? `: ${view.tallyNote}` : ''}`}`,
        },
        {
          label: 'S3 Bucket Key',
          value: `${view.bucketKey.enabled ? 'On' : 'Off'} (${view.bucketKey.recommended ? 'recommended' : 'not recommended'}: ${view.bucketKey.reason})`,
        },
        { label: 'Engine', value: `${ENGINE_NAMES[view.engine]}: ${view.engineReason}` },
        {
          label: 'Threshold for S3 Batch Operations',
          value: `${objectsText(view.threshold.objects)} or ${formatBytes(view.threshold.bytes)}`,
        },
      ]}
    />
  );
}

export function PlanChanges({ changes }: { readonly changes: readonly string[] }) {
  return (
    <div>
      <Header variant="h3">What changes</Header>
      <ul>
        {changes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </div>
  );
}

// A few dozen requests cost a fraction of a cent: "less than US$0.01" rather than "US$0.00".
export const dollars = (usd: number): string =>
  usd > 0 && usd < 0.01 ? 'less than US$0.01' : `about US$${usd.toFixed(2)}`;

interface RequestRow {
  readonly operation: string;
  readonly count: number;
}

export function PlanCost({ cost }: { readonly cost: S3EncryptPlanView['cost'] }) {
  const rows: RequestRow[] = Object.entries(cost.requests).map(([operation, count]) => ({
    operation,
    count,
  }));
  return (
    <SpaceBetween size="s">
      <Header
        variant="h3"
        description="An estimate at published prices; AWS bills what the run actually asks."
      >
        Cost estimate
      </Header>
      <KeyValuePairs
        columns={3}
        items={[
          { label: 'Requests', value: formatCount(rows.reduce((n, r) => n + r.count, 0)) },
          { label: 'KMS calls', value: formatCount(cost.kmsCalls) },
          { label: 'Estimated cost', value: dollars(cost.costUsd) },
        ]}
      />
      <Table<RequestRow>
        variant="embedded"
        ariaLabels={{ tableLabel: 'Requests by operation' }}
        items={rows}
        trackBy="operation"
        columnDefinitions={[
          { id: 'operation', header: 'S3 request', cell: (r) => r.operation, isRowHeader: true },
          { id: 'count', header: 'How many', cell: (r) => formatCount(r.count) },
        ]}
      />
      <Box variant="small">{cost.costNote}</Box>
    </SpaceBetween>
  );
}
