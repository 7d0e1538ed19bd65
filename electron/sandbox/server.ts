// The sandbox's one HTTP server on 127.0.0.1. Each request goes: control API? → route by protocol
// (route.ts) → authenticate (auth.ts) → fault injection (faults.ts) → throttling (throttle.ts) →
// handler (dispatch.ts) → the protocol's answer. Nothing leaves as an HTML page or a stack trace:
// every failure is an AWS-shaped error of the request's protocol.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { authenticate, authFailure } from './auth';
import { AwsError, type CallContext } from './context';
import type { SandboxControl } from './control';
import { CONTROL_PREFIX, guardControl, handleControl } from './control-api';
import { prepare, type Prepared } from './dispatch';
import { BodyTooLargeError, delay, headerRecord, readBody, send } from './protocol/http-io';
import { readAuth } from './protocol/sigv4';
import {
  errorResponse,
  INTERNAL_ERRORS,
  newRequestId,
  UNAVAILABLE_ERRORS,
  type WireError,
  type WireResponse,
} from './protocol/wire';
import { resolveRoute, type Route } from './route';
import type { SandboxRuntime } from './runtime';
import { ec2BucketFor, kmsBucketFor } from './throttle';

const MAX_INTERNAL_ERRORS = 20;
// Services that are global (signed for us-east-1 whatever the client's region) or carry their
// own region check (S3 answers AuthorizationHeaderMalformed itself); the rest refuse regions the
// account cannot use, as AWS does for a region that is not opted in.
const REGION_CHECKED = new Set(['ec2', 'kms', 'sts', 'autoscaling']);

export function createSandboxServer(runtime: SandboxRuntime, control: SandboxControl): Server {
  const server = createServer((req, res) => {
    handle(runtime, control, req, res).catch((error: unknown) => {
      recordInternal(runtime, error);
      if (!res.headersSent) {
        send(res, {
          status: 500,
          headers: { 'content-type': 'application/json' },
          body: '{"message":"internal error"}',
        });
      }
    });
  });
  // Long enough that the SDK never reuses a socket the server is closing ("socket hang up" under
  // load); close() ends open sockets itself (closeAllConnections).
  server.keepAliveTimeout = 60_000;
  return server;
}

