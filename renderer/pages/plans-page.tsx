import { PagePlaceholder } from '../components/page-placeholder';

export function PlansPage() {
  return (
    <PagePlaceholder title="Plans">
      Dry-run plans to export for review (JSON, HTML, Markdown, an AWS CLI script, an SSM runbook) and to
      import with a drift check before they run.
    </PagePlaceholder>
  );
}
