// ~/.aws/config and ~/.aws/credentials as the SDK reads them (AWS_CONFIG_FILE and
// AWS_SHARED_CREDENTIALS_FILE honoured), plus the line errors the SDK's loader keeps to itself.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getHomeDir, loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { ProfileFileError } from '../../../shared/domain/accounts';
import { scanIni, type IniFileRole, type IniScan } from './ini-scan';

export type Section = Readonly<Record<string, string | undefined>>;

export interface SharedFiles {
  readonly configPath: string;
  readonly credentialsPath: string;
  // As the SDK parses it: profiles by name, and 'sso-session.NAME' / 'services.NAME' sections.
  readonly config: Readonly<Record<string, Section>>;
  readonly credentials: Readonly<Record<string, Section>>;
  readonly errors: readonly ProfileFileError[];
  // Config sections with a value that makes them unusable (an invalid region or endpoint_url),
  // keyed like `config`, with the file and line to fix.
  readonly unusable: ReadonlyMap<string, readonly ProfileFileError[]>;
}

export interface SsoSessionDefinition {
  // The [sso-session NAME], or for a legacy profile the start URL (the token cache's key).
  readonly name: string;
  readonly startUrl: string;
  readonly region: string;
  readonly legacy: boolean;
  readonly scopes: readonly string[];
}

export const configFilePath = (): string =>
  process.env.AWS_CONFIG_FILE || join(getHomeDir(), '.aws', 'config');
export const credentialsFilePath = (): string =>
  process.env.AWS_SHARED_CREDENTIALS_FILE || join(getHomeDir(), '.aws', 'credentials');

const nonProfilePrefixes = ['sso-session.', 'services.'];

async function scanFile(path: string, role: IniFileRole): Promise<IniScan> {
  try {
    return scanIni(await readFile(path, 'utf8'), path, role);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const unusable = new Map<string, ProfileFileError[]>();
    if (code === 'ENOENT') return { errors: [], unusable }; // no file is a normal setup, not an error
    const message = `Envelope cannot read this file (${code ?? 'unknown error'}).`;
    return { errors: [{ file: path, message }], unusable };
  }
}

export async function readSharedFiles(): Promise<SharedFiles> {
  const configPath = configFilePath();
  const credentialsPath = credentialsFilePath();
  const [files, configScan, credentialScan] = await Promise.all([
    loadSharedConfigFiles({ ignoreCache: true, configFilepath: configPath, filepath: credentialsPath }),
    scanFile(configPath, 'config'),
    scanFile(credentialsPath, 'credentials'),
  ]);
  return {
    configPath,
    credentialsPath,
    config: files.configFile,
    credentials: files.credentialsFile,
    errors: [...configScan.errors, ...credentialScan.errors],
    unusable: configScan.unusable,
  };
}

export function profileNames(files: SharedFiles): string[] {
  const names = new Set([...Object.keys(files.credentials), ...Object.keys(files.config)]);
  return [...names].filter((name) => !nonProfilePrefixes.some((prefix) => name.startsWith(prefix))).sort();
}

// A profile's keys from both files; the config file wins where both set a key.
export function profileSection(files: SharedFiles, name: string): Section | undefined {
  const fromCredentials = files.credentials[name];
  const fromConfig = files.config[name];
  if (!fromCredentials && !fromConfig) return undefined;
  return { ...fromCredentials, ...fromConfig };
}

// Why a profile cannot be used as written: a bad value in its own section, its sso-session or its
// services section. Empty when nothing stands in the way.
export function unusableReasons(files: SharedFiles, name: string): readonly ProfileFileError[] {
  const section = files.config[name];
  const keys = [
    name,
    ...(section?.sso_session ? [`sso-session.${section.sso_session}`] : []),
    ...(section?.services ? [`services.${section.services}`] : []),
  ];
  return keys.flatMap((key) => files.unusable.get(key) ?? []);
}

const scopesOf = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

// Every IAM Identity Center session the files name: [sso-session x] sections, and the start URLs
// of legacy profiles (sso_start_url in the profile itself).
export function ssoSessionDefinitions(files: SharedFiles): SsoSessionDefinition[] {
  const sessions: SsoSessionDefinition[] = [];
  for (const [key, section] of Object.entries(files.config)) {
    if (!key.startsWith('sso-session.')) continue;
    const { sso_start_url: startUrl, sso_region: region } = section;
    if (!startUrl || !region) continue;
    const name = key.slice('sso-session.'.length);
    sessions.push({
      name,
      startUrl,
      region,
      legacy: false,
      scopes: scopesOf(section.sso_registration_scopes),
    });
  }
  for (const name of profileNames(files)) {
    const section = files.config[name];
    if (!section?.sso_start_url || section.sso_session || !section.sso_region) continue;
    if (sessions.some((s) => s.legacy && s.name === section.sso_start_url)) continue;
    sessions.push({
      name: section.sso_start_url,
      startUrl: section.sso_start_url,
      region: section.sso_region,
      legacy: true,
      scopes: [],
    });
  }
  return sessions.sort((a, b) => a.name.localeCompare(b.name));
}
