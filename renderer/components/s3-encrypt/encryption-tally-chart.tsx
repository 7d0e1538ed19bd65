// Objects by encryption as a bar chart: one bar per kind of encryption, each in its own colour and
// named in words (OBJECT_ENCRYPTION_LABELS), counts on an axis labelled in whole numbers only. Used
// before the plan, in the plan and in the report (encryption after the run).
import BarChart from '@cloudscape-design/components/bar-chart';
import Box from '@cloudscape-design/components/box';
import {
  OBJECT_ENCRYPTION_LABELS,
  type EncryptionTally,
  type ObjectEncryption,
} from '../../../shared/domain/s3-encrypt';
import { countTickLabel } from '../count-tick-label';
import { formatBytes, formatCount } from './amounts';

// Cloudscape's palette: green for done, red for none, the others apart from each other.
const COLOURS: Record<ObjectEncryption, string> = {
  'kms-target': '#037f0c',
  'kms-other': '#7d3ccf',
  'dsse-kms': '#0972d3',
  'sse-s3': '#e07700',
  'sse-c': '#5f6b7a',
  none: '#d91515',
};

export function EncryptionTallyChart(props: {
  readonly tallies: readonly EncryptionTally[];
  readonly ariaLabel: string;
}) {
  const shown = props.tallies.filter((t) => t.objects > 0);
  const labels = shown.map((t) => OBJECT_ENCRYPTION_LABELS[t.encryption]);
  return (
    <BarChart
      series={shown.map((t) => ({
        title: OBJECT_ENCRYPTION_LABELS[t.encryption],
        type: 'bar' as const,
        color: COLOURS[t.encryption],
        data: [{ x: OBJECT_ENCRYPTION_LABELS[t.encryption], y: t.objects }],
        valueFormatter: (objects: number) => `${formatCount(objects)} (${formatBytes(t.bytes)})`,
      }))}
      xDomain={labels}
      xScaleType="categorical"
      stackedBars
      horizontalBars
      yTickFormatter={countTickLabel}
      height={Math.max(120, shown.length * 40)}
      xTitle="Encryption"
      yTitle="Objects"
      ariaLabel={props.ariaLabel}
      empty={<Box textAlign="center">No objects here</Box>}
      hideFilter
    />
  );
}
