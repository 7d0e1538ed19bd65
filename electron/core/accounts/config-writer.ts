// Adds a profile to ~/.aws/config for an account and role picked after an IAM Identity Center
// login. It only ever appends: what the file holds, comments included, stays byte for byte.
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SANDBOX_PROFILE, SANDBOX_SSO_SESSION } from '../../../shared/domain/accounts';
import { AppError } from '../errors/app-error';
import { profileNames, type SharedFiles } from './profile-files';
import type { ResolvedSession } from './sso/sessions';

export interface NewSsoProfile {
  readonly name: string;
  readonly accountId: string;
  readonly roleName: string;
  readonly region: string;
}

// The text that will be appended (also shown to the user before confirming).
export function profileText(files: SharedFiles, profile: NewSsoProfile, session: ResolvedSession): string {
  const lines: string[] = [];
  const isSandbox = session.name === SANDBOX_SSO_SESSION;
  if (!session.legacy && !files.config[`sso-session.${session.name}`]) {
    // Only the sandbox's session can be missing: Envelope synthesizes it from the running sandbox.
    lines.push(
      '',
      '# Envelope sandbox: the loopback IAM Identity Center of the sandbox account.',
      `[sso-session ${session.name}]`,
      `sso_start_url = ${session.startUrl}`,
      `sso_region = ${session.region}`,
      'sso_registration_scopes = sso:account:access',
    );
  }
  lines.push('', `[profile ${profile.name}]`);
  if (session.legacy) lines.push(`sso_start_url = ${session.startUrl}`, `sso_region = ${session.region}`);
  else lines.push(`sso_session = ${session.name}`);
  lines.push(
    `sso_account_id = ${profile.accountId}`,
    `sso_role_name = ${profile.roleName}`,
    `region = ${profile.region}`,
  );
  // The sandbox's endpoint, for every service (the standard endpoint_url setting); Envelope uses the
  // live sandbox's address for this session in any case, the AWS CLI uses this one.
  if (isSandbox && session.ssoEndpoint) lines.push(`endpoint_url = ${session.ssoEndpoint}`);
  return `${lines.join('\n')}\n`;
}

export async function appendSsoProfile(
  files: SharedFiles,
  profile: NewSsoProfile,
  session: ResolvedSession,
): Promise<void> {
  if (profile.name === SANDBOX_PROFILE || profileNames(files).includes(profile.name)) {
    throw new AppError(
      'already-exists',
      `A profile named ${profile.name} already exists.`,
      'Choose another name.',
    );
  }
  const path = files.configPath;
  let existing = '';
  try {
    existing = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  }
  // A file that does not end with a newline gets one first, so the new header starts its own line.
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  const text = profileText(files, profile, session);
  await appendFile(path, separator + (existing === '' ? text.replace(/^\n/, '') : text), { mode: 0o600 });
}
