// The planner's and the service's S3EncryptDeps for one profile of the AccountService: its
// clients (one per service and region, from the ClientFactory), its identity, and the preflight's
// context.
import type { AccountService } from '../accounts/account-service';
import type { PreflightContext } from '../preflight/index';
import type { S3EncryptDeps } from './deps';

async function preflightContext(accounts: AccountService, profile: string): Promise<PreflightContext> {
  const { region } = accounts.current();
  const identity = await accounts.identity(profile);
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