async function handle(
  runtime: SandboxRuntime,
  control: SandboxControl,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  let body: Buffer;
  let raw: Buffer;
  try {
    ({ body, raw } = await readBody(req));
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    send(res, {
      status: 413,
      headers: { 'content-type': 'application/json' },
      body: '{"message":"Request entity too large"}',
    });
    return;
  }
  if (url.pathname.startsWith(CONTROL_PREFIX)) {
    send(res, guardControl(req, runtime.controlToken) ?? handleControl(control, method, url.pathname, body));
    return;
  }
  const headers = headerRecord(req);
  const auth = readAuth(headers, url.searchParams);
  const route = resolveRoute(method, url, headers, body, auth);
  const prepared = prepare(route, { method, url, host: headers.host ?? '', headers, body });
  const requestId = newRequestId(prepared.protocol);
  const fail = (error: WireError): WireResponse =>
    errorResponse(error, {
      protocol: prepared.protocol,
      requestId,
      method,
      ...(prepared.namespace ? { namespace: prepared.namespace } : {}),
      ...(prepared.bucket ? { bucket: prepared.bucket } : {}),
    });

  runtime.faults.applyDue();
  const world = runtime.world;
  let caller = {
    accessKeyId: '',
    principalArn: '',
    accountId: world.defaultAccountId,
    region: world.sso.region,
  };
  if (prepared.protocol !== 'rest-json') {
    // A request through HTTP_PROXY names its target in absolute form (http://host:port/path); the
    // signature covers only the path ("A server MUST accept the absolute-form", RFC 9112 §3.2.2).
    const rawUrl = (req.url ?? '/').replace(/^https?:\/\/[^/?]*/i, '') || '/';
    const q = rawUrl.indexOf('?');
    const signed = runtime.verifySignatures
      ? {
          method,
          rawPath: q < 0 ? rawUrl : rawUrl.slice(0, q),
          rawQuery: q < 0 ? '' : rawUrl.slice(q + 1),
          headers,
          body: raw,
        }
      : undefined;
    const result = authenticate(world, runtime.clock.now(), prepared.protocol, auth, signed);
    if (!result.ok) return send(res, fail(result.error));
    caller = result.caller;
    if (prepared.service && REGION_CHECKED.has(prepared.service) && !isUsableRegion(runtime, caller.region)) {
      // A region the account cannot use answers like an unknown access key, as AWS does.
      return send(res, fail(authFailure(prepared.protocol, 'unknownKey')));
    }
  }
  if (prepared.error) return send(res, fail(prepared.error));

  // Faults stand for failures of the operation itself; a DryRun request performs nothing, so it
  // neither meets nor counts towards one (a preflight must not use up a test's fault).
  const outcome = isDryRun(route, body)
    ? { kind: 'none' as const, latencyMs: 0 }
    : runtime.faults.onCall(prepared.service ?? '', prepared.action);
  await delay(runtime.latencyMs + outcome.latencyMs);
  if (outcome.kind === 'drop') {
    req.socket.destroy();
    return;
  }
  if (outcome.kind === 'unavailable') return send(res, fail(UNAVAILABLE_ERRORS[prepared.protocol]));
  if (outcome.kind === 'fail') {
    return send(
      res,
      fail({
        code: outcome.code,
        message: outcome.message,
        status: outcome.status,
        fault: outcome.status >= 500 ? 'Receiver' : 'Sender',
      }),
    );
  }
  const throttled = checkThrottle(runtime, prepared, route.kind === 'query' ? route.params : {}, caller);
  if (throttled) return send(res, fail(throttled));

  const ctx: CallContext = { world, clock: runtime.clock, rates: runtime.rates, requestId, ...caller };
  try {
    send(res, prepared.invoke(ctx));
  } catch (error) {
    if (error instanceof AwsError) {
      send(
        res,
        fail({
          code: error.code,
          message: error.message,
          status: error.status,
          fault: error.fault,
          ...(error.headers ? { headers: error.headers } : {}),
        }),
      );
      return;
    }
    recordInternal(runtime, error);
    send(res, fail(INTERNAL_ERRORS[prepared.protocol]));
  }
}

function isUsableRegion(runtime: SandboxRuntime, region: string): boolean {
  const known = runtime.world.regions.find((r) => r.name === region);
  return known !== undefined && known.optInStatus !== 'not-opted-in';
}

function checkThrottle(
  runtime: SandboxRuntime,
  prepared: Prepared,
  params: Readonly<Record<string, string>>,
  caller: { accountId: string; region: string },
): WireError | undefined {
  const scope = `${prepared.service ?? ''}/${caller.accountId}/${caller.region}`;
  if (prepared.service === 'ec2' && !runtime.throttle.take(scope, ec2BucketFor(prepared.action, params))) {
    return {
      code: 'RequestLimitExceeded',
      message: 'Request limit exceeded.',
      status: 503,
      fault: 'Receiver',
    };
  }
  if (prepared.service === 'kms' && !runtime.throttle.take(scope, kmsBucketFor(prepared.action))) {
    return { code: 'ThrottlingException', message: 'Rate exceeded', status: 400, fault: 'Sender' };
  }
  return undefined;
}

function recordInternal(runtime: SandboxRuntime, error: unknown): void {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  runtime.internalErrors.push(text);
  if (runtime.internalErrors.length > MAX_INTERNAL_ERRORS) runtime.internalErrors.shift();
}

function isDryRun(route: Route, body: Buffer): boolean {
  if (route.kind === 'query') return route.params.DryRun === 'true';
  return route.kind === 'json' && /"DryRun"\s*:\s*true/.test(body.toString('utf8'));
}
