import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SsoLoginService } from '../../../electron/core/accounts/sso/sso-login-service';
import type { ResolvedSession } from '../../../electron/core/accounts/sso/sessions';
import { EventBus } from '../../../electron/core/events/event-bus';
import { startFakeIdentityCenter, type FakeIdentityCenter, type TokenAnswer } from './fake-identity-center';
import { useAwsFixture } from './aws-fixture';

let fake: FakeIdentityCenter | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const session = (endpoint: string): ResolvedSession => ({
  name: 'corp',
  startUrl: 'https://d-9999999999.awsapps.com/start',
  region: 'eu-west-1',
  scopes: ['sso:account:access'],
  legacy: false,
  cacheKey: 'corp',
  oidcEndpoint: endpoint,
  ssoEndpoint: endpoint,
});

async function login(script: TokenAnswer[], opened?: string[], verificationUri?: string) {
  fake = await startFakeIdentityCenter({
    accessToken: 'access-token-1',
    refreshToken: 'refresh-token-1',
    script,
    ...(verificationUri ? { verificationUri } : {}),
  });
  const events = new EventBus();
  const states: string[] = [];
  const errors: string[] = [];
  const sleeps: number[] = [];
  events.subscribe((name, payload) => {
    if (name !== 'accounts:ssoLogin') return;
    const p = payload as { state: string; error?: string };
    states.push(p.state);
    if (p.error) errors.push(p.error);
  });
  const loggedIn: string[] = [];
  const service = new SsoLoginService({
    events,
    onLoggedIn: (s) => loggedIn.push(s.name),
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    ...(opened ? { openExternal: (url: string) => Promise.resolve(void opened.push(url)) } : {}),
  });
  const started = await service.start(session(fake.endpoint));
  const outcome = await service.wait(started.loginId);
  return { started, outcome, states, errors, sleeps, loggedIn, fake };
}

describe('SSO device login', () => {
  it('polls through pending and slow_down, then writes the token as the AWS CLI v2 does', async () => {
    const { home } = useAwsFixture('', '');
    const opened: string[] = [];
    const result = await login(['pending', 'slow-down', 'ok'], opened);
    expect(result.outcome).toBe('succeeded');
    expect(result.states).toEqual(['pending', 'succeeded']);
    expect(result.loggedIn).toEqual(['corp']);
    expect(result.sleeps).toEqual([1000, 1000, 6000]); // interval 1 s, +5 s after slow_down
    expect(result.fake.registeredScopes).toEqual([['sso:account:access']]);
    expect(result.started).toMatchObject({ userCode: 'ABCD-EFGH', opened: false }); // loopback URL: never opened
    expect(opened).toEqual([]);
    expect(JSON.stringify(result.started)).not.toMatch(
      /access-token|refresh-token|client-secret|device-code/,
    );

    const sha1 = createHash('sha1').update('corp').digest('hex');
    const path = join(home, '.aws', 'sso', 'cache', `${sha1}.json`);
    const text = readFileSync(path, 'utf8');
    expect(text).toMatch(
      /^\{"startUrl": "https:\/\/d-9999999999\.awsapps\.com\/start", "region": "eu-west-1", "accessToken": "access-token-1", "expiresAt": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "clientId": "client-1", "clientSecret": "client-secret-value", "registrationExpiresAt": "2030-03-17T17:46:40Z", "refreshToken": "refresh-token-1"\}$/,
    );
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, '.aws', 'sso', 'cache')).mode & 0o777).toBe(0o700);
  });

  it('opens an AWS verification page in the system browser, never another host', async () => {
    useAwsFixture('', '');
    const opened: string[] = [];
    const aws = await login(['ok'], opened, 'https://device.sso.eu-west-1.amazonaws.com/');
    expect(aws.started.opened).toBe(true);
    expect(opened).toEqual(['https://device.sso.eu-west-1.amazonaws.com/?user_code=ABCD-EFGH']);
    await fake?.close();
    const other = await login(['ok'], opened, 'https://device.sso.eu-west-1.amazonaws.com.evil.example/');
    expect(other.started.opened).toBe(false);
    expect(opened).toHaveLength(1);
  });

  it.each([
    ['expired', /expired/],
    ['denied', /denied/],
  ] as const)('reports %s as a failed login', async (answer, message) => {
    useAwsFixture('', '');
    const result = await login([answer]);
    expect(result.outcome).toBe('failed');
    expect(result.states).toEqual(['pending', 'failed']);
    expect(result.errors[0]).toMatch(message);
  });

  it('cancels a pending login', async () => {
    useAwsFixture('', '');
    fake = await startFakeIdentityCenter({ accessToken: 'a', script: ['pending'] });
    const events = new EventBus();
    const states: string[] = [];
    events.subscribe(
      (name, payload) => name === 'accounts:ssoLogin' && states.push((payload as { state: string }).state),
    );
    let release: (() => void) | undefined;
    const service = new SsoLoginService({
      events,
      onLoggedIn: () => undefined,
      sleep: (_ms, signal) =>
        new Promise<void>((resolve, reject) => {
          release = resolve;
          signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    });
    const { loginId } = await service.start(session(fake.endpoint));
    release?.();
    service.cancel(loginId);
    expect(await service.wait(loginId)).toBe('cancelled');
    expect(states).toEqual(['pending', 'cancelled']);
  });
});
