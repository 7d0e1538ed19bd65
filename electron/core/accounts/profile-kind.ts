// What kind of profile a config section is, by the keys the AWS CLI and SDK read. The order
// matters: an assume-role profile may also carry mfa_serial; SSO keys win over static keys.
import type { ProfileSummary } from '../../../shared/domain/accounts';

type Section = Record<string, string | undefined>;

export function profileKind(section: Section): Omit<ProfileSummary, 'name'> {
  const common = {
    ...(section.region ? { region: section.region } : {}),
    ...(section.endpoint_url ? { endpointUrl: section.endpoint_url } : {}),
  };
  if (section.sso_session) {
    return {
      kind: 'sso-session',
      ...common,
      ssoSession: section.sso_session,
      ...(section.sso_account_id ? { ssoAccountId: section.sso_account_id } : {}),
      ...(section.sso_role_name ? { ssoRoleName: section.sso_role_name } : {}),
    };
  }
  if (section.sso_start_url) {
    return {
      kind: 'sso-legacy',
      ...common,
      ssoStartUrl: section.sso_start_url,
      ...(section.sso_account_id ? { ssoAccountId: section.sso_account_id } : {}),
      ...(section.sso_role_name ? { ssoRoleName: section.sso_role_name } : {}),
    };
  }
  if (section.role_arn && section.web_identity_token_file)
    return { kind: 'web-identity', ...common, roleArn: section.role_arn };
  if (section.role_arn) {
    return {
      kind: 'assume-role',
      ...common,
      roleArn: section.role_arn,
      ...(section.source_profile ? { sourceProfile: section.source_profile } : {}),
      ...(section.credential_source ? { credentialSource: section.credential_source } : {}),
      ...(section.mfa_serial ? { mfaSerial: section.mfa_serial } : {}),
    };
  }
  if (section.credential_process) return { kind: 'credential-process', ...common };
  if (section.mfa_serial) return { kind: 'mfa', ...common, mfaSerial: section.mfa_serial };
  if (section.aws_access_key_id) return { kind: 'static', ...common };
  return { kind: 'unknown', ...common };
}
