// From a routed request to a handler call: finds the operation in the service registry, and
// knows how to turn the handler's result into the protocol's answer. Errors found before the
// handler runs (unknown operation, malformed JSON) are returned, and sent only after
// authentication, as AWS checks credentials first.
import { AwsError, type CallContext, type RestRequest } from './context';
import { ec2Response, queryResponse } from './protocol/xml';
import {
  CONTENT_TYPES,
  requestIdHeaders,
  type Protocol,
  type WireError,
  type WireResponse,
} from './protocol/wire';
import { s3OperationName } from './protocol/s3-operation';
import { s3ControlOperation } from './s3control/index';
import type { Route } from './route';
import { services, type ServiceName } from './services';

export interface Prepared {
  readonly protocol: Protocol;
  readonly service: ServiceName | undefined;
  readonly action: string;
  readonly namespace?: string;
  readonly bucket?: string;
  readonly error?: WireError;
  readonly invoke: (ctx: CallContext) => WireResponse;
}

export interface RawRequest {
  readonly method: string;
  readonly url: URL;
  readonly host: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
}

const sender = (code: string, message: string, status = 400): WireError => ({
  code,
  message,
  status,
  fault: 'Sender',
});
const never = (): WireResponse => {
  throw new Error('unreachable: prepared with an error');
};

export function prepare(route: Route, raw: RawRequest): Prepared {
  switch (route.kind) {
    case 'query':
      return prepareQuery(route);
    case 'json':
      return prepareJson(route.target, raw.body);
    case 's3':
      return prepareS3(raw);
    case 's3control':
      return prepareRest('s3control', s3ControlOperation(raw.method, raw.url.pathname), raw);
    case 'rest-json':
      return prepareRest(route.service, route.action, raw);
  }
}

// S3 Control (REST-XML) and SSO / SSO-OIDC (REST-JSON): one handler per service, the whole path.
function prepareRest(service: 's3control' | 'sso' | 'sso-oidc', action: string, raw: RawRequest): Prepared {
  const definition = services[service];
  const protocol = definition.protocol === 'rest-xml' ? 'rest-xml' : 'rest-json';
  const handler =
    definition.protocol === 'rest-xml' || definition.protocol === 'rest-json'
      ? definition.handler
      : undefined;
  return {
    protocol,
    service,
    action,
    invoke: (ctx) => restAnswer(protocol, ctx, handler, restRequest(raw, raw.url.pathname)),
  };
}

function prepareQuery(route: Extract<Route, { kind: 'query' }>): Prepared {
  const action = route.params.Action ?? '';
  const definition = route.service ? services[route.service] : undefined;
  const protocol: Protocol = !definition || definition.protocol === 'ec2' ? 'ec2' : 'query';
  const namespace = definition?.protocol === 'query' ? definition.namespace : undefined;
  const base = { protocol, service: route.service, action, ...(namespace ? { namespace } : {}) };
  if (action === '')
    return {
      ...base,
      error: sender('MissingAction', 'The request must contain the parameter Action'),
      invoke: never,
    };
  const handlers =
    definition && (definition.protocol === 'ec2' || definition.protocol === 'query')
      ? definition.handlers
      : {};
  const handler = Object.hasOwn(handlers, action) ? handlers[action] : undefined;
  if (!definition || !handler) {
    const message =
      protocol === 'ec2'
        ? `The action ${action} is not valid for this web service.`
        : `Could not find operation ${action} for version ${route.params.Version ?? 'NO_VERSION_SPECIFIED'}`;
    return { ...base, error: sender('InvalidAction', message), invoke: never };
  }
  return {
    ...base,
    invoke: (ctx) => {
      const content = handler(ctx, route.params);
      const body =
        protocol === 'ec2'
          ? ec2Response(action, ctx.requestId, content)
          : queryResponse(namespace ?? '', action, ctx.requestId, content);
      return {
        status: 200,
        headers: { ...requestIdHeaders(protocol, ctx.requestId), 'content-type': CONTENT_TYPES[protocol] },
        body,
      };
    },
  };
}

