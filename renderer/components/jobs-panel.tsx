// The jobs panel: AppLayout's split panel around the job list (a split panel renders only
// inside AppLayout, so the list is its own component).
import SplitPanel from '@cloudscape-design/components/split-panel';
import { JobList } from './job-list';

export function JobsPanel() {
  return (
    <SplitPanel
      header="Jobs"
      closeBehavior="hide"
      i18nStrings={{
        preferencesTitle: 'Jobs panel position',
        preferencesPositionLabel: 'Position',
        preferencesPositionDescription: 'Show the jobs panel below the page or beside it.',
        preferencesPositionSide: 'Beside',
        preferencesPositionBottom: 'Below',
        preferencesConfirm: 'Confirm',
        preferencesCancel: 'Cancel',
        closeButtonAriaLabel: 'Close the jobs panel',
        openButtonAriaLabel: 'Open the jobs panel',
        resizeHandleAriaLabel: 'Resize the jobs panel',
      }}
    >
      <JobList />
    </SplitPanel>
  );
}
