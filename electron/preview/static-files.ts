// Serves the built renderer (out/renderer). index.html gets the run's token in a <meta> tag and
// the Content-Security-Policy header; other files are served as they are, never outside the folder.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import { MEDIA_TYPES, STATIC_CONTENT_TYPES } from '../../shared/media-types';
import { CONTENT_SECURITY_POLICY, TOKEN_META } from './guard';

const escapeAttribute = (value: string) => value.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);

export async function sendIndex(response: ServerResponse, rendererDir: string, token: string): Promise<void> {
  let html: string;
  try {
    html = await readFile(join(rendererDir, 'index.html'), 'utf8');
  } catch {
    response.writeHead(503, { 'Content-Type': MEDIA_TYPES.text });
    response.end('The renderer is not built. Run `npm run build:renderer`, then reload.\n');
    return;
  }
  const meta = `<meta name="${TOKEN_META}" content="${escapeAttribute(token)}" />`;
  const page = html.replace('</head>', `  ${meta}\n  </head>`);
  response.writeHead(200, {
    'Content-Type': MEDIA_TYPES.html,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Frame-Options': 'DENY',
  });
  response.end(page);
}

export async function sendStatic(
  response: ServerResponse,
  rendererDir: string,
  urlPath: string,
): Promise<boolean> {
  let relative: string;
  try {
    relative = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  } catch {
    return false;
  }
  const file = join(rendererDir, relative);
  if (!file.startsWith(rendererDir + sep) || relative.split(/[/\\]/).includes('..')) return false;
  const type = STATIC_CONTENT_TYPES[extname(file)];
  if (!type) return false;
  try {
    if (!(await stat(file)).isFile()) return false;
    const body = await readFile(file);
    response.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length });
    response.end(body);
    return true;
  } catch {
    return false;
  }
}
