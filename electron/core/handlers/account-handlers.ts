import type { Handlers } from '../ipc/dispatcher';
import type { AccountService } from '../accounts/account-service';

type AccountHandlers = Pick<
  Handlers,
  | 'accounts:list'
  | 'accounts:select'
  | 'accounts:identity'
  | 'accounts:setScanRegions'
  | 'accounts:submitMfa'
  | 'accounts:cancelMfa'
  | 'accounts:ssoStart'
  | 'accounts:ssoCancel'
  | 'accounts:ssoAccounts'
  | 'accounts:addProfile'
  | 'regions:list'
>;

const done = { ok: true as const };

export function accountHandlers(accounts: AccountService): AccountHandlers {
  return {
    'accounts:list': async () => ({
      ...(await accounts.listProfiles()),
      selection: accounts.current(),
      scanRegions: accounts.scanRegions(),
    }),
    'accounts:select': ({ profile, region }) => accounts.select(profile, region),
    'accounts:identity': ({ profile }) => accounts.identity(profile),
    'accounts:setScanRegions': ({ regions }) => {
      accounts.setScanRegions(regions);
      return Promise.resolve(done);
    },
    'accounts:submitMfa': ({ requestId, code }) => {
      accounts.mfa.submit(requestId, code);
      return Promise.resolve(done);
    },
    'accounts:cancelMfa': ({ requestId }) => {
      accounts.mfa.cancel(requestId);
      return Promise.resolve(done);
    },
    'accounts:ssoStart': (target) => accounts.startSsoLogin(target),
    'accounts:ssoCancel': ({ loginId }) => {
      accounts.sso.cancel(loginId);
      return Promise.resolve(done);
    },
    'accounts:ssoAccounts': async ({ ssoSession }) => ({ accounts: await accounts.ssoAccounts(ssoSession) }),
    'accounts:addProfile': async ({ name, ssoSession, accountId, roleName, region }) => {
      await accounts.addSsoProfile({ name, ssoSession, accountId, roleName, region });
      return done;
    },
    'regions:list': async ({ profile }) => ({ regions: await accounts.regions(profile) }),
  };
}
