// Accounts: the profiles the user already has (read by the SDK's shared-ini loader) plus the
// sandbox, which is always listed and is the default when no profile exists. Credentials stay
// here: the rest of core gets SDK clients, the renderer gets names, ids and expiry times only.
import { createHash } from 'node:crypto';
import type {
  Identity,
  ProfileFileError,
  ProfileSummary,
  RegionInfo,
  SsoAccount,
  SsoSessionSummary,
} from '../../../shared/domain/accounts';
import { ENVIRONMENT_PROFILE, SANDBOX_PROFILE, SANDBOX_SSO_SESSION } from '../../../shared/domain/accounts';
import { AppError } from '../errors/app-error';
import type { AccountAccess, ServiceName } from '../aws/client-factory';
import { ClientFactory } from '../aws/client-factory';
import { configuredEndpoint, type EndpointServiceId } from './endpoint-config';
import type { EventBus } from '../events/event-bus';
import { registerSecret } from '../log';
import type { SettingsStore } from '../settings/settings-store';
import { appendSsoProfile, type NewSsoProfile } from './config-writer';
import { CredentialCache } from './credential-cache';
import { baseProvider } from './credential-providers';
import { MfaBroker, type MfaCodeProvider } from './mfa-broker';
import { profileKind } from './profile-kind';
import {
  profileNames,
  profileSection,
  readSharedFiles,
  unusableReasons,
  type SharedFiles,
} from './profile-files';
import type { SandboxConnection, SandboxProvider } from './sandbox-account';
import { knownSessions, resolveSession, type LoginTarget } from './sso/sessions';
import { listSsoAccounts } from './sso/sso-directory';
import { SsoLoginService, type SsoLoginStart } from './sso/sso-login-service';
import { readSsoToken } from './sso/token-cache';

export interface Selection {
  readonly profile: string;
  readonly region: string;
}

export interface ProfileListing {
  readonly profiles: ProfileSummary[];
  readonly fileErrors: ProfileFileError[];
  readonly ssoSessions: SsoSessionSummary[];
}

export interface AccountServiceOptions {
  // Opens an allow-listed https URL in the system browser (the SSO verification page).
  readonly openExternal?: (url: string) => Promise<void>;
  // The CLI asks on the terminal; the app answers accounts:mfaRequired events (the default).
  readonly mfaCodeProvider?: MfaCodeProvider;
  // 'at-start' (the app: the sandbox is always listed, running) or 'when-used' (the CLI: started
  // only when the selected profile is the sandbox or on its sso-session, so a command on a real
  // account does not load and start it).
  readonly startSandbox?: 'at-start' | 'when-used';
}

export class AccountService {
  readonly clients: ClientFactory;
  readonly mfa: MfaBroker;
  readonly sso: SsoLoginService;
  private readonly credentials = new CredentialCache();
  private sandboxConnection: SandboxConnection | undefined;
  // The last reading of the files, so that access() (synchronous) knows each profile.
  private files: SharedFiles | undefined;
  private known = new Map<string, ProfileSummary>();
  private fingerprints = new Map<string, string>();
  private selection: Selection;

  constructor(
    private readonly sandbox: SandboxProvider,
    private readonly events: Pick<EventBus, 'emit'>,
    private readonly settings: SettingsStore,
    private readonly options: AccountServiceOptions = {},
  ) {
    this.clients = new ClientFactory((profile) => this.access(profile));
    this.mfa = new MfaBroker(events);
    this.sso = new SsoLoginService({
      events,
      ...(options.openExternal ? { openExternal: options.openExternal } : {}),
      onLoggedIn: (session) => {
        for (const summary of this.known.values()) {
          if ((summary.ssoSession ?? summary.ssoStartUrl) === session.name) this.forget(summary.name);
        }
      },
    });
    this.selection = { profile: SANDBOX_PROFILE, region: 'us-east-1' };
  }

  // Starts the sandbox (now, or once the selection needs it) and restores the last selection
  // (or picks the default).
  async init(): Promise<void> {
    if (this.options.startSandbox !== 'when-used') await this.ensureSandbox();
    await this.restoreSelection();
    if (!this.sandboxConnection && this.needsSandbox(this.selection.profile)) {
      await this.ensureSandbox();
      await this.restoreSelection();
    }
  }

  private async ensureSandbox(): Promise<void> {
    if (this.sandboxConnection) return;
    this.sandboxConnection = await this.sandbox.ensureStarted();
    registerSecret(this.sandboxConnection.secretAccessKey);
  }

  private needsSandbox(profile: string): boolean {
    return profile === SANDBOX_PROFILE || this.known.get(profile)?.ssoSession === SANDBOX_SSO_SESSION;
  }

