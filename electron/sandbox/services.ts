// The registry of sandbox services: wire protocol, SigV4 signing name, and handlers by action.
// The server (server.ts) routes a request to a service, then to `handlers[action]`.
import type { JsonHandler, QueryHandler, RestHandler } from './context';
import { autoScalingHandlers } from './autoscaling/index';
import { ec2Handlers } from './ec2/index';
import { iamHandlers } from './iam/index';
import { kmsHandlers } from './kms/index';
import { s3Handler } from './s3/index';
import { s3ControlHandler } from './s3control/index';
import { ssoHandler, ssoOidcHandler } from './sso/index';
import { stsHandlers } from './sts/index';

export type ServiceName =
  'ec2' | 'sts' | 'iam' | 'autoscaling' | 'kms' | 's3' | 's3control' | 'sso' | 'sso-oidc';

export type ServiceDefinition =
  | { readonly protocol: 'ec2'; readonly version: string; readonly handlers: Record<string, QueryHandler> }
  | {
      readonly protocol: 'query';
      readonly version: string;
      readonly namespace: string;
      readonly handlers: Record<string, QueryHandler>;
    }
  | {
      readonly protocol: 'json';
      readonly targetPrefix: string;
      readonly handlers: Record<string, JsonHandler>;
    }
  | { readonly protocol: 'rest-xml' | 'rest-json'; readonly handler: RestHandler };

export const services: Record<ServiceName, ServiceDefinition> = {
  ec2: { protocol: 'ec2', version: '2016-11-15', handlers: ec2Handlers },
  sts: {
    protocol: 'query',
    version: '2011-06-15',
    namespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
    handlers: stsHandlers,
  },
  iam: {
    protocol: 'query',
    version: '2010-05-08',
    namespace: 'https://iam.amazonaws.com/doc/2010-05-08/',
    handlers: iamHandlers,
  },
  autoscaling: {
    protocol: 'query',
    version: '2011-01-01',
    namespace: 'http://autoscaling.amazonaws.com/doc/2011-01-01/',
    handlers: autoScalingHandlers,
  },
  kms: { protocol: 'json', targetPrefix: 'TrentService', handlers: kmsHandlers },
  s3: { protocol: 'rest-xml', handler: s3Handler },
  // S3 Batch Operations (s3control/index.ts): signed as s3, told apart by its /v20180820/ path.
  s3control: { protocol: 'rest-xml', handler: s3ControlHandler },
  sso: { protocol: 'rest-json', handler: ssoHandler },
  'sso-oidc': { protocol: 'rest-json', handler: ssoOidcHandler },
};

export function isServiceName(name: string): name is ServiceName {
  return Object.hasOwn(services, name);
}
