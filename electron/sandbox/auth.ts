// Authentication: who is calling. The access key id from the SigV4 scope must exist in
// world.accessKeys; temporary keys (from AssumeRole) also need their session token and must not
// have expired on the simulated clock. Each protocol refuses with the codes its service uses.
import type { AuthInfo } from './protocol/sigv4';
import { signatureMatches, signatureParts, type SignedRequest } from './protocol/sigv4-verify';
import type { Protocol, WireError } from './protocol/wire';
import type { SandboxWorld } from './world';

export type AuthFailure = 'missing' | 'unknownKey' | 'badToken' | 'expired' | 'malformed' | 'signature';

const sender = (code: string, message: string, status: number): WireError => ({
  code,
  message,
  status,
  fault: 'Sender',
});

const EC2_CREDENTIALS = 'AWS was not able to validate the provided access credentials';
const QUERY_INVALID = 'The security token included in the request is invalid.';
const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

const AUTH_ERRORS: Record<
  Exclude<Protocol, 'rest-json'>,
  Record<AuthFailure, (detail: string) => WireError>
> = {
  ec2: {
    missing: () => sender('AuthFailure', EC2_CREDENTIALS, 401),
    unknownKey: () => sender('AuthFailure', EC2_CREDENTIALS, 401),
    badToken: () => sender('AuthFailure', EC2_CREDENTIALS, 401),
    expired: () => sender('RequestExpired', 'Request has expired.', 400),
    malformed: (d) => sender('IncompleteSignature', d, 400),
    signature: () => sender('AuthFailure', EC2_CREDENTIALS, 401),
  },
  query: {
    missing: () => sender('MissingAuthenticationToken', 'Request is missing Authentication Token', 403),
    unknownKey: () => sender('InvalidClientTokenId', QUERY_INVALID, 403),
    badToken: () => sender('InvalidClientTokenId', QUERY_INVALID, 403),
    expired: () => sender('ExpiredToken', 'The security token included in the request is expired', 403),
    malformed: (d) => sender('IncompleteSignature', d, 400),
    signature: () => sender('SignatureDoesNotMatch', SIGNATURE_MISMATCH, 403),
  },
  json: {
    missing: () => sender('MissingAuthenticationTokenException', 'Missing Authentication Token', 400),
    unknownKey: () => sender('UnrecognizedClientException', QUERY_INVALID, 400),
    badToken: () => sender('UnrecognizedClientException', QUERY_INVALID, 400),
    expired: () =>
      sender('ExpiredTokenException', 'The security token included in the request is expired', 400),
    malformed: (d) => sender('IncompleteSignatureException', d, 400),
    signature: () => sender('InvalidSignatureException', SIGNATURE_MISMATCH, 400),
  },
  'rest-xml': {
    missing: () => sender('AccessDenied', 'Access Denied', 403),
    unknownKey: () =>
      sender('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', 403),
    badToken: () => sender('InvalidToken', 'The provided token is malformed or otherwise invalid.', 400),
    expired: () => sender('ExpiredToken', 'The provided token has expired.', 400),
    malformed: (d) => sender('AuthorizationHeaderMalformed', d, 400),
    signature: () =>
      sender(
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
        403,
      ),
  },
};

// The error a protocol answers for one kind of authentication failure.
export function authFailure(
  protocol: Exclude<Protocol, 'rest-json'>,
  failure: AuthFailure,
  detail = '',
): WireError {
  return AUTH_ERRORS[protocol][failure](detail);
}

export interface Caller {
  readonly accessKeyId: string;
  readonly principalArn: string;
  readonly accountId: string;
  readonly region: string;
}

export type AuthResult = { ok: true; caller: Caller } | { ok: false; error: WireError };

export function authenticate(
  world: SandboxWorld,
  now: number,
  protocol: Exclude<Protocol, 'rest-json'>,
  auth: AuthInfo,
  // The request as sent, when signatures are checked (StartSandboxOptions.verifySignatures).
  signed?: SignedRequest,
): AuthResult {
  const errors = AUTH_ERRORS[protocol];
  if (auth.kind === 'none') return { ok: false, error: errors.missing('') };
  if (auth.kind === 'malformed') return { ok: false, error: errors.malformed(auth.message) };
  const key = world.accessKeys.get(auth.scope.accessKeyId);
  if (!key) return { ok: false, error: errors.unknownKey('') };
  if (key.sessionToken !== undefined && key.sessionToken !== auth.securityToken) {
    return { ok: false, error: errors.badToken('') };
  }
  if (signed) {
    const parts = signatureParts(signed.headers, new URLSearchParams(signed.rawQuery));
    if (!parts)
      return {
        ok: false,
        error: errors.malformed("Authorization header requires 'SignedHeaders' and X-Amz-Date."),
      };
    if (!signatureMatches(signed, auth.scope, parts, key.secretAccessKey))
      return { ok: false, error: errors.signature('') };
  }
  if (key.expiresAt !== undefined && key.expiresAt <= now) return { ok: false, error: errors.expired('') };
  const accountId = /^arn:aws:(?:iam|sts)::(\d{12}):/.exec(key.principalArn)?.[1] ?? world.defaultAccountId;
  return {
    ok: true,
    caller: {
      accessKeyId: key.accessKeyId,
      principalArn: key.principalArn,
      accountId,
      region: auth.scope.region,
    },
  };
}
