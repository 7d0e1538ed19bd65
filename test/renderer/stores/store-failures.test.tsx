// Every store action's failure reaches the user as a message that says what to do (issue L item
// 21): those that used to be dropped (the diagnostics journal and settings, an SSO login's cancel,
// the app's own info) now notify, and a failure core sent without a hint gets one.
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorAlert } from '../../../renderer/components/error-alert';
import { useAccountsStore } from '../../../renderer/stores/accounts-store';
import { useAppStore } from '../../../renderer/stores/app-store';
import { useDiagnosticsStore } from '../../../renderer/stores/diagnostics-store';
import { DEFAULT_ERROR_HINT, useUiStore } from '../../../renderer/stores/ui-store';
import { fail, installFakeApi, uninstallFakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';

const diagnosticsInitial = useDiagnosticsStore.getState();
beforeEach(() => {
  resetStores();
  useDiagnosticsStore.setState(diagnosticsInitial, true);
});
afterEach(() => uninstallFakeApi());

const messages = () => useUiStore.getState().notices.map((n) => [n.message, n.hint]);

describe('store failures are said', () => {
  it('a failure without a hint gets one, in notices and in alerts', () => {
    useUiStore.getState().notifyError({ code: 'x', message: 'Something failed.' });
    expect(messages()).toEqual([['Something failed.', DEFAULT_ERROR_HINT]]);
    render(<ErrorAlert error={{ code: 'x', message: 'Something failed.' }} />);
    expect(screen.getByText(DEFAULT_ERROR_HINT)).toBeTruthy();
  });

  it('diagnostics: a journal or settings that cannot be read is notified', async () => {
    installFakeApi({
      'diagnostics:report': () => fail({ code: 'io', message: 'No report.' }),
      'diagnostics:getSettings': () =>
        fail({ code: 'io', message: 'The settings cannot be read.', hint: 'Check the data directory.' }),
      'diagnostics:journal': () => fail({ code: 'io', message: 'The fix journal cannot be read.' }),
    });
    await useDiagnosticsStore.getState().load();
    expect(messages()).toEqual([
      ['The settings cannot be read.', 'Check the data directory.'],
      ['The fix journal cannot be read.', DEFAULT_ERROR_HINT],
    ]);
  });

  it('a failed SSO cancel is notified', async () => {
    installFakeApi({
      'accounts:ssoCancel': () => fail({ code: 'not-found', message: 'There is no login login-1.' }),
    });
    useAccountsStore.setState({
      ssoLogin: {
        status: 'pending',
        ssoSession: 'lab',
        loginId: 'login-1',
        verificationUri: 'https://device.sso.us-east-1.amazonaws.com/',
        userCode: 'ABCD-EFGH',
        expiresAt: 0,
      },
    } as never);
    await useAccountsStore.getState().cancelSsoLogin();
    expect(messages()).toEqual([['There is no login login-1.', expect.stringMatching(/close it/)]]);
  });

  it('the app’s info failing is notified', async () => {
    installFakeApi({ 'app:info': () => fail({ code: 'io', message: 'No info.' }) });
    await useAppStore.getState().load();
    expect(messages()).toEqual([['No info.', DEFAULT_ERROR_HINT]]);
  });
});
