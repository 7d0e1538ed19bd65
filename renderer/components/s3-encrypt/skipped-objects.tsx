// Objects the run leaves as they are, and why, in words: counts by reason, then the plan's samples.
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import {
  skipReasonSchema,
  type S3EncryptPlanView,
  type SkippedObject,
  type SkipReason,
} from '../../../shared/domain/s3-encrypt';
import { objectsText } from './amounts';

export const SKIP_REASON_LABELS: Record<SkipReason, string> = {
  'sse-c': 'Encrypted with a customer-provided key (SSE-C)',
  'object-lock': 'Under Object Lock retention or legal hold',
  archived: 'In an archive storage class: restore it first',
  'other-owner': 'Owned by another account',
  'already-target': 'Already under the chosen key',
};

const reasonWords = (reason: string): string => {
  const known = skipReasonSchema.safeParse(reason);
  return known.success ? SKIP_REASON_LABELS[known.data] : reason;
};

export function SkippedObjects({ skipped }: { readonly skipped: S3EncryptPlanView['skipped'] }) {
  const reasons = Object.entries(skipped.byReason).filter(([, n]) => n > 0);
  return (
    <Table<SkippedObject>
      variant="embedded"
      ariaLabels={{ tableLabel: 'Skipped objects' }}
      header={
        <Header
          variant="h3"
          counter={`(${skipped.count})`}
          description={
            reasons.length === 0
              ? 'Every object listed can be copied.'
              : reasons.map(([reason, n]) => `${reasonWords(reason)}: ${objectsText(n)}`).join('; ')
          }
        >
          Skipped objects
        </Header>
      }
      items={skipped.samples}
      trackBy={(o) => `${o.key} ${o.versionId ?? ''}`}
      wrapLines
      empty={<Box color="text-body-secondary">Nothing is skipped.</Box>}
      footer={
        skipped.samples.length < skipped.count ? (
          <Box variant="small">
            The first {skipped.samples.length} of {skipped.count}; the exported plan lists them.
          </Box>
        ) : undefined
      }
      columnDefinitions={[
        { id: 'key', header: 'Key', cell: (o) => o.key, isRowHeader: true },
        { id: 'version', header: 'Version', cell: (o) => o.versionId ?? '—' },
        { id: 'reason', header: 'Why it is left', cell: (o) => reasonWords(o.reason) },
        { id: 'detail', header: 'Detail', cell: (o) => o.detail },
      ]}
    />
  );
}
