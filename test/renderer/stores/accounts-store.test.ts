import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useAccountsStore } from '../../../renderer/stores/accounts-store';
import { useUiStore } from '../../../renderer/stores/ui-store';
import { fail, installFakeApi, SANDBOX_IDENTITY, uninstallFakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';

describe('accounts store', () => {
  beforeEach(resetStores);
  afterEach(uninstallFakeApi);

  it('loads profiles with the sandbox, the selection, the identity and the regions', async () => {
    installFakeApi();
    await useAccountsStore.getState().load();
    const state = useAccountsStore.getState();
    expect(state.profiles.status === 'ready' && state.profiles.value.profiles.map((p) => p.name)).toEqual([
      'sandbox',
      'work',
    ]);
    expect(state.selection).toEqual({ profile: 'sandbox', region: 'us-east-1' });
    expect(state.identity).toEqual({ status: 'ready', value: SANDBOX_IDENTITY });
    expect(state.regions.status === 'ready' && state.regions.value.map((r) => r.name)).toContain('eu-west-1');
  });

  it('keeps the error of a failed list as data, for the page to show', async () => {
    installFakeApi({
      'accounts:list': () =>
        fail({ code: 'internal', message: 'Could not read profiles.', hint: 'Check ~/.aws/config.' }),
    });
    await useAccountsStore.getState().load();
    expect(useAccountsStore.getState().profiles).toEqual({
      status: 'error',
      error: { code: 'internal', message: 'Could not read profiles.', hint: 'Check ~/.aws/config.' },
    });
  });

  it('selects a region through the api and reloads identity only when the profile changes', async () => {
    const fake = installFakeApi();
    await useAccountsStore.getState().load();
    await useAccountsStore.getState().select('sandbox', 'eu-west-1');
    expect(fake.callsTo('accounts:select')).toEqual([{ profile: 'sandbox', region: 'eu-west-1' }]);
    expect(useAccountsStore.getState().selection).toEqual({ profile: 'sandbox', region: 'eu-west-1' });
    expect(fake.callsTo('accounts:identity')).toHaveLength(1);

    await useAccountsStore.getState().select('work');
    await expect
      .poll(() => fake.callsTo('accounts:identity'))
      .toEqual([{ profile: 'sandbox' }, { profile: 'work' }]);
  });

  it('ignores the accounts:changed echo of its own selection', async () => {
    const fake = installFakeApi();
    await useAccountsStore.getState().load();
    useAccountsStore.getState().applySelection({ profile: 'sandbox', region: 'us-east-1' });
    expect(fake.callsTo('accounts:identity')).toHaveLength(1);
  });

  it('reports a refused selection in the notifications with its hint', async () => {
    installFakeApi({
      'accounts:select': () =>
        fail({
          code: 'not-found',
          message: 'There is no profile named gone.',
          hint: 'Pick one from the list.',
        }),
    });
    await useAccountsStore.getState().select('gone');
    expect(useUiStore.getState().notices).toMatchObject([
      { type: 'error', message: 'There is no profile named gone.', hint: 'Pick one from the list.' },
    ]);
  });
});
