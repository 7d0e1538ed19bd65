import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppShell } from '../../../renderer/components/app-shell';
import { useAccountsStore } from '../../../renderer/stores/accounts-store';
import { useJobsStore } from '../../../renderer/stores/jobs-store';
import { fail, fakeJob, installFakeApi, SANDBOX_IDENTITY, uninstallFakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';
import { stubMatchMedia } from '../stub-match-media';

const pages = ['Overview', 'Inventory', 'Copy AMI', 'Migrate', 'Diagnostics', 'Plans', 'Jobs', 'Accounts'];

async function renderShell() {
  const view = render(<AppShell />);
  await act(async () => {
    await Promise.all([useAccountsStore.getState().load(), useJobsStore.getState().load()]);
  });
  return view;
}

describe('AppShell', () => {
  beforeEach(() => {
    resetStores();
    stubMatchMedia();
    window.history.replaceState(null, '', '#/overview');
  });
  afterEach(uninstallFakeApi);

  it('lists every page in the side navigation and opens a page by its link', async () => {
    installFakeApi();
    await renderShell();
    const nav = screen.getByRole('navigation', { name: 'Side navigation' });
    for (const page of pages) {
      const href = `#/${page.toLowerCase().replace(' ', '-')}`;
      expect(within(nav).getByRole('link', { name: page }).getAttribute('href')).toBe(href);
    }

    await userEvent.click(within(nav).getByRole('link', { name: 'Diagnostics' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Diagnostics' })).toBeTruthy();
    expect(window.location.hash).toBe('#/diagnostics');
  });

  it('shows the caller identity on the overview', async () => {
    installFakeApi();
    await renderShell();
    expect(screen.getByRole('heading', { level: 1, name: 'Overview' })).toBeTruthy();
    expect(screen.getAllByText(SANDBOX_IDENTITY.arn).length).toBeGreaterThan(0);
    expect(screen.getAllByText(SANDBOX_IDENTITY.accountId).length).toBeGreaterThan(0);
  });

  it('lists the sandbox in the account selector and selects a profile from it', async () => {
    const fake = installFakeApi();
    await renderShell();
    await userEvent.click(screen.getByRole('button', { name: 'Account: sandbox' }));
    const items = await screen.findAllByRole('menuitem');
    expect(items.map((item) => item.textContent)).toEqual(
      expect.arrayContaining([expect.stringContaining('sandbox')]),
    );
    await userEvent.click(items.find((item) => item.textContent?.startsWith('work'))!);
    await waitFor(() => expect(fake.callsTo('accounts:select')).toEqual([{ profile: 'work' }]));
  });

  it('switches region from the region selector', async () => {
    const fake = installFakeApi();
    await renderShell();
    await userEvent.click(screen.getByRole('button', { name: 'Region: us-east-1' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: /eu-west-1/ }));
    await waitFor(() =>
      expect(fake.callsTo('accounts:select')).toEqual([{ profile: 'sandbox', region: 'eu-west-1' }]),
    );
    await waitFor(() => expect(screen.getByRole('button', { name: 'Region: eu-west-1' })).toBeTruthy());
  });

  it('opens the jobs panel from the top bar with the running jobs', async () => {
    installFakeApi({ 'jobs:list': () => ({ jobs: [fakeJob()] }) });
    await renderShell();
    await userEvent.click(screen.getByRole('button', { name: 'Show the jobs panel' }));
    expect(await screen.findByRole('progressbar', { name: /Copy ami-0123456789abcdef0/ })).toBeTruthy();
  });

  it('shows a failed action in the notifications with message and hint', async () => {
    installFakeApi({
      'accounts:select': () =>
        fail({ code: 'forbidden', message: 'The profile work needs MFA.', hint: 'Enter the code.' }),
    });
    await renderShell();
    await act(() => useAccountsStore.getState().select('work'));
    expect(screen.getByText('The profile work needs MFA.')).toBeTruthy();
    expect(screen.getByText('Enter the code.')).toBeTruthy();
  });
});
