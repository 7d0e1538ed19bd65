import { describe, expect, it } from 'vitest';
import { AccountService } from '../../../electron/core/accounts/account-service';
import { scanIni, scanIniText } from '../../../electron/core/accounts/ini-scan';
import { EventBus } from '../../../electron/core/events/event-bus';
import { SettingsStore } from '../../../electron/core/settings/settings-store';
import { CANARY, everyKindConfig, everyKindCredentials, unusedSandbox, useAwsFixture } from './aws-fixture';

const service = async (dataDir: string) => {
  const accounts = new AccountService(unusedSandbox(), new EventBus(), new SettingsStore(dataDir));
  await accounts.init();
  return accounts;
};

describe('profile listing', () => {
  it('lists every kind with region and endpoint, and names the malformed line', async () => {
    const fixture = useAwsFixture(everyKindConfig, everyKindCredentials);
    const accounts = await service(fixture.dataDir);
    const listing = await accounts.listProfiles();
    const kinds = Object.fromEntries(listing.profiles.map((p) => [p.name, p.kind]));
    expect(kinds).toEqual({
      sandbox: 'sandbox',
      default: 'static',
      role: 'assume-role',
      'instance-role': 'assume-role',
      'legacy-sso': 'sso-legacy',
      'corp-dev': 'sso-session',
      broken: 'unknown',
      process: 'credential-process',
      web: 'web-identity',
      local: 'static',
      'mfa-user': 'mfa',
    });
    const byName = new Map(listing.profiles.map((p) => [p.name, p]));
    expect(byName.get('default')?.region).toBe('eu-west-1');
    expect(byName.get('broken')?.region).toBe('us-west-2'); // the rest of the section stays usable
    expect(byName.get('local')?.endpointUrl).toBe('http://127.0.0.1:4599');
    expect(byName.get('role')).toMatchObject({
      sourceProfile: 'default',
      mfaSerial: 'arn:aws:iam::111122223333:mfa/alice',
    });
    expect(byName.get('instance-role')?.credentialSource).toBe('Ec2InstanceMetadata');
    expect(listing.fileErrors).toEqual([
      { file: fixture.configPath, line: 27, message: expect.stringMatching(/neither/) as string },
    ]);
    expect(listing.ssoSessions.map((s) => [s.name, s.legacy])).toEqual([
      ['envelope-sandbox', false],
      ['corp', false],
      ['https://d-1234567890.awsapps.com/start', true],
    ]);
    expect(JSON.stringify(listing)).not.toContain(CANARY);
  });

  it('defaults to the sandbox when there is no profile, and to default when there is one', async () => {
    const empty = useAwsFixture('', '');
    expect((await service(empty.dataDir)).current().profile).toBe('sandbox');
    const full = useAwsFixture(everyKindConfig, everyKindCredentials);
    expect((await service(full.dataDir)).current()).toEqual({ profile: 'default', region: 'eu-west-1' });
  });

  it('keeps scan regions in the settings', async () => {
    const fixture = useAwsFixture('', '');
    const accounts = await service(fixture.dataDir);
    accounts.setScanRegions(['eu-west-1', 'us-east-1', 'eu-west-1']);
    expect((await service(fixture.dataDir)).scanRegions()).toEqual(['eu-west-1', 'us-east-1']);
  });
});

describe('scanIniText', () => {
  it.each([
    ['[profile a]\nregion = eu-west-1\n', []],
    ['; comment\n# comment\n\n[default]\nregion=eu-west-1 # trailing\n', []],
    ['[profile a]\nservices = s\n[services s]\nsso_oidc =\n  endpoint_url = http://x\n', []],
    ['[profile a]\nkey = value\n  continued value\n', []],
    ['region = eu-west-1\n', [1]],
    ['[profile a\nregion = eu-west-1\n', [1]],
    ['[profile a]\n= value\n', [2]],
    ['[profile a]\nnot a pair\n', [2]],
    ['[__proto__]\n', [1]],
    ['[a]\nregion = eu-west-1\n', [1]],
    // Values the SDK would send to a host that does not resolve (setting-values.ts).
    ['[profile a]\nregion = us-east-1a\n', [2]],
    ['[profile a]\nregion = US-EAST-1\n', [2]],
    ['[profile a]\nregion = us-east-1 \nsso_region = eu-west-1x\n', [3]],
    ['[profile a]\nregion = us-gov-west-1\n[profile b]\nregion = cn-northwest-1\n', []],
    ['[profile a]\nregion = eusc-de-east-1\n[profile b]\nregion = aws-global\n', []],
    ['[profile a]\nendpoint_url = localhost:4566\n', [2]],
    ['[profile a]\nendpoint_url = ftp://example.com\n', [2]],
    ['[profile a]\nendpoint_url = http://127.0.0.1:4566\n', []],
    ['[services s]\nec2 =\n  endpoint_url = not a url\n', [3]],
  ])('%j → errors on lines %j', (text, lines) => {
    expect(scanIniText(text, '/f', 'config').map((e) => e.line)).toEqual(lines);
  });

  it('accepts [name] sections in the credentials file', () => {
    expect(scanIniText('[a]\naws_access_key_id = x\n', '/f', 'credentials')).toEqual([]);
  });

  it('names the sections a bad value makes unusable, as the SDK keys them', () => {
    const text = [
      '[default]',
      'region = us-east-1',
      '[profile typo]',
      'region = us-east-1a',
      '[sso-session corp]',
      'sso_region = nowhere',
      '[services local]',
      's3 =',
      '  endpoint_url = 127.0.0.1:9000',
      '',
    ].join('\n');
    const { unusable } = scanIni(text, '/f', 'config');
    expect([...unusable.keys()]).toEqual(['typo', 'sso-session.corp', 'services.local']);
    expect(unusable.get('typo')).toEqual([
      { file: '/f', line: 4, message: expect.stringContaining('us-east-1a is not an AWS region name') },
    ]);
    expect(unusable.get('services.local')?.[0]?.line).toBe(9);
  });

  it('never quotes the offending line (it may hold a secret)', () => {
    const [error] = scanIniText(`[default]\naws_secret_access_key ${CANARY}\n`, '/f', 'credentials');
    expect(error?.line).toBe(2);
    expect(JSON.stringify(error)).not.toContain(CANARY);
  });
});
