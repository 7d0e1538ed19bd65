// What keeps a loopback HTTP server private to the person who started it, shared by the browser
// preview and the sandbox's control API: a per-run random token (compared in constant time) and a
// Host check against DNS rebinding. A page on another site can make the browser send requests to
// 127.0.0.1, but it cannot read the token, and a name it resolves to 127.0.0.1 still arrives with
// its own Host header.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const newToken = (): string => randomBytes(24).toString('base64url');

export function tokenMatches(
  expected: string,
  given: string | readonly string[] | null | undefined,
): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function hostAllowed(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}
