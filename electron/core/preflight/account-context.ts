// The preflight's context for one profile of the AccountService: its clients (per region, from the
// ClientFactory; STS and IAM in the account's current region, as both are global) and its
// identity. One builder for every service that runs a preflight.
import type { AccountService } from '../accounts/account-service';
import type { PreflightContext } from './preflight-context';

export function accountPreflightContext(
  accounts: AccountService,
  profile: string,
  identity: { readonly accountId: string; readonly arn: string },
): PreflightContext {
  const { region } = accounts.current();
  return {
    ec2: (r) => accounts.clients.get('ec2', profile, r),
    kms: (r) => accounts.clients.get('kms', profile, r),
    sts: () => accounts.clients.get('sts', profile, region),
    iam: () => accounts.clients.get('iam', profile, region),
    callerArn: identity.arn,
    accountId: identity.accountId,
    now: Date.now,
  };
}
