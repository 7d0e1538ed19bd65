// The AWS CLI v2's SSO token cache, written exactly as the CLI writes it so that the CLI, the
// SDK's fromSSO and Envelope share one login: ~/.aws/sso/cache/<sha1 hex of the sso-session name,
// or of the start URL for legacy profiles>.json, JSON as Python's json.dumps prints it, times as
// ISO 8601 UTC without fractions, the file 0600 in a 0700 directory.
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { getSSOTokenFilepath } from '@smithy/shared-ini-file-loader';
import { registerSecret } from '../../log';

export interface SsoTokenFile {
  readonly startUrl: string;
  readonly region: string;
  readonly accessToken: string;
  readonly expiresAt: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly registrationExpiresAt: string;
  readonly refreshToken?: string;
}

export const ssoTokenPath = (cacheKey: string): string => getSSOTokenFilepath(cacheKey);

// '2026-11-22T05:00:00Z', as the CLI's strftime('%Y-%m-%dT%H:%M:%SZ').
export const cliTimestamp = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

// Python's json.dumps with its default separators (', ' and ': '), keys in insertion order.
export function pythonJsonDumps(value: Readonly<Record<string, string>>): string {
  const body = Object.entries(value)
    .map(
      ([key, item]) =>
        `${JSON.stringify(key)}: ${JSON.stringify(item).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}`,
    )
    .join(', ');
  return `{${body}}`;
}

export async function writeSsoToken(cacheKey: string, token: SsoTokenFile): Promise<string> {
  const path = ssoTokenPath(cacheKey);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await chmod(dirname(path), 0o700);
  const ordered: Record<string, string> = {
    startUrl: token.startUrl,
    region: token.region,
    accessToken: token.accessToken,
    expiresAt: token.expiresAt,
    clientId: token.clientId,
    clientSecret: token.clientSecret,
    registrationExpiresAt: token.registrationExpiresAt,
    ...(token.refreshToken === undefined ? {} : { refreshToken: token.refreshToken }),
  };
  // Written beside and renamed, so fromSSO never reads half a file.
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, pythonJsonDumps(ordered), { mode: 0o600 });
  await rename(temporary, path);
  return path;
}

// The cached token of a session, when there is one that parses; its secrets are registered.
export async function readSsoToken(
  cacheKey: string,
): Promise<(Partial<SsoTokenFile> & { expiresAtMs?: number }) | undefined> {
  try {
    const parsed = JSON.parse(await readFile(ssoTokenPath(cacheKey), 'utf8')) as Partial<SsoTokenFile>;
    registerSecret(parsed.accessToken);
    registerSecret(parsed.refreshToken);
    registerSecret(parsed.clientSecret);
    const expiresAtMs = parsed.expiresAt ? Date.parse(parsed.expiresAt) : Number.NaN;
    return Number.isNaN(expiresAtMs) ? parsed : { ...parsed, expiresAtMs };
  } catch {
    return undefined;
  }
}
