// How each kind of AWS profile signs in, in words (the Accounts page, the profile menu and
// `envelope profiles`), never the internal code ("sso-session").
import type { ProfileKind } from '../domain/accounts';

export const profileKindLabels: Readonly<Record<ProfileKind, string>> = {
  sandbox: 'Sandbox account',
  environment: 'Environment variables',
  static: 'Access keys',
  'assume-role': 'Assumed role',
  mfa: 'Access keys with MFA',
  'sso-legacy': 'IAM Identity Center (legacy profile)',
  'sso-session': 'IAM Identity Center',
  'credential-process': 'Credential process',
  'web-identity': 'Web identity',
  unknown: 'Not recognised',
};
