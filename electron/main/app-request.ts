// Maps an app://envelope/... request to a file under the renderer's build folder, refusing
// anything that would leave it (../, encoded ../, absolute paths, backslashes, NUL) and any other
// host. Pure, so the refusals are unit-tested without Electron.
import { extname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { MEDIA_TYPES, STATIC_CONTENT_TYPES } from '../../shared/media-types';

export type AppRequest =
  { readonly ok: true; readonly path: string } | { readonly ok: false; readonly status: 400 | 403 | 404 };

export function resolveAppRequest(rootDir: string, rawUrl: string): AppRequest {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 403 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { ok: false, status: 400 };
  const relativePath = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = normalize(rootDir);
  const target = normalize(join(root, relativePath));
  const fromRoot = relative(root, target);
  if (fromRoot === '' || fromRoot.startsWith(`..${sep}`) || fromRoot === '..' || isAbsolute(fromRoot)) {
    return { ok: false, status: 403 };
  }
  return { ok: true, path: target };
}

export function contentTypeFor(path: string): string {
  return STATIC_CONTENT_TYPES[extname(path).toLowerCase()] ?? MEDIA_TYPES.octetStream;
}
