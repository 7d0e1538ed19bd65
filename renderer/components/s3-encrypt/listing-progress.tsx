// How far the listing of a bucket has got, while the page waits for its tally or its plan. S3 lists
// a thousand keys a page (ListObjectsV2), so a large bucket takes a while; the total is known only
// when the service has a count to go by.
import ProgressBar from '@cloudscape-design/components/progress-bar';
import { useS3EncryptStore } from '../../stores/s3-encrypt-store';
import { formatBytes, objectsText } from './amounts';

export function ListingProgress({ label }: { readonly label: string }) {
  const listing = useS3EncryptStore((s) => s.listing);
  const done = listing?.objectsDone ?? 0;
  const total = listing?.objectsTotal ?? 0;
  return (
    <ProgressBar
      label={label}
      value={total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0}
      description={
        listing
          ? `${objectsText(done)} read${total > 0 ? ` of ${objectsText(total)}` : ''}, ${formatBytes(listing.bytesDone)}`
          : 'Asking S3 for the objects'
      }
    />
  );
}
