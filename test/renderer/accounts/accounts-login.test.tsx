import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bindEvents } from '../../../renderer/bridge/bind-events';
import { MfaModal } from '../../../renderer/components/accounts/mfa-modal';
import { AccountsPage } from '../../../renderer/pages/accounts-page';
import { useAccountsStore } from '../../../renderer/stores/accounts-store';
import { fail, installFakeApi, uninstallFakeApi, type FakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';
import { stubMatchMedia } from '../stub-match-media';

const started = {
  loginId: 'login-1',
  userCode: 'WXYZ-1234',
  verificationUri: 'http://127.0.0.1:4599/_sandbox/sso/device',
  verificationUriComplete: 'http://127.0.0.1:4599/_sandbox/sso/device?user_code=WXYZ-1234',
  expiresAt: Date.now() + 600_000,
  opened: false,
};

function install(): FakeApi {
  return installFakeApi({
    'accounts:list': () => ({
      profiles: [
        { name: 'sandbox', kind: 'sandbox', region: 'us-east-1', endpointUrl: 'http://127.0.0.1:4599' },
        { name: 'corp-dev', kind: 'sso-session', region: 'eu-west-1', ssoSession: 'corp' },
      ],
      fileErrors: [
        {
          file: '/home/me/.aws/config',
          line: 27,
          message: 'This line is neither a section header, key = value, a continuation nor a comment.',
        },
      ],
      ssoSessions: [
        {
          name: 'corp',
          startUrl: 'https://d-1.awsapps.com/start',
          region: 'eu-west-1',
          legacy: false,
          expiresAt: Date.now() + 3_600_000,
        },
      ],
      selection: { profile: 'corp-dev', region: 'eu-west-1' },
      scanRegions: [],
    }),
    'accounts:identity': () =>
      fail({
        code: 'sso-login-required',
        message:
          'The IAM Identity Center session "corp" used by profile "corp-dev" has expired or is not logged in.',
      }),
    'accounts:ssoStart': () => started,
    'accounts:ssoCancel': () => ({ ok: true }),
    'accounts:ssoAccounts': () => ({
      accounts: [{ accountId: '111122223333', accountName: 'Dev', roles: ['Admin', 'ReadOnly'] }],
    }),
    'accounts:addProfile': () => ({ ok: true }),
    'accounts:submitMfa': () => ({ ok: true }),
    'accounts:cancelMfa': () => ({ ok: true }),
  });
}

async function renderPage(fake: FakeApi) {
  const unbind = bindEvents(fake.api, (run) => run());
  render(<AccountsPage />);
  await act(() => useAccountsStore.getState().load());
  return unbind;
}

describe('Accounts page', () => {
  beforeEach(() => {
    resetStores();
    stubMatchMedia();
  });
  afterEach(uninstallFakeApi);

  it('shows file errors, the expired session with a way to log in again, and the login code large', async () => {
    const fake = install();
    const unbind = await renderPage(fake);
    expect(screen.getByText(/Line 27:/)).toBeTruthy();
    expect(screen.getAllByText(/"corp" used by profile "corp-dev"/).length).toBeGreaterThan(0);
    await userEvent.click(screen.getByRole('button', { name: 'Log in again' }));
    await waitFor(() => expect(fake.callsTo('accounts:ssoStart')).toEqual([{ ssoSession: 'corp' }]));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('sso-user-code').textContent).toBe('WXYZ-1234');
    expect(within(dialog).getByText(/Waiting for approval/)).toBeTruthy();

    act(() => fake.emit('accounts:ssoLogin', { loginId: 'login-1', ssoSession: 'corp', state: 'succeeded' }));
    expect(await within(dialog).findByText(/Logged in/)).toBeTruthy();
    unbind();
  });

  it('cancels a pending login', async () => {
    const fake = install();
    const unbind = await renderPage(fake);
    await act(() => useAccountsStore.getState().startSsoLogin('corp'));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel login' }));
    await waitFor(() => expect(fake.callsTo('accounts:ssoCancel')).toEqual([{ loginId: 'login-1' }]));
    act(() => fake.emit('accounts:ssoLogin', { loginId: 'login-1', ssoSession: 'corp', state: 'cancelled' }));
    expect(await screen.findByText('Login cancelled.')).toBeTruthy();
    unbind();
  });

  it('adds a profile only after the user confirmed the section', async () => {
    const fake = install();
    const unbind = await renderPage(fake);
    await userEvent.click(screen.getByRole('button', { name: 'Add a profile from corp' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: /Account/ }));
    await userEvent.click(await within(dialog).findByText('Dev'));
    await userEvent.click(within(dialog).getByRole('button', { name: /Role/ }));
    await userEvent.click(await within(dialog).findByText('ReadOnly'));
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Profile name' }), 'dev-ro');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Review' }));
    expect(within(dialog).getByTestId('profile-preview').textContent).toBe(
      '[profile dev-ro]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\nregion = eu-west-1',
    );
    expect(fake.callsTo('accounts:addProfile')).toEqual([]);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add to ~/.aws/config' }));
    await waitFor(() =>
      expect(fake.callsTo('accounts:addProfile')).toEqual([
        {
          name: 'dev-ro',
          ssoSession: 'corp',
          accountId: '111122223333',
          roleName: 'ReadOnly',
          region: 'eu-west-1',
        },
      ]),
    );
    unbind();
  });
});

describe('MFA modal', () => {
  beforeEach(() => {
    resetStores();
    stubMatchMedia();
  });
  afterEach(uninstallFakeApi);

  it('opens on accounts:mfaRequired and sends the code', async () => {
    const fake = install();
    const unbind = bindEvents(fake.api, (run) => run());
    render(<MfaModal />);
    act(() =>
      fake.emit('accounts:mfaRequired', {
        requestId: 'r1',
        profile: 'role',
        mfaSerial: 'arn:aws:iam::1:mfa/alice',
      }),
    );
    const input = await screen.findByRole('textbox', { name: 'MFA code' });
    await userEvent.type(input, '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() =>
      expect(fake.callsTo('accounts:submitMfa')).toEqual([{ requestId: 'r1', code: '123456' }]),
    );
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'MFA code' })).toBeNull());
    unbind();
  });

  it('cancels', async () => {
    const fake = install();
    const unbind = bindEvents(fake.api, (run) => run());
    render(<MfaModal />);
    act(() =>
      fake.emit('accounts:mfaRequired', {
        requestId: 'r2',
        profile: 'role',
        mfaSerial: 'arn:aws:iam::1:mfa/alice',
      }),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(fake.callsTo('accounts:cancelMfa')).toEqual([{ requestId: 'r2' }]));
    unbind();
  });
});
