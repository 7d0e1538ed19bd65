// Which of the SDK's credential providers serves a profile: fromSSO for IAM Identity Center
// profiles, credential_process with a bounded wait (credential-process.ts), fromEnv for the environment pseudo-profile, and
// fromIni (with Envelope's MFA prompt) for static keys, role chains and web identity. Endpoints
// for the inner STS and SSO clients come from the standard settings (endpoint-config.ts).
import { fromEnv, fromIni, fromSSO } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import {
  ENVIRONMENT_PROFILE,
  SANDBOX_SSO_SESSION,
  type ProfileSummary,
} from '../../../shared/domain/accounts';
import { AppError } from '../errors/app-error';
import { fromProcessWithTimeout } from './credential-process';
import { configuredEndpoint } from './endpoint-config';
import type { MfaCodeProvider } from './mfa-broker';
import { profileSection, type SharedFiles } from './profile-files';

export interface ProviderContext {
  readonly files: SharedFiles;
  readonly mfa: MfaCodeProvider;
  // The running sandbox's endpoint: the SSO endpoint of profiles on the envelope-sandbox session.
  readonly sandboxEndpoint: string | undefined;
}

const withEndpoint = (endpoint: string | undefined) => (endpoint === undefined ? {} : { endpoint });

export function ssoLoginRequired(profile: string, session: string): AppError {
  return new AppError(
    'sso-login-required',
    `The IAM Identity Center session "${session}" used by profile "${profile}" has expired or is not logged in.`,
    `Log in again: Accounts → Log in (sso-session ${session}), or \`npx envelope login --profile ${profile}\`.`,
  );
}

// fromSSO's errors for a missing, expired or revoked token, as opposed to a network failure.
const isLoginProblem = (error: unknown): boolean =>
  error instanceof Error &&
  /expired|not found or is invalid|is invalid|Unauthorized|Session token not found|token/i.test(
    `${error.name} ${error.message}`,
  );

export function baseProvider(
  summary: ProfileSummary,
  context: ProviderContext,
): AwsCredentialIdentityProvider {
  const profile = summary.name;
  if (profile === ENVIRONMENT_PROFILE) return fromEnv();
  const { files } = context;
  const section = profileSection(files, profile);
  const paths = { filepath: files.credentialsPath, configFilepath: files.configPath, ignoreCache: true };
  if (summary.kind === 'sso-session' || summary.kind === 'sso-legacy') {
    const session = summary.ssoSession ?? summary.ssoStartUrl ?? profile;
    const sessionSection = summary.ssoSession ? files.config[`sso-session.${summary.ssoSession}`] : undefined;
    const endpoint =
      summary.ssoSession === SANDBOX_SSO_SESSION && context.sandboxEndpoint
        ? context.sandboxEndpoint
        : configuredEndpoint('SSO', [section, sessionSection], files);
    const provider = fromSSO({ profile, ...paths, clientConfig: withEndpoint(endpoint) });
    return async (options) => {
      try {
        return await provider(options);
      } catch (error) {
        if (isLoginProblem(error)) throw ssoLoginRequired(profile, session);
        throw error;
      }
    };
  }
  if (summary.kind === 'credential-process' && section?.credential_process) {
    return fromProcessWithTimeout({
      profile,
      command: section.credential_process,
      ...(section.aws_account_id ? { accountId: section.aws_account_id } : {}),
    });
  }
  const stsEndpoint = configuredEndpoint('STS', [section], files);
  return fromIni({
    profile,
    ...paths,
    mfaCodeProvider: (mfaSerial) => context.mfa({ profile, mfaSerial }),
    clientConfig: withEndpoint(stsEndpoint),
  });
}
