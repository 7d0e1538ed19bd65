// Credentials cached per profile until they are about to expire: one MFA prompt per session, one
// GetRoleCredentials per hour, whatever the number of SDK clients. Refreshing is the SDK
// provider's job (fromSSO refreshes the SSO token, fromIni assumes the role again); this cache
// only decides when to ask it. Every secret it sees is registered with the log redactor.
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { registerSecret } from '../log';

// Ask again this long before the credentials expire (ms), as the SDK's own memoize does.
const REFRESH_WINDOW_MS = 5 * 60 * 1000;

interface Entry {
  readonly provider: AwsCredentialIdentityProvider;
  pending?: Promise<AwsCredentialIdentity>;
  current?: AwsCredentialIdentity;
}

export class CredentialCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  // The cached provider for a profile; `create` builds the SDK provider on first use.
  provider(profile: string, create: () => AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
    let entry = this.entries.get(profile);
    if (!entry) {
      entry = { provider: create() };
      this.entries.set(profile, entry);
    }
    const cached = entry;
    return () => this.resolve(cached);
  }

  // When the cached credentials of a profile expire (ms since epoch), if they do.
  expiresAt(profile: string): number | undefined {
    return this.entries.get(profile)?.current?.expiration?.getTime();
  }

  forget(profile: string): void {
    this.entries.delete(profile);
  }

  forgetAll(): void {
    this.entries.clear();
  }

  private isFresh(credentials: AwsCredentialIdentity | undefined): credentials is AwsCredentialIdentity {
    if (!credentials) return false;
    const expiration = credentials.expiration?.getTime();
    return expiration === undefined || expiration - this.now() > REFRESH_WINDOW_MS;
  }

  private resolve(entry: Entry): Promise<AwsCredentialIdentity> {
    if (this.isFresh(entry.current)) return Promise.resolve(entry.current);
    // Concurrent callers share one request (one MFA dialog, one GetRoleCredentials).
    entry.pending ??= entry
      .provider()
      .then((credentials) => {
        registerSecret(credentials.secretAccessKey);
        registerSecret(credentials.sessionToken);
        entry.current = credentials;
        return credentials;
      })
      .finally(() => {
        entry.pending = undefined;
      });
    return entry.pending;
  }
}
