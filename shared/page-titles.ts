// Each page's title, in one place: the side navigation and the page headers (renderer/routing),
// the application menu and the tray (electron/main) all read it.
import type { PageId } from './ipc/channels/app';

export const pageTitles: Readonly<Record<PageId, string>> = {
  overview: 'Overview',
  inventory: 'Inventory',
  'copy-ami': 'Copy AMI',
  migrate: 'Migrate',
  s3: 'S3 objects',
  diagnostics: 'Diagnostics',
  plans: 'Plans',
  jobs: 'Jobs',
  accounts: 'Accounts',
};