function prepareJson(target: string, body: Buffer): Prepared {
  const definition = services.kms;
  const [prefix = '', operation = ''] = target.split('.');
  const base = { protocol: 'json' as const, service: 'kms' as const, action: operation };
  const handlers = definition.protocol === 'json' ? definition.handlers : {};
  const handler = Object.hasOwn(handlers, operation) ? handlers[operation] : undefined;
  if (definition.protocol !== 'json' || prefix !== definition.targetPrefix || !handler) {
    return { ...base, error: sender('UnknownOperationException', ''), invoke: never };
  }
  let input: unknown;
  try {
    input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    return {
      ...base,
      error: sender('SerializationException', 'Start of structure or map found where not expected.'),
      invoke: never,
    };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ...base,
      error: sender('SerializationException', 'Start of structure or map found where not expected.'),
      invoke: never,
    };
  }
  const parsed = input as Record<string, unknown>;
  return {
    ...base,
    invoke: (ctx) => ({
      status: 200,
      headers: { ...requestIdHeaders('json', ctx.requestId), 'content-type': CONTENT_TYPES.json },
      body: JSON.stringify(handler(ctx, parsed)),
    }),
  };
}

// Virtual-host style: the bucket is the first label of bucket.localhost / bucket.127.0.0.1 hosts;
// otherwise path style: /bucket/key.
export function splitS3Path(host: string, pathname: string): { bucket?: string; key: string } {
  const hostname = host.replace(/:\d+$/, '');
  const virtual = /^(.+)\.(localhost|127\.0\.0\.1|s3\.[a-z0-9-]+\.amazonaws\.com|s3\.amazonaws\.com)$/.exec(
    hostname,
  );
  const decoded = safeDecode(pathname);
  if (virtual?.[1]) return { bucket: virtual[1], key: decoded };
  const match = /^\/([^/]+)(\/.*)?$/.exec(decoded);
  if (!match?.[1]) return { key: '/' };
  return { bucket: match[1], key: match[2] ?? '/' };
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function prepareS3(raw: RawRequest): Prepared {
  const { bucket, key } = splitS3Path(raw.host, raw.url.pathname);
  const definition = services.s3;
  const isCopy = raw.headers['x-amz-copy-source'] !== undefined;
  const action = s3OperationName(raw.method, bucket, key, raw.url.searchParams, isCopy);
  return {
    protocol: 'rest-xml',
    service: 's3',
    action,
    ...(bucket ? { bucket } : {}),
    invoke: (ctx) =>
      restAnswer('rest-xml', ctx, definition.protocol === 'rest-xml' ? definition.handler : undefined, {
        ...restRequest(raw, key),
        ...(bucket ? { bucket } : {}),
      }),
  };
}

function restRequest(raw: RawRequest, path: string): RestRequest {
  return { method: raw.method, path, query: raw.url.searchParams, headers: raw.headers, body: raw.body };
}

function restAnswer(
  protocol: 'rest-xml' | 'rest-json',
  ctx: CallContext,
  handler:
    | ((
        ctx: CallContext,
        request: RestRequest,
      ) => { status: number; headers?: Record<string, string>; body?: string | Buffer })
    | undefined,
  request: RestRequest,
): WireResponse {
  if (!handler) throw new AwsError('NotImplemented', 'This operation is not implemented by the sandbox', 501);
  const answer = handler(ctx, request);
  const hasBody = answer.body !== undefined && answer.body !== '';
  return {
    status: answer.status,
    headers: {
      ...requestIdHeaders(protocol, ctx.requestId),
      ...(hasBody ? { 'content-type': CONTENT_TYPES[protocol] } : {}),
      ...answer.headers,
    },
    body: answer.body ?? '',
  };
}
