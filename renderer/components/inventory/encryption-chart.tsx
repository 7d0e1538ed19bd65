// Encrypted versus unencrypted per region and kind, as a stacked bar chart: one bar per
// "region · kind", stacked encrypted / partial / unencrypted.
import BarChart from '@cloudscape-design/components/bar-chart';
import Box from '@cloudscape-design/components/box';
import type { Inventory } from '../../../shared/domain/inventory';
import { encryptionCounts } from '../../../shared/inventory/encryption-counts';
import { countTickLabel } from '../count-tick-label';

export function EncryptionChart({ inventory }: { readonly inventory: Inventory }) {
  const counts = inventory.regions.flatMap(encryptionCounts);
  const label = (c: (typeof counts)[number]) => `${c.region} · ${c.kind}`;
  const series = (title: string, color: string, pick: (c: (typeof counts)[number]) => number) => ({
    title,
    type: 'bar' as const,
    color,
    data: counts.map((c) => ({ x: label(c), y: pick(c) })),
  });
  return (
    <BarChart
      series={[
        series('Encrypted', '#037f0c', (c) => c.encrypted),
        series('Partly encrypted', '#0972d3', (c) => c.partial),
        series('Unencrypted', '#d91515', (c) => c.unencrypted),
      ]}
      xDomain={counts.map(label)}
      stackedBars
      horizontalBars
      height={Math.max(200, counts.length * 28)}
      xTitle="Region · kind"
      yTitle="Resources"
      yTickFormatter={countTickLabel}
      ariaLabel="Encrypted versus unencrypted resources per region and kind"
      empty={<Box textAlign="center">Nothing scanned yet</Box>}
      hideFilter
    />
  );
}
