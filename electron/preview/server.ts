// The browser preview: core and the sandbox account behind a loopback-only HTTP server that also
// serves the built renderer. The page's window.api is the same contract over this transport:
//   POST /api/<channel>          X-Envelope-Token header, JSON args  → JSON Result from core.dispatch
//   GET  /api/events?token=…     Server-Sent Events {name, payload} from core.events
//   GET  /?token=…               index.html with the token in a <meta> tag, under a strict CSP
// A development and test tool: it never ships in an installer (no electron-vite entry imports it).
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../core/create-core';
import { defaultDataDir } from '../core/data-dir';
import { createSandboxProvider } from '../sandbox/provider';
import { streamEvents } from './event-stream';
import {
  forbidden,
  hostAllowed,
  newToken,
  sendError,
  sendJson,
  setCommonHeaders,
  TOKEN_HEADER,
  tokenMatches,
} from './guard';
import { sendIndex, sendStatic } from './static-files';

export const LOOPBACK = '127.0.0.1';
const MAX_BODY_BYTES = 1024 * 1024;

export interface PreviewOptions {
  readonly port?: number; // 0 or absent: a random free port
  readonly dataDir?: string;
  readonly scenario?: string;
  readonly rendererDir?: string;
}

export interface Preview {
  readonly url: string; // carries the token in its query: open it as printed
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  readonly core: Core;
  close(): Promise<void>;
}

const projectFile = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(projectFile('package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function handleCall(core: Core, channel: string, request: IncomingMessage, response: ServerResponse) {
  const body = await readBody(request);
  if (body === undefined) {
    sendError(response, 413, { code: 'invalid-argument', message: 'The request body is larger than 1 MiB.' });
    return;
  }
  let args: unknown;
  try {
    args = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    sendError(response, 400, { code: 'invalid-argument', message: 'The request body is not JSON.' });
    return;
  }
  sendJson(response, 200, await core.dispatch(channel, args));
}

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const token = newToken();
  const rendererDir = options.rendererDir ?? projectFile('out/renderer');
  const core = await createCore({
    dataDir: options.dataDir ?? defaultDataDir(),
    version: packageVersion(),
    shell: 'preview',
    sandbox: createSandboxProvider(options.scenario ? { scenario: options.scenario } : {}),
  });
  const streams = new Set<() => void>();
  let port = 0;

  const route = async (request: IncomingMessage, response: ServerResponse) => {
    setCommonHeaders(response);
    if (!hostAllowed(request, port))
      return sendError(response, 403, { code: 'forbidden', message: 'Unexpected Host header.' });
    const url = new URL(request.url ?? '/', `http://${LOOPBACK}:${port}`);
    const method = request.method ?? 'GET';

    if (url.pathname === '/api/events') {
      if (method !== 'GET')
        return sendError(response, 405, { code: 'method-not-allowed', message: 'Use GET.' });
      if (!tokenMatches(token, url.searchParams.get('token'))) return sendError(response, 403, forbidden);
      const end = streamEvents(response, core.events);
      streams.add(end);
      response.on('close', () => streams.delete(end));
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (!tokenMatches(token, request.headers[TOKEN_HEADER])) return sendError(response, 403, forbidden);
      if (method !== 'POST')
        return sendError(response, 405, { code: 'method-not-allowed', message: 'Use POST.' });
      return handleCall(core, decodeURIComponent(url.pathname.slice('/api/'.length)), request, response);
    }
    if (method !== 'GET' && method !== 'HEAD')
      return sendError(response, 405, { code: 'method-not-allowed', message: 'Use GET.' });
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (!tokenMatches(token, url.searchParams.get('token'))) return sendError(response, 403, forbidden);
      return sendIndex(response, rendererDir, token);
    }
    if (await sendStatic(response, rendererDir, url.pathname)) return;
    sendError(response, 404, { code: 'not-found', message: `Nothing at ${url.pathname}.` });
  };

  const server = createServer((request, response) => {
    route(request, response).catch(() => {
      if (!response.headersSent)
        sendError(response, 500, { code: 'internal', message: 'The preview server failed.' });
      else response.end();
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, LOOPBACK, () => resolve());
    });
  } catch (error) {
    await core.dispose();
    throw error;
  }
  port = (server.address() as AddressInfo).port;
  const origin = `http://${LOOPBACK}:${port}`;

  return {
    url: `${origin}/?token=${token}#/overview`,
    origin,
    port,
    token,
    core,
    async close() {
      for (const end of streams) end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.dispose();
    },
  };
}
