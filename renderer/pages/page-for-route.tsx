import { useEffect } from 'react';
import type { RouteId } from '../routing/routes';
import { titleOf } from '../routing/routes';
import { AccountsPage } from './accounts-page';
import { CopyAmiPage } from './copy-ami-page';
import { DiagnosticsPage } from './diagnostics-page';
import { InventoryPage } from './inventory-page';
import { JobsPage } from './jobs-page';
import { MigratePage } from './migrate-page';
import { OverviewPage } from './overview-page';
import { PlansPage } from './plans-page';
import { S3ObjectsPage } from './s3-objects-page';

const pages: Record<RouteId, () => React.JSX.Element> = {
  overview: OverviewPage,
  inventory: InventoryPage,
  'copy-ami': CopyAmiPage,
  migrate: MigratePage,
  s3: S3ObjectsPage,
  diagnostics: DiagnosticsPage,
  plans: PlansPage,
  jobs: JobsPage,
  accounts: AccountsPage,
};

export function PageForRoute({ route }: { readonly route: RouteId }) {
  useEffect(() => {
    document.title = `${titleOf(route)} · Envelope`;
  }, [route]);
  const Page = pages[route];
  return <Page />;
}
