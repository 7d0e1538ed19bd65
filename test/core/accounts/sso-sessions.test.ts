import { describe, expect, it } from 'vitest';
import { readSharedFiles } from '../../../electron/core/accounts/profile-files';
import { resolveSession } from '../../../electron/core/accounts/sso/sessions';
import { everyKindConfig, everyKindCredentials, useAwsFixture } from './aws-fixture';

const sandbox = {
  endpoint: 'http://127.0.0.1:4599',
  region: 'us-east-1',
  accessKeyId: 'A',
  secretAccessKey: 'S',
};

describe('resolveSession', () => {
  it('keys an sso-session by its name and a legacy profile by its start URL, as the AWS CLI does', async () => {
    useAwsFixture(everyKindConfig, everyKindCredentials);
    const files = await readSharedFiles();
    expect(resolveSession(files, sandbox, { profile: 'corp-dev' })).toMatchObject({
      name: 'corp',
      cacheKey: 'corp',
      startUrl: 'https://d-9999999999.awsapps.com/start',
      region: 'eu-west-1',
      legacy: false,
    });
    expect(resolveSession(files, sandbox, { profile: 'legacy-sso' })).toMatchObject({
      cacheKey: 'https://d-1234567890.awsapps.com/start',
      region: 'us-east-1',
      legacy: true,
    });
  });

  it('gives the sandbox’s session, with the sandbox as its SSO and SSO-OIDC endpoint', async () => {
    useAwsFixture('', '');
    const files = await readSharedFiles();
    for (const target of [{ ssoSession: 'envelope-sandbox' }, { profile: 'sandbox' }]) {
      expect(resolveSession(files, sandbox, target)).toMatchObject({
        name: 'envelope-sandbox',
        oidcEndpoint: sandbox.endpoint,
        ssoEndpoint: sandbox.endpoint,
      });
    }
  });

  it('says what is missing for an unknown session or a profile without SSO', async () => {
    useAwsFixture(everyKindConfig, everyKindCredentials);
    const files = await readSharedFiles();
    expect(() => resolveSession(files, sandbox, { ssoSession: 'nope' })).toThrow(/no sso-session named nope/);
    expect(() => resolveSession(files, sandbox, { profile: 'default' })).toThrow(
      /does not use IAM Identity Center/,
    );
  });
});
