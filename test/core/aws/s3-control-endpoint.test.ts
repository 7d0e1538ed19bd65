// S3 Control on a custom endpoint: the account id goes in front of the host, so a loopback IP is
// named localhost and *.localhost resolves to the loopback address (RFC 6761 §6.3); the client
// core's factory builds reaches the sandbox given its plain http://127.0.0.1:PORT endpoint.
import { ListJobsCommand } from '@aws-sdk/client-s3-control';
import { describe, expect, it } from 'vitest';
import { configuredEndpoint } from '../../../electron/core/accounts/endpoint-config';
import { ClientFactory } from '../../../electron/core/aws/client-factory';
import {
  isLocalhostName,
  localhostLookup,
  s3ControlEndpoint,
} from '../../../electron/core/aws/s3-control-endpoint';
import { withSandbox } from '../../helpers/sandbox';

const sandbox = withSandbox();

function lookup(host: string, all: boolean): Promise<unknown> {
  return new Promise((resolve, reject) =>
    localhostLookup(host, { all }, (error, address, family) =>
      error ? reject(error) : resolve(all ? address : { address, family }),
    ),
  );
}

describe('S3 Control on a custom endpoint', () => {
  it('names a loopback IP endpoint localhost and leaves any other alone', () => {
    expect(s3ControlEndpoint('http://127.0.0.1:4599')).toBe('http://localhost:4599');
    expect(s3ControlEndpoint('http://[::1]:4599/')).toBe('http://localhost:4599/');
    expect(s3ControlEndpoint('https://s3-control.example.com')).toBe('https://s3-control.example.com');
  });

  it('resolves localhost names to the loopback address, in both of Node’s calling forms', async () => {
    expect(isLocalhostName('123456789012.localhost')).toBe(true);
    expect(isLocalhostName('localhost.example.com')).toBe(false);
    expect(await lookup('123456789012.localhost', false)).toEqual({ address: '127.0.0.1', family: 4 });
    expect(await lookup('123456789012.localhost', true)).toEqual([{ address: '127.0.0.1', family: 4 }]);
    await expect(lookup('no-such-host.invalid', false)).rejects.toMatchObject({ code: expect.any(String) });
  });

  it('is configured like every other service (AWS_ENDPOINT_URL_S3_CONTROL)', () => {
    expect(
      configuredEndpoint('S3 Control', [], { config: {} }, { AWS_ENDPOINT_URL_S3_CONTROL: 'http://control' }),
    ).toBe('http://control');
  });

  it('reaches the sandbox through the client core builds', async () => {
    const { accessKeyId, secretAccessKey, region } = sandbox.credentials;
    const factory = new ClientFactory(() => ({
      credentials: () => Promise.resolve({ accessKeyId, secretAccessKey }),
      endpointFor: () => sandbox.endpoint,
    }));
    try {
      const control = factory.get('s3control', 'sandbox', region);
      const { Jobs } = await control.send(new ListJobsCommand({ AccountId: '123456789012' }));
      expect(Jobs ?? []).toEqual([]);
    } finally {
      factory.destroy();
    }
  });
});
