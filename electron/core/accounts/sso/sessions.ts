// Which IAM Identity Center session a login or an account listing is about, and where its
// SSO-OIDC and SSO endpoints are. The sandbox's session (envelope-sandbox) is synthesized from the
// running sandbox; every other one comes from ~/.aws/config.
import { SANDBOX_PROFILE, SANDBOX_SSO_SESSION } from '../../../../shared/domain/accounts';
import { AppError } from '../../errors/app-error';
import { configuredEndpoint } from '../endpoint-config';
import { profileNames, profileSection, ssoSessionDefinitions, type SharedFiles } from '../profile-files';
import { SANDBOX_SSO_START_URL, type SandboxConnection } from '../sandbox-account';
import { DEFAULT_SCOPES, type LoginSession } from './device-login';

export interface ResolvedSession extends LoginSession {
  readonly legacy: boolean;
  // The token cache's key: the session name, or the start URL for a legacy profile.
  readonly cacheKey: string;
  readonly oidcEndpoint?: string;
  readonly ssoEndpoint?: string;
}

export type LoginTarget = { readonly ssoSession: string } | { readonly profile: string };

export function sandboxSession(connection: SandboxConnection): ResolvedSession {
  return {
    name: SANDBOX_SSO_SESSION,
    startUrl: connection.ssoStartUrl ?? SANDBOX_SSO_START_URL,
    region: connection.ssoRegion ?? connection.region,
    scopes: DEFAULT_SCOPES,
    legacy: false,
    cacheKey: SANDBOX_SSO_SESSION,
    oidcEndpoint: connection.endpoint,
    ssoEndpoint: connection.endpoint,
  };
}

// All sessions Envelope can log in to: those in the config file, and the sandbox's.
export function knownSessions(files: SharedFiles, sandbox: SandboxConnection | undefined): ResolvedSession[] {
  const fromFiles = ssoSessionDefinitions(files)
    .filter((s) => !(sandbox && s.name === SANDBOX_SSO_SESSION))
    .map((definition): ResolvedSession => {
      // The session's own section, then the first profile that uses it, carry its endpoints.
      const user = profileNames(files).find((name) => {
        const section = files.config[name];
        return definition.legacy
          ? section?.sso_start_url === definition.startUrl
          : section?.sso_session === definition.name;
      });
      const sections = [
        definition.legacy ? undefined : files.config[`sso-session.${definition.name}`],
        user ? profileSection(files, user) : undefined,
      ];
      const oidcEndpoint = configuredEndpoint('SSO OIDC', sections, files);
      const ssoEndpoint = configuredEndpoint('SSO', sections, files);
      return {
        ...definition,
        cacheKey: definition.name,
        ...(oidcEndpoint === undefined ? {} : { oidcEndpoint }),
        ...(ssoEndpoint === undefined ? {} : { ssoEndpoint }),
      };
    });
  return sandbox ? [sandboxSession(sandbox), ...fromFiles] : fromFiles;
}

export function resolveSession(
  files: SharedFiles,
  sandbox: SandboxConnection | undefined,
  target: LoginTarget,
): ResolvedSession {
  const sessions = knownSessions(files, sandbox);
  if ('ssoSession' in target) {
    const found = sessions.find((s) => s.name === target.ssoSession);
    if (!found) {
      throw new AppError(
        'not-found',
        `There is no sso-session named ${target.ssoSession} in ${files.configPath}.`,
        'Add an [sso-session NAME] section with sso_start_url and sso_region (aws configure sso-session does it).',
      );
    }
    return found;
  }
  if (target.profile === SANDBOX_PROFILE && sandbox) return sandboxSession(sandbox);
  const section = profileSection(files, target.profile);
  const key = section?.sso_session ?? section?.sso_start_url;
  const found = key === undefined ? undefined : sessions.find((s) => s.name === key);
  if (!found) {
    throw new AppError(
      'not-found',
      `Profile ${target.profile} does not use IAM Identity Center.`,
      'Choose an SSO profile, or an sso-session.',
    );
  }
  return found;
}
