// What keeps the preview private to the person who started it: a per-run random token on every
// API call (compared in constant time), a Host check against DNS rebinding, and strict headers.
import type { ServerResponse } from 'node:http';
import type { ApiError } from '../../shared/ipc/channel';
import { MEDIA_TYPES } from '../../shared/media-types';

export const TOKEN_HEADER = 'x-envelope-token';
export const TOKEN_META = 'envelope-preview-token';

// The page's own files only: no inline script, no eval, no remote origin.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// The token and Host checks are shared with the sandbox's control API.
export { hostAllowed, newToken, tokenMatches } from '../core/security/loopback-guard';

export function setCommonHeaders(response: ServerResponse): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  response.setHeader('Cache-Control', 'no-store');
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': MEDIA_TYPES.json,
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

export function sendError(response: ServerResponse, status: number, error: ApiError): void {
  sendJson(response, status, { ok: false, error });
}

export const forbidden: ApiError = {
  code: 'forbidden',
  message: 'This request lacks the preview token.',
  hint: 'Open the URL that `npm run preview` printed; it carries the token for this run.',
};
