// The control API over HTTP, JSON in and out, under /_sandbox/ (a prefix no AWS API uses and no
// bucket can be named: underscores are invalid in bucket names). Listening on 127.0.0.1 is not
// enough: any web page the user opens can make the browser send requests there. So every control
// call carries the per-run token printed at start (header x-sandbox-token) and a Host of
// 127.0.0.1 or localhost with the sandbox's port (against DNS rebinding), with the preview's guard.
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { hostAllowed, tokenMatches } from '../core/security/loopback-guard';
import type { SandboxControl } from './control';
import type { WireResponse } from './protocol/wire';

export const CONTROL_PREFIX = '/_sandbox/';
export const CONTROL_TOKEN_HEADER = 'x-sandbox-token';

const scenarioBody = z.object({
  name: z.string().min(1),
  params: z.record(z.string(), z.unknown()).default({}),
});
const clockBody = z.object({ advanceMs: z.number().min(0).optional(), speed: z.number().min(0).optional() });
const throttlingBody = z.object({ enabled: z.boolean() });
const latencyBody = z.object({ ms: z.number().min(0) });
const approveBody = z.object({ userCode: z.string().min(1) });

function json(status: number, value: unknown): WireResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

function parseBody(body: Buffer): unknown {
  return body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
}

// The refusal a request without the token or with a foreign Host gets; nothing runs.
export function guardControl(request: IncomingMessage, token: string): WireResponse | undefined {
  if (!hostAllowed(request, request.socket.localPort ?? 0)) {
    return json(403, { error: 'Forbidden', message: 'Unexpected Host header: use 127.0.0.1 or localhost.' });
  }
  if (!tokenMatches(token, request.headers[CONTROL_TOKEN_HEADER])) {
    return json(403, {
      error: 'Forbidden',
      message: `This control call lacks the sandbox's token: send the token \`envelope sandbox\` printed in the ${CONTROL_TOKEN_HEADER} header.`,
    });
  }
  return undefined;
}

export function handleControl(
  control: SandboxControl,
  method: string,
  pathname: string,
  body: Buffer,
): WireResponse {
  const route = `${method} ${pathname.slice(CONTROL_PREFIX.length).replace(/\/$/, '')}`;
  try {
    switch (route) {
      case 'GET health':
        return json(200, control.health());
      case 'POST reset':
        control.reset();
        return json(200, control.health());
      case 'POST scenario': {
        const { name, params } = scenarioBody.parse(parseBody(body));
        control.loadScenario(name, params);
        return json(200, control.health());
      }
      case 'POST clock': {
        const { advanceMs, speed } = clockBody.parse(parseBody(body));
        if (speed !== undefined) control.setSpeed(speed);
        if (advanceMs !== undefined) control.advanceClock(advanceMs);
        return json(200, control.health());
      }
      case 'POST throttling':
        control.setThrottling(throttlingBody.parse(parseBody(body)).enabled);
        return json(200, control.health());
      case 'POST latency':
        control.setLatency(latencyBody.parse(parseBody(body)).ms);
        return json(200, control.health());
      case 'GET faults':
        return json(200, { faults: control.listFaults() });
      case 'POST faults': {
        const input = parseBody(body);
        const specs = Array.isArray(input) ? input : [input];
        const ids = specs.map((spec) => control.addFault(spec as Parameters<SandboxControl['addFault']>[0]));
        return json(200, { ids });
      }
      case 'DELETE faults':
        control.clearFaults();
        return json(200, { faults: [] });
      case 'GET state':
        return json(200, control.dumpState());
      case 'POST sso/approve':
        control.approveDevice(approveBody.parse(parseBody(body)).userCode);
        return json(200, { approved: true });
      default:
        return json(404, { error: 'NotFound', message: `no control operation ${route}` });
    }
  } catch (error) {
    const message =
      error instanceof z.ZodError
        ? z.prettifyError(error)
        : error instanceof Error
          ? error.message
          : String(error);
    return json(400, { error: 'BadRequest', message });
  }
}
