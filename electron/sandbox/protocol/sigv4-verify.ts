// SigV4 signature check: recomputes the signature of a request with the secret of its access key
// (docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html) and compares. Only the
// headers the client listed in SignedHeaders take part, so proxies adding headers do not matter.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { CredentialScope } from './sigv4';

export interface SignedRequest {
  readonly method: string;
  readonly rawPath: string; // as sent, still URI-encoded, without the query string
  readonly rawQuery: string; // as sent, without '?'
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer; // as sent (before aws-chunked decoding)
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer =>
  createHmac('sha256', key).update(data, 'utf8').digest();

// RFC 3986 encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ is %XX (uppercase).
function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, '%20'));
  } catch {
    return value;
  }
}

function canonicalQuery(rawQuery: string): string {
  if (rawQuery === '') return '';
  return rawQuery
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = decode(eq < 0 ? pair : pair.slice(0, eq));
      const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
      return [uriEncode(key), uriEncode(value)] as const;
    })
    .filter(([key]) => key !== 'X-Amz-Signature')
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

// S3 signs the path as sent; every other service encodes each (already encoded) segment again.
function canonicalPath(rawPath: string, service: string): string {
  if (service === 's3') return rawPath === '' ? '/' : rawPath;
  return rawPath
    .split('/')
    .map((segment) => uriEncode(segment))
    .join('/');
}

export interface SignatureParts {
  readonly signedHeaders: string[];
  readonly signature: string;
  readonly amzDate: string;
  readonly presigned: boolean;
}

export function signatureParts(
  headers: Readonly<Record<string, string | undefined>>,
  query: URLSearchParams,
): SignatureParts | undefined {
  const header = headers.authorization;
  if (header !== undefined) {
    const signedHeaders = /SignedHeaders=([^,\s]+)/.exec(header)?.[1];
    const signature = /Signature=([0-9a-f]{64})/.exec(header)?.[1];
    const amzDate = headers['x-amz-date'];
    if (!signedHeaders || !signature || !amzDate) return undefined;
    return { signedHeaders: signedHeaders.split(';'), signature, amzDate, presigned: false };
  }
  const signedHeaders = query.get('X-Amz-SignedHeaders');
  const signature = query.get('X-Amz-Signature');
  const amzDate = query.get('X-Amz-Date');
  if (!signedHeaders || !signature || !amzDate) return undefined;
  return { signedHeaders: signedHeaders.split(';'), signature, amzDate, presigned: true };
}

export function expectedSignature(
  request: SignedRequest,
  scope: CredentialScope,
  parts: SignatureParts,
  secret: string,
): string {
  const canonicalHeaders = parts.signedHeaders
    .map((name) => `${name}:${(request.headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const payloadHash =
    request.headers['x-amz-content-sha256'] ??
    (parts.presigned && scope.service === 's3' ? 'UNSIGNED-PAYLOAD' : sha256(request.body));
  const canonicalRequest = [
    request.method,
    canonicalPath(request.rawPath, scope.service),
    canonicalQuery(request.rawQuery),
    canonicalHeaders,
    parts.signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  const credentialScope = `${scope.date}/${scope.region}/${scope.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', parts.amzDate, credentialScope, sha256(canonicalRequest)].join(
    '\n',
  );
  const key = hmac(
    hmac(hmac(hmac(`AWS4${secret}`, scope.date), scope.region), scope.service),
    'aws4_request',
  );
  return hmac(key, stringToSign).toString('hex');
}

export function signatureMatches(
  request: SignedRequest,
  scope: CredentialScope,
  parts: SignatureParts,
  secret: string,
): boolean {
  const expected = Buffer.from(expectedSignature(request, scope, parts, secret), 'hex');
  const given = Buffer.from(parts.signature, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
