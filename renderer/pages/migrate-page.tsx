// Migrate: the wizard, the migrations in the journal directory (unfinished ones resumable after a
// restart) and the live view of the one opened.
import { useEffect } from 'react';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { MigrationLive } from '../components/migration/migration-live';
import { MigrationStatusIndicator } from '../components/migration/migration-status-indicator';
import { MigrationWizard } from '../components/migration/migration-wizard';
import { useInventoryStore } from '../stores/inventory-store';
import { useMigrationStore } from '../stores/migration-store';

export function MigratePage() {
  const summaries = useMigrationStore((s) => s.summaries);
  const current = useMigrationStore((s) => (s.currentId ? s.journals[s.currentId] : undefined));
  const { list, open } = useMigrationStore.getState();
  useEffect(() => {
    void useInventoryStore.getState().open();
    void list();
  }, [list]);
  return (
    <ContentLayout header={<Header variant="h1">Migrate</Header>}>
      <SpaceBetween size="l">
        <MigrationWizard />
        <Table
          wrapLines
          header={<Header variant="h2">Migrations</Header>}
          items={[...summaries]}
          trackBy="id"
          empty="No migrations yet."
          columnDefinitions={[
            {
              id: 'id',
              header: 'Migration',
              cell: (m) => <Link onFollow={() => void open(m.id)}>{m.id}</Link>,
            },
            { id: 'status', header: 'Status', cell: (m) => <MigrationStatusIndicator status={m.status} /> },
            { id: 'key', header: 'Key', cell: (m) => m.keyLabel },
            { id: 'instances', header: 'Instances', cell: (m) => m.instanceIds.join(', ') },
          ]}
        />
        {current && <MigrationLive journal={current} />}
      </SpaceBetween>
    </ContentLayout>
  );
}
