// Says when what is shown comes from the saved inventory, and how old it is.
import Alert from '@cloudscape-design/components/alert';
import type { Inventory } from '../../../shared/domain/inventory';
import { formatTime } from '../../../shared/format/time';

export const ageText = (at: number, now = Date.now()): string => {
  const minutes = Math.max(0, Math.round((now - at) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 120) return `${minutes} min ago`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h ago`;
  return `${Math.round(minutes / 1440)} days ago`;
};

export function OfflineAlert({ inventory }: { readonly inventory: Inventory }) {
  const cached = inventory.regions.filter((r) => r.source === 'cache');
  if (cached.length === 0) return null;
  const reason = cached[0]?.offline?.message ?? 'AWS could not be reached.';
  return (
    <Alert type="warning" header={`Offline: showing the saved inventory. ${reason}`}>
      {cached
        .map((r) => `${r.region}: scanned ${ageText(r.scannedAt)} (${formatTime(r.scannedAt)})`)
        .join(' · ')}
    </Alert>
  );
}
