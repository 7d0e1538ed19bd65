import { describe, expect, it } from 'vitest';
import { profileKind } from '../../../electron/core/accounts/profile-kind';

describe('profileKind', () => {
  it.each([
    [{ aws_access_key_id: 'AKIA', aws_secret_access_key: 's' }, 'static'],
    [{ role_arn: 'arn:aws:iam::1:role/r', source_profile: 'base' }, 'assume-role'],
    [{ role_arn: 'arn:aws:iam::1:role/r', credential_source: 'Ec2InstanceMetadata' }, 'assume-role'],
    [{ role_arn: 'arn:aws:iam::1:role/r', web_identity_token_file: '/t' }, 'web-identity'],
    [{ aws_access_key_id: 'AKIA', mfa_serial: 'arn:aws:iam::1:mfa/u' }, 'mfa'],
    [{ sso_start_url: 'https://x.awsapps.com/start', sso_account_id: '1', sso_role_name: 'R' }, 'sso-legacy'],
    [{ sso_session: 'corp', sso_account_id: '1', sso_role_name: 'R' }, 'sso-session'],
    [{ credential_process: '/bin/creds' }, 'credential-process'],
    [{ region: 'eu-west-1' }, 'unknown'],
  ])('%o is %s', (section, kind) => {
    expect(profileKind(section).kind).toBe(kind);
  });

  it('never returns the secret values', () => {
    const summary = profileKind({
      aws_access_key_id: 'AKIACANARY',
      aws_secret_access_key: 'CANARYSECRET',
      region: 'eu-west-1',
    });
    expect(JSON.stringify(summary)).not.toMatch(/CANARY/);
  });
});
