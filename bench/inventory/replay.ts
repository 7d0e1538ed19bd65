// P1's floor: what the SDK and the scanner cost with no network at all. A recording handler keeps
// every answer of one scan of the sandbox; a replaying handler then hands the same bytes back at
// once. Scanning again through it times the SDK's signing, middleware and parsing plus the
// scanner's own work, with zero latency and no sandbox: no scan with this SDK can beat that here.
import { Readable } from 'node:stream';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpResponse } from '@smithy/types';

type HttpRequest = Parameters<NodeHttpHandler['handle']>[0];

interface Recorded {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

// The sandbox serves every region on one endpoint and tells them apart by the signature's scope
// (…/us-east-1/ec2/aws4_request), so the scope is part of what identifies a request.
function requestKey(request: HttpRequest, body: string): string {
  const auth = request.headers.authorization ?? request.headers.Authorization ?? '';
  const scope = /Credential=[^/]+\/\d+\/([^/]+\/[^/]+)\//.exec(auth)?.[1] ?? '';
  const query = new URLSearchParams(
    Object.entries(request.query ?? {}).flatMap(([k, v]): [string, string][] =>
      v === null ? [[k, '']] : typeof v === 'string' ? [[k, v]] : v.map((x) => [k, x]),
    ),
  ).toString();
  return `${scope} ${request.method} ${request.path}?${query} ${body}`;
}

const bodyText = (body: unknown): string =>
  body === undefined || body === null
    ? ''
    : typeof body === 'string'
      ? body
      : body instanceof Uint8Array
        ? Buffer.from(body).toString('utf8')
        : '';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

const responseOf = (r: Recorded): HttpResponse => ({
  statusCode: r.statusCode,
  headers: r.headers,
  body: Readable.from([r.body]),
});

export interface Recording {
  readonly handler: NodeHttpHandler;
  readonly answers: Map<string, Recorded>;
}

export function recordingHandler(): Recording {
  const inner = new NodeHttpHandler();
  const answers = new Map<string, Recorded>();
  const handler = Object.create(inner) as NodeHttpHandler;
  handler.handle = async (request: HttpRequest, options?: Parameters<NodeHttpHandler['handle']>[1]) => {
    const key = requestKey(request, bodyText(request.body));
    const { response } = await inner.handle(request, options);
    const recorded = {
      statusCode: response.statusCode,
      headers: response.headers,
      body: await readAll(response.body as Readable),
    };
    answers.set(key, recorded);
    return { response: responseOf(recorded) };
  };
  return { handler, answers };
}

export function replayingHandler(answers: ReadonlyMap<string, Recorded>): NodeHttpHandler {
  const handler = Object.create(new NodeHttpHandler()) as NodeHttpHandler;
  handler.handle = (request: HttpRequest) => {
    const recorded = answers.get(requestKey(request, bodyText(request.body)));
    if (!recorded) return Promise.reject(new Error(`not recorded: ${request.method} ${request.path}`));
    return Promise.resolve({ response: responseOf(recorded) });
  };
  return handler;
}
