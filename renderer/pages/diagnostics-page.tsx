import { PagePlaceholder } from '../components/page-placeholder';

export function DiagnosticsPage() {
  return (
    <PagePlaceholder title="Diagnostics">
      Findings about EBS default keys, key health and key policies, S3 bucket encryption and repeated AMIs,
      each with its evidence and a fix you can preview.
    </PagePlaceholder>
  );
}