  private async restoreSelection(): Promise<void> {
    const saved = this.settings.get().selection;
    const { profiles } = await this.listProfiles();
    const known = (name: string) => profiles.some((p) => p.name === name);
    if (saved && known(saved.profile)) this.selection = saved;
    else {
      const preferred = process.env.AWS_ACCESS_KEY_ID
        ? ENVIRONMENT_PROFILE
        : (process.env.AWS_PROFILE ?? 'default');
      const profile = known(preferred) ? preferred : SANDBOX_PROFILE;
      this.selection = { profile, region: this.defaultRegion(profiles.find((p) => p.name === profile)) };
    }
  }

  current(): Selection {
    return this.selection;
  }

  scanRegions(): string[] {
    return [...(this.settings.get().scanRegions ?? [])];
  }

  setScanRegions(regions: readonly string[]): void {
    this.settings.update({ scanRegions: [...new Set(regions)] });
  }

  async listProfiles(): Promise<ProfileListing> {
    const files = await readSharedFiles();
    const profiles: ProfileSummary[] = [this.sandboxProfile()];
    if (process.env.AWS_ACCESS_KEY_ID) {
      const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
      profiles.push({
        name: ENVIRONMENT_PROFILE,
        kind: 'environment',
        ...(region ? { region } : {}),
        ...(process.env.AWS_ENDPOINT_URL ? { endpointUrl: process.env.AWS_ENDPOINT_URL } : {}),
      });
    }
    for (const name of profileNames(files)) {
      if (name === SANDBOX_PROFILE || name === ENVIRONMENT_PROFILE) continue;
      const section = profileSection(files, name) ?? {};
      // Secrets in the files are masked in any log line, even before a profile is used.
      registerSecret(section.aws_secret_access_key);
      registerSecret(section.aws_session_token);
      profiles.push({ name, ...profileKind(section) });
      this.noticeChange(name, JSON.stringify(section));
    }
    this.files = files;
    this.known = new Map(profiles.map((p) => [p.name, p]));
    const ssoSessions = await Promise.all(
      knownSessions(files, this.sandboxConnection).map(async (s): Promise<SsoSessionSummary> => {
        const token = await readSsoToken(s.cacheKey);
        const summary = { name: s.name, startUrl: s.startUrl, region: s.region, legacy: s.legacy };
        return token?.expiresAtMs === undefined ? summary : { ...summary, expiresAt: token.expiresAtMs };
      }),
    );
    return { profiles, fileErrors: [...files.errors], ssoSessions };
  }

  // `persist: false` for a one-off choice (the CLI's --profile) that must not change the app's.
  async select(
    profile: string,
    region?: string,
    { persist = true }: { persist?: boolean } = {},
  ): Promise<Selection> {
    const { profiles } = await this.listProfiles();
    const summary = profiles.find((p) => p.name === profile);
    if (!summary)
      throw new AppError(
        'not-found',
        `There is no profile named ${profile}.`,
        'Pick one from the list, or add it to ~/.aws/config.',
      );
    this.assertUsable(profile);
    if (this.needsSandbox(profile)) await this.ensureSandbox();
    const defaultFrom = profile === SANDBOX_PROFILE ? this.sandboxProfile() : summary;
    this.selection = { profile, region: region ?? this.defaultRegion(defaultFrom) };
    if (persist) this.settings.update({ selection: this.selection });
    this.events.emit('accounts:changed', this.selection);
    return this.selection;
  }

