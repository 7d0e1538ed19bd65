// A finished job says "Done" once, in the jobs panel and on the Jobs page, and the Jobs page keeps
// its progress bar wide enough to read (issue L item 15).
import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobList } from '../../../renderer/components/job-list';
import { JOB_PROGRESS_MIN_WIDTH } from '../../../renderer/components/jobs/job-progress-cell';
import { JobsPage } from '../../../renderer/pages/jobs-page';
import { useJobsStore } from '../../../renderer/stores/jobs-store';
import { fakeJob, installFakeApi, uninstallFakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';
import { stubMatchMedia } from '../stub-match-media';

// Core's last progress event of a finished scan is titled "Done".
const finished = fakeJob({
  id: 'job-2',
  kind: 'inventory-scan',
  title: 'Scan eu-west-1',
  state: 'done',
  progress: { value: 1, title: 'Done' },
  endedAt: Date.UTC(2025, 0, 1, 12, 5, 0),
});
const running = fakeJob();

// Visible elements whose own text is "Done" (a status indicator, a result text, a description);
// Cloudscape's screen-reader announcer (aria-live, not shown) is not counted.
const countDone = (element: HTMLElement) =>
  within(element).queryAllByText(/^\s*Done\s*$/, { ignore: 'script, style, [aria-live]' }).length;

describe('a finished job says "Done" once', () => {
  beforeEach(() => {
    resetStores();
    stubMatchMedia();
    installFakeApi();
    useJobsStore.getState().replaceAll([running, finished]);
  });
  afterEach(uninstallFakeApi);

  it('in the jobs panel', () => {
    render(<JobList />);
    // A finished bar shows its label and how it ended (its result text), and nothing else in the
    // panel says it again.
    expect(screen.getByText('Scan eu-west-1')).toBeTruthy();
    expect(countDone(document.body)).toBe(1);
    // A running job keeps its step and detail under the bar.
    expect(screen.getByText(/Copying snapshots · snap-1 at 42%/)).toBeTruthy();
  });

  it('on the Jobs page, with a bar as wide as a bar', () => {
    render(<JobsPage />);
    const row = screen.getByRole('link', { name: 'Open the result of Scan eu-west-1' }).closest('tr')!;
    expect(countDone(row)).toBe(1);
    expect(within(row).getByRole('progressbar', { name: 'Progress of Scan eu-west-1' })).toBeTruthy();
    const header = screen.getByRole('columnheader', { name: /Progress/ });
    expect(header.style.minWidth).toBe(`${JOB_PROGRESS_MIN_WIDTH}px`);
    // The running job's row keeps the step's title under its bar.
    const runningRow = screen
      .getByRole('link', { name: `Open the result of ${running.title}` })
      .closest('tr')!;
    expect(within(runningRow).getByText('Copying snapshots')).toBeTruthy();
  });
});
