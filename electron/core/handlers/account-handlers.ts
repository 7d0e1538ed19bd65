import type { Handlers } from '../ipc/dispatcher';
import type { AccountService } from '../accounts/account-service';

type AccountHandlers = Pick<Handlers, 'accounts:list' | 'accounts:select' | 'accounts:identity' | 'regions:list'>;

export function accountHandlers(accounts: AccountService): AccountHandlers {
  return {
    'accounts:list': async () => ({ ...(await accounts.listProfiles()), selection: accounts.current() }),
    'accounts:select': ({ profile, region }) => accounts.select(profile, region),
    'accounts:identity': ({ profile }) => accounts.identity(profile),
    'regions:list': async ({ profile }) => ({ regions: await accounts.regions(profile) }),
  };
}
