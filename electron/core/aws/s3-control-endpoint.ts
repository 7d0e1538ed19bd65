// S3 Control on a custom endpoint (the sandbox, a local gateway). The SDK's S3 Control endpoint
// rules put the account id in front of the endpoint's host, "{url#scheme}://{AccountId}.
// {url#authority}{url#path}" (botocore and @aws-sdk/client-s3-control endpoint-rule-set-1.json), so
// http://127.0.0.1:PORT would become http://123456789012.127.0.0.1:PORT, which is no URL at all (a
// host ending in a number must be an IPv4 address), and http://localhost:PORT becomes
// http://123456789012.localhost:PORT, a name Node's resolver does not know. RFC 6761 §6.3 says
// names under localhost. are the loopback address and that resolvers SHOULD answer them so
// (browsers do); the client's connections do exactly that, and only for those names.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { isIP } from 'node:net';
import { NodeHttpHandler } from '@smithy/node-http-handler';

const LOOPBACK_IP = new Set(['127.0.0.1', '::1', '[::1]']);

// A loopback IP endpoint named as localhost, so that the account id can go in front of it.
export function s3ControlEndpoint(endpoint: string): string {
  const url = new URL(endpoint);
  if (!LOOPBACK_IP.has(url.hostname)) return endpoint;
  url.hostname = 'localhost';
  return url.toString().replace(/\/$/, endpoint.endsWith('/') ? '/' : '');
}

export function isLocalhostName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

// net.connect's `lookup` option: *.localhost is 127.0.0.1 (both of Node's calling forms: one
// address, or `all` for happy eyeballs); any other name goes to the system resolver.
export function localhostLookup(host: string, options: LookupOptions, callback: LookupCallback): void {
  if (!isLocalhostName(host) || isIP(host) !== 0) {
    dnsLookup(host, { ...options, all: true }, (error, addresses) => {
      if (error) callback(error, []);
      else if (options.all) callback(null, addresses);
      else callback(null, addresses[0]?.address ?? '', addresses[0]?.family ?? 4);
    });
    return;
  }
  if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
}

// The request handler of an S3 Control client on a custom endpoint.
export function s3ControlRequestHandler(): NodeHttpHandler {
  const agentOptions = { keepAlive: true, lookup: localhostLookup as never };
  return new NodeHttpHandler({
    httpAgent: new HttpAgent(agentOptions),
    httpsAgent: new HttpsAgent(agentOptions),
  });
}
