// The wire protocols the sandbox speaks, and how each writes an answer and an error.
import { randomBytes, randomUUID } from 'node:crypto';
import { ec2ErrorResponse, queryErrorResponse, s3ErrorResponse } from './xml';

export type Protocol = 'ec2' | 'query' | 'json' | 'rest-xml' | 'rest-json';

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export interface WireError {
  readonly code: string;
  readonly message: string;
  readonly status: number;
  readonly fault: 'Sender' | 'Receiver';
  // Headers an error answer carries besides the request id (S3: x-amz-delete-marker on a 404).
  readonly headers?: Readonly<Record<string, string>>;
}

// S3 request ids are 16 uppercase hex digits with an opaque x-amz-id-2; the others are UUIDs.
export function newRequestId(protocol: Protocol): string {
  return protocol === 'rest-xml' ? randomBytes(8).toString('hex').toUpperCase() : randomUUID();
}

export function requestIdHeaders(protocol: Protocol, requestId: string): Record<string, string> {
  if (protocol === 'rest-xml') {
    return {
      'x-amz-request-id': requestId,
      'x-amz-id-2': randomBytes(48).toString('base64'),
      server: 'AmazonS3',
    };
  }
  return { 'x-amzn-RequestId': requestId };
}

export const CONTENT_TYPES: Record<Protocol, string> = {
  ec2: 'text/xml;charset=UTF-8',
  query: 'text/xml',
  json: 'application/x-amz-json-1.1',
  'rest-xml': 'application/xml',
  'rest-json': 'application/json',
};

export interface ErrorContext {
  readonly protocol: Protocol;
  readonly requestId: string;
  readonly namespace?: string; // awsQuery services
  readonly bucket?: string; // S3
  readonly method?: string; // S3 HEAD answers carry no body
}

// Bucket-level S3 errors name the bucket, as S3 does (<BucketName> after <Message>).
const S3_ERRORS_WITHOUT_BUCKET = new Set([
  'AccessDenied',
  'InvalidAccessKeyId',
  'InvalidToken',
  'ExpiredToken',
  'SlowDown',
  'ServiceUnavailable',
  'InternalError',
  'SignatureDoesNotMatch',
  'AuthorizationHeaderMalformed',
]);

export function errorResponse(error: WireError, ctx: ErrorContext): WireResponse {
  const headers: Record<string, string> = {
    ...requestIdHeaders(ctx.protocol, ctx.requestId),
    'content-type': CONTENT_TYPES[ctx.protocol],
    ...error.headers,
  };
  switch (ctx.protocol) {
    case 'ec2':
      return {
        status: error.status,
        headers,
        body: ec2ErrorResponse(error.code, error.message, ctx.requestId),
      };
    case 'query':
      return {
        status: error.status,
        headers,
        body: queryErrorResponse(ctx.namespace, error.fault, error.code, error.message, ctx.requestId),
      };
    case 'json':
      return {
        status: error.status,
        headers,
        body: JSON.stringify({ __type: error.code, message: error.message }),
      };
    case 'rest-json':
      return {
        status: error.status,
        headers: { ...headers, 'x-amzn-ErrorType': error.code },
        body: JSON.stringify({ message: error.message }),
      };
    case 'rest-xml': {
      if (ctx.method === 'HEAD') return { status: error.status, headers, body: '' };
      const extra =
        ctx.bucket && !S3_ERRORS_WITHOUT_BUCKET.has(error.code) ? { BucketName: ctx.bucket } : undefined;
      return {
        status: error.status,
        headers,
        body: s3ErrorResponse(error.code, error.message, ctx.requestId, headers['x-amz-id-2'] ?? '', extra),
      };
    }
  }
}

// An unexpected exception inside a handler: the client sees the service's internal error.
export const INTERNAL_ERRORS: Record<Protocol, WireError> = {
  ec2: { code: 'InternalError', message: 'An internal error has occurred.', status: 500, fault: 'Receiver' },
  query: {
    code: 'InternalFailure',
    message: 'The request processing has failed because of an unknown error, exception or failure.',
    status: 500,
    fault: 'Receiver',
  },
  json: {
    code: 'KMSInternalException',
    message: 'An internal error occurred.',
    status: 500,
    fault: 'Receiver',
  },
  'rest-xml': {
    code: 'InternalError',
    message: 'We encountered an internal error. Please try again.',
    status: 500,
    fault: 'Receiver',
  },
  'rest-json': {
    code: 'InternalServerException',
    message: 'An internal error occurred.',
    status: 500,
    fault: 'Receiver',
  },
};

// Fault injection's "become unavailable". EC2 documents Unavailable ("The server is overloaded
// and can't handle the request."); the others answer ServiceUnavailable, the code every service's
// "Common Errors" page lists for HTTP 503 (e.g. KMS API reference, Common Errors:
// "ServiceUnavailable — The request has failed due to a temporary failure of the server."). No
// KMS, SSO or SSO-OIDC operation documents a ServiceUnavailableException (their service models).
export const UNAVAILABLE_ERRORS: Record<Protocol, WireError> = {
  ec2: {
    code: 'Unavailable',
    message: "The server is overloaded and can't handle the request.",
    status: 503,
    fault: 'Receiver',
  },
  query: { code: 'ServiceUnavailable', message: 'Service Unavailable', status: 503, fault: 'Receiver' },
  json: {
    code: 'ServiceUnavailable',
    message: 'Service Unavailable',
    status: 503,
    fault: 'Receiver',
  },
  'rest-xml': { code: 'ServiceUnavailable', message: 'Service Unavailable', status: 503, fault: 'Receiver' },
  'rest-json': {
    code: 'ServiceUnavailable',
    message: 'Service Unavailable',
    status: 503,
    fault: 'Receiver',
  },
};
