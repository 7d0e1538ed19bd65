import { describe, expect, it } from 'vitest';
import { ClientFactory } from '../../../electron/core/aws/client-factory';
import { configuredEndpoint } from '../../../electron/core/accounts/endpoint-config';

const credentials = () => Promise.resolve({ accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'example' });

describe('ClientFactory', () => {
  it('keeps one client per (profile, service, region)', () => {
    const factory = new ClientFactory(() => ({ credentials, endpointFor: () => undefined }));
    const a = factory.get('ec2', 'p', 'us-east-1');
    expect(factory.get('ec2', 'p', 'us-east-1')).toBe(a);
    expect(factory.get('ec2', 'p', 'eu-west-1')).not.toBe(a);
    expect(factory.get('ec2', 'q', 'us-east-1')).not.toBe(a);
    factory.destroy();
  });

  it('uses the adaptive retry mode and the endpoint configured for each service', () => {
    const factory = new ClientFactory(() => ({
      credentials,
      endpointFor: (service) => (service === 's3' ? 'http://127.0.0.1:9000' : undefined),
    }));
    expect(factory.config('p', 'us-east-1', 's3')).toMatchObject({
      retryMode: 'adaptive',
      endpoint: 'http://127.0.0.1:9000',
    });
    expect(factory.config('p', 'us-east-1', 'ec2')).not.toHaveProperty('endpoint');
    factory.destroy();
  });

  it('caches middleware resolution and drops the SDK logger middleware (no logger is configured)', () => {
    const factory = new ClientFactory(() => ({ credentials, endpointFor: () => undefined }));
    const ec2 = factory.get('ec2', 'p', 'us-east-1');
    expect(ec2.config.cacheMiddleware).toBe(true);
    const names = ec2.middlewareStack.identify().map((entry) => entry.split(' ')[0]);
    expect(names).toContain('retryMiddleware');
    expect(names).not.toContain('loggerMiddleware');
    factory.destroy();
  });
});

describe('configuredEndpoint', () => {
  const files = {
    config: {
      dev: { services: 'local', endpoint_url: 'http://profile-wide' },
      'services.local': { 'auto_scaling.endpoint_url': 'http://asg-only' },
    },
  };

  it('follows the SDK order: service variable, global variable, services section, endpoint_url', () => {
    expect(
      configuredEndpoint('Auto Scaling', [files.config.dev], files, {
        AWS_ENDPOINT_URL_AUTO_SCALING: 'http://env-asg',
      }),
    ).toBe('http://env-asg');
    expect(
      configuredEndpoint('Auto Scaling', [files.config.dev], files, { AWS_ENDPOINT_URL: 'http://env-all' }),
    ).toBe('http://env-all');
    expect(configuredEndpoint('Auto Scaling', [files.config.dev], files, {})).toBe('http://asg-only');
    expect(configuredEndpoint('EC2', [files.config.dev], files, {})).toBe('http://profile-wide');
    expect(
      configuredEndpoint('EC2', [files.config.dev], files, { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }),
    ).toBeUndefined();
  });
});
