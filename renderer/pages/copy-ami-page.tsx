import { PagePlaceholder } from '../components/page-placeholder';

export function CopyAmiPage() {
  return (
    <PagePlaceholder title="Copy AMI">
      A wizard that copies AMIs encrypted with a KMS key you choose, to one or more regions, with per-snapshot
      progress.
    </PagePlaceholder>
  );
}
