// Estimates are in AWS time; on the sandbox account the note says how much faster it runs
// (issue L item 10), and says nothing on a real account.
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EstimateNote } from '../../../renderer/components/estimate-note';
import { useAccountsStore } from '../../../renderer/stores/accounts-store';
import { defaultHandlers, installFakeApi, uninstallFakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';

beforeEach(() => resetStores());
afterEach(() => uninstallFakeApi());

describe('EstimateNote', () => {
  it('labels simulated time on the sandbox with its speed', async () => {
    const info = defaultHandlers()['app:info']!;
    installFakeApi({ 'app:info': (args) => ({ ...(info(args) as object), sandboxSpeed: 60 }) as never });
    useAccountsStore.setState({ selection: { profile: 'sandbox', region: 'us-west-2' } } as never);
    render(<EstimateNote />);
    expect(await screen.findByText(/Estimates are in AWS time; the sandbox runs 60× faster/)).toBeTruthy();
  });

  it('says nothing on a real account', () => {
    installFakeApi();
    useAccountsStore.setState({ selection: { profile: 'work', region: 'eu-west-1' } } as never);
    const { container } = render(<EstimateNote />);
    expect(container.textContent).toBe('');
  });
});
