// The [profile …] section Envelope will append to ~/.aws/config, shown before the user confirms.
// Core writes the same keys (electron/core/accounts/config-writer.ts).
import { SANDBOX_SSO_SESSION } from '../../../shared/domain/accounts';
import type { NewProfile } from '../../stores/accounts-sso-slice';

export function profilePreview(profile: NewProfile): string {
  const lines = [
    `[profile ${profile.name}]`,
    `sso_session = ${profile.ssoSession}`,
    `sso_account_id = ${profile.accountId}`,
    `sso_role_name = ${profile.roleName}`,
    `region = ${profile.region}`,
  ];
  // The sandbox's session is not in the file yet: core adds its [sso-session] section and the
  // sandbox's endpoint_url with the profile.
  if (profile.ssoSession === SANDBOX_SSO_SESSION) {
    lines.unshift(`[sso-session ${SANDBOX_SSO_SESSION}]  (the sandbox's, when missing)`, '');
    lines.push('endpoint_url = (the sandbox’s loopback address)');
  }
  return lines.join('\n');
}
