// The side navigation stays open at desktop width (issue L item 17): at 1440 px it is open, and a
// window narrowed to the mobile layout (where AppLayout closes it) and widened again finds it open
// as the user left it; a close the user makes at desktop width is kept.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppShell } from '../../../renderer/components/app-shell';
import { useAccountsStore } from '../../../renderer/stores/accounts-store';
import { useJobsStore } from '../../../renderer/stores/jobs-store';
import { useUiStore } from '../../../renderer/stores/ui-store';
import { installFakeApi, uninstallFakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';
import { stubMatchMedia } from '../stub-match-media';

// A window `width` CSS px wide, answering width media queries the way a browser would.
let width = 1440;
const matchesWidth = (query: string): boolean => {
  const max = /max-width:\s*(\d+)px/.exec(query);
  const min = /min-width:\s*(\d+)px/.exec(query);
  return (!max || width <= Number(max[1])) && (!min || width >= Number(min[1]));
};
function resizeTo(next: number) {
  width = next;
  act(() => {
    window.dispatchEvent(new Event('resize'));
  });
}

// AppLayout's own toggle: "Close side navigation" is offered while the navigation is open.
const isNavigationOpen = () =>
  screen.queryAllByRole('button', { name: 'Close side navigation' }).length > 0 &&
  useUiStore.getState().navigationOpen;

async function renderShell() {
  render(<AppShell />);
  await act(async () => {
    await Promise.all([useAccountsStore.getState().load(), useJobsStore.getState().load()]);
  });
}

describe('the side navigation at desktop width', () => {
  beforeEach(() => {
    resetStores();
    width = 1440;
    stubMatchMedia(matchesWidth);
    window.history.replaceState(null, '', '#/overview');
    installFakeApi();
  });
  afterEach(uninstallFakeApi);

  it('is open at 1440 px and stays open across pages', async () => {
    await renderShell();
    expect(isNavigationOpen()).toBe(true);
    await userEvent.click(screen.getByRole('link', { name: 'Diagnostics' }));
    expect(isNavigationOpen()).toBe(true);
  });

  it('is open again at 1440 px after the window was narrowed to the mobile layout', async () => {
    await renderShell();
    resizeTo(600);
    // The mobile layout closes it (AppLayout's own rule) …
    expect(screen.queryAllByRole('button', { name: 'Close side navigation' })).toHaveLength(0);
    resizeTo(1440);
    // … and the desktop layout shows it as the user left it.
    expect(isNavigationOpen()).toBe(true);
  });

  it('stays closed when the user closes it at desktop width', async () => {
    await renderShell();
    await userEvent.click(screen.getAllByRole('button', { name: 'Close side navigation' })[0]!);
    expect(useUiStore.getState().navigationOpen).toBe(false);
    resizeTo(1280);
    expect(useUiStore.getState().navigationOpen).toBe(false);
  });
});
