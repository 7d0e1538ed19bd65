// Accounts, IAM Identity Center login, MFA and regions. No payload here ever carries a secret:
// SSO tokens, client secrets and keys stay in main (the MFA code only travels renderer → main).
import { z } from 'zod';
import { channel, noInput, ok } from '../channel';
import {
  identitySchema,
  profileFileErrorSchema,
  profileSummarySchema,
  regionSchema,
  ssoAccountSchema,
  ssoLoginStateSchema,
  ssoSessionSummarySchema,
} from '../../domain/accounts';

const profileName = z.string().min(1).max(128);
// What Envelope writes as a new [profile NAME] header: the characters the AWS CLI accepts.
const newProfileName = z.string().regex(/^[A-Za-z0-9_.@+-]{1,64}$/, 'letters, digits and _ . @ + -');
const sessionName = z.string().min(1).max(256);
const regionName = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'a region name such as eu-west-1');
const requestId = z.string().min(1).max(64);

export const selectionSchema = z.object({ profile: profileName, region: regionName });

export const accountChannels = {
  'accounts:list': channel(
    noInput,
    z.object({
      profiles: z.array(profileSummarySchema),
      // Files that could not be read fully: the other profiles stay usable.
      fileErrors: z.array(profileFileErrorSchema),
      ssoSessions: z.array(ssoSessionSummarySchema),
      selection: selectionSchema,
      // The regions a scanning page covers at once (the selected region when empty).
      scanRegions: z.array(regionName),
    }),
  ),
  'accounts:select': channel(
    z.object({ profile: profileName, region: regionName.optional() }),
    selectionSchema,
  ),
  'accounts:identity': channel(z.object({ profile: profileName.optional() }), identitySchema),
  'accounts:setScanRegions': channel(z.object({ regions: z.array(regionName).max(40) }), ok),
  // The answer to an accounts:mfaRequired event: the code from the user's MFA device.
  'accounts:submitMfa': channel(z.object({ requestId, code: z.string().regex(/^\d{6}$/, 'six digits') }), ok),
  'accounts:cancelMfa': channel(z.object({ requestId }), ok),
  // Starts the device authorization flow for an sso-session, or for the session a profile uses.
  'accounts:ssoStart': channel(
    z.union([z.object({ ssoSession: sessionName }).strict(), z.object({ profile: profileName }).strict()]),
    z.object({
      loginId: z.string(),
      userCode: z.string(),
      verificationUri: z.string(),
      verificationUriComplete: z.string(),
      expiresAt: z.number(), // ms since epoch, when the user code expires
      // Whether Envelope opened the page in the system browser (never for a loopback sandbox URL).
      opened: z.boolean(),
    }),
  ),
  'accounts:ssoCancel': channel(z.object({ loginId: z.string().min(1).max(64) }), ok),
  'accounts:ssoAccounts': channel(
    z.object({ ssoSession: sessionName }),
    z.object({ accounts: z.array(ssoAccountSchema) }),
  ),
  // Appends a [profile NAME] section to ~/.aws/config (after the user confirmed it).
  'accounts:addProfile': channel(
    z.object({
      name: newProfileName,
      ssoSession: sessionName,
      accountId: z.string().regex(/^\d{12}$/, 'a 12-digit account id'),
      roleName: z.string().regex(/^[\w+=,.@-]{1,64}$/, 'an IAM role name'),
      region: regionName,
    }),
    ok,
  ),
  'regions:list': channel(
    z.object({ profile: profileName.optional() }),
    z.object({ regions: z.array(regionSchema) }),
  ),
} as const;

export const accountEvents = {
  'accounts:changed': selectionSchema,
  // Core needs an MFA code to get credentials for a profile; answer with accounts:submitMfa.
  'accounts:mfaRequired': z.object({ requestId, profile: profileName, mfaSerial: z.string() }),
  'accounts:ssoLogin': z.object({
    loginId: z.string(),
    ssoSession: z.string(),
    state: ssoLoginStateSchema,
    error: z.string().optional(),
  }),
} as const;

export { ok };
