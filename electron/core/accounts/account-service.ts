// Accounts: the profiles the user already has (read by the SDK's shared-ini loader) plus the
// sandbox, which is always listed and is the default when no profile exists. Credentials stay
// here: the rest of core gets SDK clients, the renderer gets names, ids and expiry times only.
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { fromIni } from '@aws-sdk/credential-providers';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import type { Identity, ProfileSummary, RegionInfo } from '../../../shared/domain/accounts';
import { SANDBOX_PROFILE } from '../../../shared/domain/accounts';
import { AppError } from '../errors/app-error';
import type { AccountAccess } from '../aws/client-factory';
import { ClientFactory } from '../aws/client-factory';
import type { EventBus } from '../events/event-bus';
import { registerSecret } from '../log';
import type { SandboxConnection, SandboxProvider } from './sandbox-account';
import { profileKind } from './profile-kind';
import { SettingsStore } from '../settings/settings-store';

export interface Selection {
  readonly profile: string;
  readonly region: string;
}

export class AccountService {
  readonly clients: ClientFactory;
  private sandboxConnection: SandboxConnection | undefined;
  private selection: Selection;

  constructor(
    private readonly sandbox: SandboxProvider,
    private readonly events: EventBus,
    private readonly settings: SettingsStore,
  ) {
    this.clients = new ClientFactory((profile) => this.access(profile));
    this.selection = { profile: SANDBOX_PROFILE, region: 'us-east-1' };
  }

  // Starts the sandbox and restores the last selection (or picks the default).
  async init(): Promise<void> {
    this.sandboxConnection = await this.sandbox.ensureStarted();
    registerSecret(this.sandboxConnection.secretAccessKey);
    const saved = this.settings.get().selection;
    const { profiles } = await this.listProfiles();
    const known = (name: string) => profiles.some((p) => p.name === name);
    if (saved && known(saved.profile)) this.selection = saved;
    else {
      const preferred = process.env.AWS_PROFILE ?? 'default';
      const profile = known(preferred) ? preferred : SANDBOX_PROFILE;
      this.selection = { profile, region: this.defaultRegion(profiles.find((p) => p.name === profile)) };
    }
  }

  current(): Selection {
    return this.selection;
  }

  async listProfiles(): Promise<{ profiles: ProfileSummary[]; fileErrors: { file: string; line?: number; message: string }[] }> {
    const files = await loadSharedConfigFiles({ ignoreCache: true });
    const names = new Set<string>([...Object.keys(files.credentialsFile), ...Object.keys(files.configFile)]);
    const profiles: ProfileSummary[] = [this.sandboxProfile()];
    for (const name of [...names].sort()) {
      if (name.startsWith('sso-session.') || name.startsWith('services.') || name === SANDBOX_PROFILE) continue;
      const section = { ...files.credentialsFile[name], ...files.configFile[name] };
      profiles.push({ name, ...profileKind(section) });
    }
    return { profiles, fileErrors: [] };
  }

  async select(profile: string, region?: string): Promise<Selection> {
    const { profiles } = await this.listProfiles();
    const summary = profiles.find((p) => p.name === profile);
    if (!summary) throw new AppError('not-found', `There is no profile named ${profile}.`, 'Pick one from the list, or add it to ~/.aws/config.');
    this.selection = { profile, region: region ?? this.defaultRegion(summary) };
    this.settings.update({ selection: this.selection });
    this.events.emit('accounts:changed', this.selection);
    return this.selection;
  }

  async identity(profile = this.selection.profile): Promise<Identity> {
    const sts = this.clients.get('sts', profile, this.regionFor(profile));
    const answer = await sts.send(new GetCallerIdentityCommand({}));
    return { profile, accountId: answer.Account ?? '', arn: answer.Arn ?? '', userId: answer.UserId ?? '' };
  }

  async regions(profile = this.selection.profile): Promise<RegionInfo[]> {
    const ec2 = this.clients.get('ec2', profile, this.regionFor(profile));
    const answer = await ec2.send(new DescribeRegionsCommand({ AllRegions: true }));
    return (answer.Regions ?? [])
      .map((r) => ({ name: r.RegionName ?? '', optInStatus: r.OptInStatus ?? 'opt-in-not-required' }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  access(profile: string): AccountAccess {
    if (profile === SANDBOX_PROFILE) {
      const connection = this.sandboxConnection;
      if (!connection) throw new AppError('sandbox-not-started', 'The sandbox account is not running yet.');
      return {
        endpoint: connection.endpoint,
        credentials: () => Promise.resolve({ accessKeyId: connection.accessKeyId, secretAccessKey: connection.secretAccessKey }),
      };
    }
    return { credentials: fromIni({ profile }) };
  }

  private regionFor(profile: string): string {
    return profile === this.selection.profile ? this.selection.region : (this.sandboxConnection?.region ?? 'us-east-1');
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
