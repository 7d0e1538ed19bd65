// One SDK client per (profile, service, region), created on first use and kept: the adaptive
// retry mode's client-side rate limiter then acts as the shared throttle for that scope (see
// AWS-FACTS §4). Every service of core gets its clients here, for real accounts and the sandbox
// alike: the sandbox differs only by its endpoint and credentials, the SDK's standard settings.
import { createRequire } from 'node:module';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { KMSClient } from '@aws-sdk/client-kms';
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3ControlClient } from '@aws-sdk/client-s3-control';
import type { STSClient } from '@aws-sdk/client-sts';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { CLIENT_SETTINGS, withoutSdkLogging } from './client-tuning';
import { s3ControlEndpoint, s3ControlRequestHandler } from './s3-control-endpoint';

export interface AccountAccess {
  readonly credentials: AwsCredentialIdentityProvider;
  // The endpoint for one service, from the standard settings (AWS_ENDPOINT_URL_<SERVICE>,
  // AWS_ENDPOINT_URL, the profile's `services` section, its endpoint_url), or the sandbox's;
  // undefined means AWS's own endpoint.
  readonly endpointFor: (service: ServiceName) => string | undefined;
}

export interface ClientConfig {
  readonly region: string;
  readonly credentials: AwsCredentialIdentityProvider;
  readonly endpoint?: string;
  readonly retryMode: 'adaptive';
  readonly maxAttempts: number;
}

// Each client's package is loaded the first time a client of that service is made: loading all
// six costs the CLI seconds at start-up (EC2's alone is the largest), and `envelope whoami` needs
// STS only. The SDK's packages are CommonJS for Node, so require() returns the very module an
// `import` of the same package gets.
const load = createRequire(import.meta.url);
export const services = {
  ec2: () => (load('@aws-sdk/client-ec2') as { EC2Client: typeof EC2Client }).EC2Client,
  kms: () => (load('@aws-sdk/client-kms') as { KMSClient: typeof KMSClient }).KMSClient,
  s3: () => (load('@aws-sdk/client-s3') as { S3Client: typeof S3Client }).S3Client,
  // S3 Batch Operations (s3-encrypt/batch).
  s3control: () =>
    (load('@aws-sdk/client-s3-control') as { S3ControlClient: typeof S3ControlClient }).S3ControlClient,
  sts: () => (load('@aws-sdk/client-sts') as { STSClient: typeof STSClient }).STSClient,
  iam: () => (load('@aws-sdk/client-iam') as { IAMClient: typeof IAMClient }).IAMClient,
  autoscaling: () =>
    (load('@aws-sdk/client-auto-scaling') as { AutoScalingClient: typeof AutoScalingClient })
      .AutoScalingClient,
} as const;
export type ServiceName = keyof typeof services;
type ClientOf<S extends ServiceName> = InstanceType<ReturnType<(typeof services)[S]>>;

export class ClientFactory {
  private readonly clients = new Map<string, { destroy(): void }>();

  constructor(private readonly access: (profile: string) => AccountAccess) {}

  config(profile: string, region: string, service: ServiceName = 'ec2'): ClientConfig {
    const { credentials, endpointFor } = this.access(profile);
    const endpoint = endpointFor(service);
    return {
      region,
      credentials,
      retryMode: 'adaptive',
      // Throttling storms are normal during fleet work; more attempts than the default 3.
      maxAttempts: 8,
      ...(endpoint === undefined ? {} : { endpoint }),
    };
  }

  get<S extends ServiceName>(service: S, profile: string, region: string): ClientOf<S> {
    const key = `${profile}|${service}|${region}`;
    let client = this.clients.get(key);
    if (!client) {
      const config = this.config(profile, region, service);
      const Client = services[service]() as unknown as new (c: object) => ClientOf<S>;
      // S3 on a custom endpoint (the sandbox, a local gateway) needs path-style addressing.
      const pathStyle = service === 's3' && config.endpoint ? { forcePathStyle: true } : {};
      // S3 Control on a custom endpoint: the account id goes in front of its host (s3-control-endpoint.ts).
      const control =
        service === 's3control' && config.endpoint
          ? { endpoint: s3ControlEndpoint(config.endpoint), requestHandler: s3ControlRequestHandler() }
          : {};
      client = withoutSdkLogging(new Client({ ...config, ...CLIENT_SETTINGS, ...pathStyle, ...control }));
      this.clients.set(key, client);
    }
    return client as ClientOf<S>;
  }

  // Drops a profile's clients (after a new login, or when its credentials change).
  forget(profile: string): void {
    for (const [key, client] of this.clients) {
      if (key.startsWith(`${profile}|`)) {
        client.destroy();
        this.clients.delete(key);
      }
    }
  }

  destroy(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }
}
