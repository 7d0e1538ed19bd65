import { describe, expect, it } from 'vitest';
import { CredentialCache } from '../../../electron/core/accounts/credential-cache';
import { configuredEndpoint } from '../../../electron/core/accounts/endpoint-config';
import { MfaBroker } from '../../../electron/core/accounts/mfa-broker';
import { EventBus } from '../../../electron/core/events/event-bus';

describe('CredentialCache', () => {
  it('asks the SDK provider once for concurrent callers and again only near expiry', async () => {
    let now = 0;
    let calls = 0;
    const cache = new CredentialCache(() => now);
    const provider = cache.provider('p', () => () => {
      calls += 1;
      return Promise.resolve({
        accessKeyId: 'A',
        secretAccessKey: `s${calls}`,
        expiration: new Date(now + 3_600_000),
      });
    });
    const [a, b] = await Promise.all([provider(), provider()]);
    expect(calls).toBe(1);
    expect(a).toBe(b);
    now += 3_000_000; // 10 minutes left: still fresh
    await provider();
    expect(calls).toBe(1);
    now += 400_000; // under the 5-minute window: refresh
    expect((await provider()).secretAccessKey).toBe('s2');
    expect(cache.expiresAt('p')).toBe(now + 3_600_000);
  });

  it('forgets a failure so the next call tries again', async () => {
    let calls = 0;
    const cache = new CredentialCache();
    const provider = cache.provider('p', () => () => {
      calls += 1;
      return calls === 1
        ? Promise.reject(new Error('no'))
        : Promise.resolve({ accessKeyId: 'A', secretAccessKey: 'S' });
    });
    await expect(provider()).rejects.toThrow('no');
    await expect(provider()).resolves.toMatchObject({ secretAccessKey: 'S' });
  });
});

describe('MfaBroker', () => {
  it('emits accounts:mfaRequired and resolves with the submitted code', async () => {
    const events = new EventBus();
    const broker = new MfaBroker(events);
    events.subscribe((name, payload) => {
      if (name === 'accounts:mfaRequired')
        broker.submit((payload as { requestId: string }).requestId, '123456');
    });
    await expect(broker.request({ profile: 'p', mfaSerial: 'arn:aws:iam::1:mfa/u' })).resolves.toBe('123456');
  });

  it('rejects with mfa-cancelled when the dialog is cancelled, and refuses unknown requests', async () => {
    const events = new EventBus();
    const broker = new MfaBroker(events);
    events.subscribe((name, payload) => {
      if (name === 'accounts:mfaRequired') broker.cancel((payload as { requestId: string }).requestId);
    });
    await expect(broker.request({ profile: 'p', mfaSerial: 's' })).rejects.toMatchObject({
      code: 'mfa-cancelled',
    });
    expect(() => broker.submit('nope', '123456')).toThrow(/no longer waiting/);
  });
});

describe('configuredEndpoint', () => {
  const files = {
    config: {
      'services.local': { 'sso_oidc.endpoint_url': 'http://oidc', 'sso.endpoint_url': 'http://sso' },
    },
  };
  it('follows the SDK’s order: service env, global env, services section, endpoint_url', () => {
    const section = { services: 'local', endpoint_url: 'http://all' };
    expect(configuredEndpoint('SSO OIDC', [section], files, {})).toBe('http://oidc');
    expect(configuredEndpoint('STS', [section], files, {})).toBe('http://all');
    expect(configuredEndpoint('SSO OIDC', [section], files, { AWS_ENDPOINT_URL: 'http://env' })).toBe(
      'http://env',
    );
    expect(
      configuredEndpoint('SSO OIDC', [section], files, {
        AWS_ENDPOINT_URL_SSO_OIDC: 'http://e1',
        AWS_ENDPOINT_URL: 'http://env',
      }),
    ).toBe('http://e1');
    expect(
      configuredEndpoint('SSO', [section], files, { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }),
    ).toBeUndefined();
    expect(configuredEndpoint('SSO', [undefined, { endpoint_url: 'http://second' }], files, {})).toBe(
      'http://second',
    );
  });
});
