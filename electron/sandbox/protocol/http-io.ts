// Reading requests and writing answers on node:http.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WireResponse } from './wire';

// The largest body the sandbox accepts (S3 objects are not modeled; bucket configurations and
// Query forms are small). Larger bodies are refused rather than buffered.
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

// `raw` as sent (what the signature covers), `body` with aws-chunked framing removed.
export async function readBody(req: IncomingMessage): Promise<{ raw: Buffer; body: Buffer }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError(`body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  const raw = Buffer.concat(chunks);
  return { raw, body: isAwsChunked(req) ? decodeAwsChunked(raw) : raw };
}

// S3 streaming uploads (SigV4 "STREAMING-…" payloads, flexible-checksum trailers) frame the body
// as `hex-size[;chunk-signature=…]\r\n<data>\r\n … 0…\r\n[trailers]\r\n`.
function isAwsChunked(req: IncomingMessage): boolean {
  const encoding = req.headers['content-encoding'] ?? '';
  const sha = req.headers['x-amz-content-sha256'] ?? '';
  return encoding.includes('aws-chunked') || (typeof sha === 'string' && sha.startsWith('STREAMING-'));
}

function decodeAwsChunked(framed: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset < framed.length) {
    const lineEnd = framed.indexOf('\r\n', offset);
    if (lineEnd < 0) break;
    const size = parseInt(framed.subarray(offset, lineEnd).toString('latin1').split(';')[0] ?? '', 16);
    if (!Number.isFinite(size) || size === 0) break;
    const start = lineEnd + 2;
    parts.push(framed.subarray(start, start + size));
    offset = start + size + 2;
  }
  return Buffer.concat(parts);
}

export function headerRecord(req: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  return headers;
}

export function send(res: ServerResponse, response: WireResponse): void {
  if (res.headersSent || res.destroyed) return;
  const body = typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : response.body;
  // A HEAD answer has no body but the length a GET's body would have (S3 HeadObject's
  // Content-Length is the object's size; RFC 9110 §9.3.2).
  const headLength = res.req.method === 'HEAD' ? response.headers?.['content-length'] : undefined;
  res.writeHead(response.status, {
    ...response.headers,
    'content-length': headLength ?? String(body.length),
  });
  res.end(body);
}

export function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
