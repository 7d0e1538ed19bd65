import { PagePlaceholder } from '../components/page-placeholder';

export function MigratePage() {
  return (
    <PagePlaceholder title="Migrate">
      A wizard that moves running instances from unencrypted to encrypted volumes with the least downtime,
      with a live timeline, resume and rollback.
    </PagePlaceholder>
  );
}
