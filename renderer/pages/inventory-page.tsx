import { PagePlaceholder } from '../components/page-placeholder';

export function InventoryPage() {
  return (
    <PagePlaceholder title="Inventory">
      Instances, volumes, snapshots, AMIs, KMS keys and S3 buckets across regions, with their encryption state
      and the key each one uses, cached for offline planning.
    </PagePlaceholder>
  );
}