  async identity(profile = this.selection.profile): Promise<Identity> {
    if (this.needsSandbox(profile)) await this.ensureSandbox();
    // Loaded on use: the CLI's start-up pays only for the clients a command calls.
    const { GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
    const sts = this.clients.get('sts', profile, this.regionFor(profile));
    const answer = await sts.send(new GetCallerIdentityCommand({}));
    const expiresAt = this.credentials.expiresAt(profile);
    return {
      profile,
      accountId: answer.Account ?? '',
      arn: answer.Arn ?? '',
      userId: answer.UserId ?? '',
      ...(expiresAt === undefined ? {} : { expiresAt }),
    };
  }

  async regions(profile = this.selection.profile): Promise<RegionInfo[]> {
    if (this.needsSandbox(profile)) await this.ensureSandbox();
    const { DescribeRegionsCommand } = await import('@aws-sdk/client-ec2');
    const ec2 = this.clients.get('ec2', profile, this.regionFor(profile));
    const answer = await ec2.send(new DescribeRegionsCommand({ AllRegions: true }));
    return (answer.Regions ?? [])
      .map((r) => ({ name: r.RegionName ?? '', optInStatus: r.OptInStatus ?? 'opt-in-not-required' }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async startSsoLogin(target: LoginTarget): Promise<SsoLoginStart> {
    await this.ensureSandbox(); // the sandbox's own sso-session is one of the targets
    const files = await readSharedFiles();
    return this.sso.start(resolveSession(files, this.sandboxConnection, target));
  }

  async ssoAccounts(ssoSession: string): Promise<SsoAccount[]> {
    await this.ensureSandbox(); // the sandbox's own sso-session is one of the targets
    const files = await readSharedFiles();
    return listSsoAccounts(resolveSession(files, this.sandboxConnection, { ssoSession }));
  }

  async addSsoProfile(profile: NewSsoProfile & { readonly ssoSession: string }): Promise<void> {
    await this.ensureSandbox(); // the sandbox's own sso-session is one of the targets
    const files = await readSharedFiles();
    await appendSsoProfile(
      files,
      profile,
      resolveSession(files, this.sandboxConnection, { ssoSession: profile.ssoSession }),
    );
    await this.listProfiles();
  }

  access(profile: string): AccountAccess {
    if (profile === SANDBOX_PROFILE) {
      const connection = this.sandboxConnection;
      if (!connection) throw new AppError('sandbox-not-started', 'The sandbox account is not running yet.');
      return {
        endpointFor: () => connection.endpoint,
        credentials: () =>
          Promise.resolve({
            accessKeyId: connection.accessKeyId,
            secretAccessKey: connection.secretAccessKey,
          }),
      };
    }
    const files = this.files;
    const summary = this.known.get(profile);
    if (!files || !summary)
      throw new AppError(
        'not-found',
        `There is no profile named ${profile}.`,
        'Pick one from the list, or add it to ~/.aws/config.',
      );
    this.assertUsable(profile);
    const credentials = this.credentials.provider(profile, () =>
      baseProvider(summary, {
        files,
        mfa: this.options.mfaCodeProvider ?? this.mfa.request,
        sandboxEndpoint: this.sandboxConnection?.endpoint,
      }),
    );
    return { credentials, endpointFor: (service) => this.endpointFor(summary, files, service) };
  }

  dispose(): void {
    this.sso.cancelAll();
  }

  // A profile on the sandbox's sso-session reaches the live sandbox; otherwise the SDK's standard
  // endpoint settings for that service (environment, `services` section, endpoint_url).
  private endpointFor(summary: ProfileSummary, files: SharedFiles, service: ServiceName): string | undefined {
    if (summary.ssoSession === SANDBOX_SSO_SESSION && this.sandboxConnection)
      return this.sandboxConnection.endpoint;
    if (summary.name === ENVIRONMENT_PROFILE)
      return configuredEndpoint(endpointServiceIds[service], [], files);
    return configuredEndpoint(endpointServiceIds[service], [profileSection(files, summary.name)], files);
  }

  // A profile whose region or endpoint_url is not valid is refused before any call: the SDK would
  // send it to a host that does not resolve and retry for a long while before saying so.
  private assertUsable(profile: string): void {
    const first = this.files ? unusableReasons(this.files, profile)[0] : undefined;
    if (!first) return;
    throw new AppError(
      'invalid-profile',
      `Profile ${profile} cannot be used: ${first.file}${first.line ? ` line ${first.line}` : ''}: ${first.message}`,
      'Correct that line (or choose another profile); Envelope sends nothing with this profile until then.',
    );
  }

  // Drops cached credentials and clients of a profile whose section changed in the files.
  private noticeChange(profile: string, sectionText: string): void {
    const fingerprint = createHash('sha256').update(sectionText).digest('hex');
    const previous = this.fingerprints.get(profile);
    this.fingerprints.set(profile, fingerprint);
    if (previous !== undefined && previous !== fingerprint) this.forget(profile);
  }

  private forget(profile: string): void {
    this.credentials.forget(profile);
    this.clients.forget(profile);
  }

  private regionFor(profile: string): string {
    if (profile === this.selection.profile) return this.selection.region;
    if (profile === SANDBOX_PROFILE) return this.sandboxConnection?.region ?? 'us-east-1';
    return this.defaultRegion(this.known.get(profile));
  }

  private sandboxProfile(): ProfileSummary {
    return {
      name: SANDBOX_PROFILE,
      kind: 'sandbox',
      region: this.sandboxConnection?.region ?? 'us-east-1',
      ...(this.sandboxConnection ? { endpointUrl: this.sandboxConnection.endpoint } : {}),
    };
  }

  private defaultRegion(summary: ProfileSummary | undefined): string {
    return summary?.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  }
}

// The SDK's service ids, which name the endpoint settings (AWS_ENDPOINT_URL_AUTO_SCALING, `s3 =`).
const endpointServiceIds: Readonly<Record<ServiceName, EndpointServiceId>> = {
  ec2: 'EC2',
  kms: 'KMS',
  s3: 'S3',
  s3control: 'S3 Control',
  sts: 'STS',
  iam: 'IAM',
  autoscaling: 'Auto Scaling',
};
