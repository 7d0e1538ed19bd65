// The Jobs table's columns (issue 20): Kind is left out by default so the rest fit a 1280 px
// window; the Preferences dialog brings it back, and the choice is kept for the next start.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobsPage } from '../../../renderer/pages/jobs-page';
import { useJobsStore } from '../../../renderer/stores/jobs-store';
import { useTablePreferencesStore } from '../../../renderer/stores/table-preferences-store';
import { fakeJob, installFakeApi, uninstallFakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';
import { stubMatchMedia } from '../stub-match-media';

const headers = () =>
  screen
    .getAllByRole('columnheader')
    .map((h) => h.textContent)
    .filter((t) => t);

describe('the Jobs table’s columns', () => {
  beforeEach(() => {
    resetStores();
    stubMatchMedia();
    installFakeApi();
    localStorage.clear();
    useTablePreferencesStore.setState({ tables: {} });
    useJobsStore.getState().replaceAll([fakeJob()]);
  });
  afterEach(uninstallFakeApi);

  it('leaves Kind out by default', () => {
    render(<JobsPage />);
    expect(headers()).toEqual(['Job', 'State', 'Progress', 'Started', 'Ended', 'Actions']);
  });

  it('shows Kind when chosen in Preferences, and keeps the choice', async () => {
    render(<JobsPage />);
    await userEvent.click(screen.getByRole('button', { name: 'Preferences' }));
    const dialog = screen.getByRole('dialog');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Kind' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Apply' }));
    expect(headers()).toContain('Kind');
    expect(localStorage.getItem('envelope-table-preferences')).toContain('"kind"');
  });
});
