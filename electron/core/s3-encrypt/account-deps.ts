// The planner's and the service's S3EncryptDeps for one profile of the AccountService: its
// clients (one per service and region, from the ClientFactory), its identity, and the preflight's
// context.
import type { AccountService } from '../accounts/account-service';
import { accountPreflightContext } from '../preflight/account-context';
import type { PreflightContext } from '../preflight/index';
import type { S3EncryptDeps } from './deps';

async function preflightContext(accounts: AccountService, profile: string): Promise<PreflightContext> {
  return accountPreflightContext(accounts, profile, await accounts.identity(profile));
}

export function accountDeps(accounts: AccountService, profile = accounts.current().profile): S3EncryptDeps {
  const homeRegion = accounts.current().region;
  return {
    s3: (region) => accounts.clients.get('s3', profile, region),
    s3control: (region) => accounts.clients.get('s3control', profile, region),
    kms: (region) => accounts.clients.get('kms', profile, region),
    iam: () => accounts.clients.get('iam', profile, homeRegion),
    caller: async () => {
      const identity = await accounts.identity(profile);
      return { accountId: identity.accountId, arn: identity.arn };
    },
    preflight: () => preflightContext(accounts, profile),
    homeRegion,
  };
}
