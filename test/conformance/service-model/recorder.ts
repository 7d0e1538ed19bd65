// Records every raw HTTP answer an SDK client receives, before the SDK parses it: a middleware
// at the end of the deserialize step (inside the SDK's deserializer) reads the body bytes, keeps
// a copy, and hands the same bytes on, so the call, its paginator or its waiter behave as usual.
import { Readable } from 'node:stream';
import type { HttpResponse } from '@smithy/types';
import type { RawAnswer } from './answer';
import type { ModelService } from './model';

interface MiddlewareClient {
  readonly middlewareStack: {
    add(middleware: unknown, options: { step: 'deserialize'; name: string; priority: 'low' }): void;
  };
}

type Next = (args: { request: { method: string } }) => Promise<{ response: unknown }>;

async function readBody(body: unknown): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array();
  if (body instanceof Uint8Array) return body;
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer | string>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

// Adds the recorder to `client`; each answer is pushed to `sink` with the command's operation name.
export function recordAnswers<C extends MiddlewareClient>(
  client: C,
  service: ModelService,
  sink: RawAnswer[],
): C {
  const middleware =
    (next: Next, context: { commandName?: string }) => async (args: { request: { method: string } }) => {
      const result = await next(args);
      const response = result.response as HttpResponse;
      const bytes = await readBody(response.body);
      // Handed on as the stream it was: a streaming output (GetObject's Body) needs a Readable.
      response.body = Readable.from([Buffer.from(bytes)]);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) headers[name.toLowerCase()] = value;
      sink.push({
        service,
        operation: (context.commandName ?? 'Unknown').replace(/Command$/, ''),
        method: args.request.method,
        status: response.statusCode,
        headers,
        body: Buffer.from(bytes).toString('utf8'),
      });
      return result;
    };
  client.middlewareStack.add(middleware, {
    step: 'deserialize',
    name: 'conformanceRecorder',
    priority: 'low',
  });
  return client;
}
