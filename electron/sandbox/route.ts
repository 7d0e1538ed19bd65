// Which service and protocol a request is for, decided the way AWS's front ends see it: a JSON
// target header (KMS), the SigV4 scope's service (S3, EC2, STS, IAM, Auto Scaling), an unsigned
// SSO portal or SSO-OIDC path, or, for unsigned Query requests, the API Version.
import type { QueryParams } from './context';
import type { AuthInfo } from './protocol/sigv4';
import { S3CONTROL_PATH } from './s3control/index';
import type { ServiceName } from './services';

export type Route =
  | {
      readonly kind: 'query';
      readonly service: 'ec2' | 'sts' | 'iam' | 'autoscaling' | undefined;
      readonly params: QueryParams;
    }
  | { readonly kind: 'json'; readonly target: string }
  | { readonly kind: 's3' }
  | { readonly kind: 's3control' }
  | {
      readonly kind: 'rest-json';
      readonly service: Extract<ServiceName, 'sso' | 'sso-oidc'>;
      readonly action: string;
    };

const QUERY_SERVICES = new Set(['ec2', 'sts', 'iam', 'autoscaling']);
const VERSION_TO_SERVICE: Record<string, 'ec2' | 'sts' | 'iam' | 'autoscaling'> = {
  '2016-11-15': 'ec2',
  '2011-06-15': 'sts',
  '2010-05-08': 'iam',
  '2011-01-01': 'autoscaling',
};

// SSO portal (GET, bearer token) and SSO-OIDC (POST, JSON) operations by method and path.
const SSO_ROUTES: Record<string, { service: 'sso' | 'sso-oidc'; action: string }> = {
  'GET /federation/credentials': { service: 'sso', action: 'GetRoleCredentials' },
  'GET /assignment/roles': { service: 'sso', action: 'ListAccountRoles' },
  'GET /assignment/accounts': { service: 'sso', action: 'ListAccounts' },
  'POST /logout': { service: 'sso', action: 'Logout' },
  'POST /client/register': { service: 'sso-oidc', action: 'RegisterClient' },
  'POST /device_authorization': { service: 'sso-oidc', action: 'StartDeviceAuthorization' },
  'POST /token': { service: 'sso-oidc', action: 'CreateToken' },
};

export function resolveRoute(
  method: string,
  url: URL,
  headers: Readonly<Record<string, string | undefined>>,
  body: Buffer,
  auth: AuthInfo,
): Route {
  const target = headers['x-amz-target'];
  if (target !== undefined) return { kind: 'json', target };
  const signedFor = auth.kind === 'sigv4' ? auth.scope.service : undefined;
  // S3 Control signs as s3 too; its paths start /v20180820/ (on <account-id>.s3-control hosts).
  if (signedFor === 's3') return S3CONTROL_PATH.test(url.pathname) ? { kind: 's3control' } : { kind: 's3' };
  if (signedFor === 'kms') return { kind: 'json', target: '' };
  if (auth.kind === 'none') {
    const sso = SSO_ROUTES[`${method} ${url.pathname}`];
    if (sso) return { kind: 'rest-json', ...sso };
  }
  const params = queryParams(method, url, headers, body);
  if (signedFor !== undefined && QUERY_SERVICES.has(signedFor)) {
    return { kind: 'query', service: signedFor as 'ec2' | 'sts' | 'iam' | 'autoscaling', params };
  }
  if (params.Action !== undefined) {
    return {
      kind: 'query',
      service: signedFor === undefined ? VERSION_TO_SERVICE[params.Version ?? ''] : undefined,
      params,
    };
  }
  return { kind: 's3' };
}

// Query parameters come from the URL (GET) and the form body (POST), as AWS accepts both.
function queryParams(
  method: string,
  url: URL,
  headers: Readonly<Record<string, string | undefined>>,
  body: Buffer,
): QueryParams {
  const params: Record<string, string> = {};
  for (const [k, v] of url.searchParams) params[k] = v;
  const type = headers['content-type'] ?? '';
  if (method === 'POST' && body.length > 0 && (type === '' || type.includes('x-www-form-urlencoded'))) {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params[k] = v;
  }
  return params;
}
