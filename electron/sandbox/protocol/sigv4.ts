// Reads who signed a request and for what: the SigV4 credential scope
// (Credential=AKID/20250101/us-west-2/ec2/aws4_request) in the Authorization header, or in the
// X-Amz-Credential query parameter of a presigned URL. The scope's service and region route the
// request (the SDK and the CLI sign with the service's signing name and the client's region).
// The signature itself is not recomputed: the sandbox checks that the key exists and matches the
// session token, which is what distinguishes AWS's error codes for bad credentials.

export interface CredentialScope {
  readonly accessKeyId: string;
  readonly date: string; // yyyymmdd
  readonly region: string;
  readonly service: string;
}

export type AuthInfo =
  | { readonly kind: 'none' }
  | { readonly kind: 'malformed'; readonly message: string }
  | { readonly kind: 'sigv4'; readonly scope: CredentialScope; readonly securityToken?: string };

function parseScope(credential: string): CredentialScope | undefined {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request') return undefined;
  const [accessKeyId = '', date = '', region = '', service = ''] = parts;
  if (!accessKeyId || !/^\d{8}$/.test(date) || !region || !service) return undefined;
  return { accessKeyId, date, region, service };
}

export function readAuth(
  headers: Readonly<Record<string, string | undefined>>,
  query: URLSearchParams,
): AuthInfo {
  const header = headers.authorization;
  const token = headers['x-amz-security-token'] ?? query.get('X-Amz-Security-Token') ?? undefined;
  if (header !== undefined) {
    if (!header.startsWith('AWS4-HMAC-SHA256 ')) {
      return {
        kind: 'malformed',
        message: `Authorization header requires 'Credential' parameter. Authorization=${header.split(' ')[0] ?? ''}`,
      };
    }
    const credential = /Credential=([^,\s]+)/.exec(header)?.[1];
    if (!credential)
      return { kind: 'malformed', message: "Authorization header requires 'Credential' parameter." };
    if (!/Signature=[0-9a-f]{64}/.test(header)) {
      return { kind: 'malformed', message: "Authorization header requires 'Signature' parameter." };
    }
    const scope = parseScope(credential);
    if (!scope)
      return {
        kind: 'malformed',
        message: `Credential should be scoped to a valid region. (${credential.split('/').slice(1).join('/')})`,
      };
    return token === undefined ? { kind: 'sigv4', scope } : { kind: 'sigv4', scope, securityToken: token };
  }
  const presigned = query.get('X-Amz-Credential');
  if (presigned !== null) {
    const scope = parseScope(presigned);
    if (!scope || query.get('X-Amz-Signature') === null)
      return {
        kind: 'malformed',
        message: 'Query-string authentication requires the X-Amz-Signature parameter.',
      };
    return token === undefined ? { kind: 'sigv4', scope } : { kind: 'sigv4', scope, securityToken: token };
  }
  return { kind: 'none' };
}
