// Accounts as the renderer sees them: names, ids, kinds and expiry, never a secret.
import { z } from 'zod';

export const SANDBOX_PROFILE = 'sandbox';
// Credentials from the environment (AWS_ACCESS_KEY_ID…), listed as a profile when present, as the
// SDK's default chain puts them first.
export const ENVIRONMENT_PROFILE = 'environment';
// The sso-session Envelope synthesizes for the sandbox account's IAM Identity Center (its start
// URL and endpoints are the running sandbox's); a profile using it reaches the live sandbox.
export const SANDBOX_SSO_SESSION = 'envelope-sandbox';

export const profileKindSchema = z.enum([
  'sandbox',
  'environment',
  'static',
  'assume-role',
  'mfa',
  'sso-legacy',
  'sso-session',
  'credential-process',
  'web-identity',
  'unknown',
]);
export type ProfileKind = z.infer<typeof profileKindSchema>;

export const profileSummarySchema = z.object({
  name: z.string(),
  kind: profileKindSchema,
  region: z.string().optional(),
  endpointUrl: z.string().optional(),
  sourceProfile: z.string().optional(),
  credentialSource: z.string().optional(),
  roleArn: z.string().optional(),
  mfaSerial: z.string().optional(),
  ssoSession: z.string().optional(),
  ssoStartUrl: z.string().optional(),
  ssoAccountId: z.string().optional(),
  ssoRoleName: z.string().optional(),
});
export type ProfileSummary = z.infer<typeof profileSummarySchema>;

export const profileFileErrorSchema = z.object({
  file: z.string(),
  line: z.number().optional(),
  message: z.string(),
});
export type ProfileFileError = z.infer<typeof profileFileErrorSchema>;

// An IAM Identity Center session: from an [sso-session NAME] section, or a legacy profile's
// sso_start_url (then the name is the start URL, as the AWS CLI's token cache keys it).
export const ssoSessionSummarySchema = z.object({
  name: z.string(),
  startUrl: z.string(),
  region: z.string(),
  legacy: z.boolean(),
  // When the cached access token expires (ms since epoch); absent when not logged in.
  expiresAt: z.number().optional(),
});
export type SsoSessionSummary = z.infer<typeof ssoSessionSummarySchema>;

export const identitySchema = z.object({
  profile: z.string(),
  accountId: z.string(),
  arn: z.string(),
  userId: z.string(),
  expiresAt: z.number().optional(), // ms since epoch, when the credentials expire
});
export type Identity = z.infer<typeof identitySchema>;

export const regionSchema = z.object({
  name: z.string(),
  optInStatus: z.string(),
});
export type RegionInfo = z.infer<typeof regionSchema>;

export const ssoAccountSchema = z.object({
  accountId: z.string(),
  accountName: z.string(),
  emailAddress: z.string().optional(),
  roles: z.array(z.string()),
});
export type SsoAccount = z.infer<typeof ssoAccountSchema>;

export const ssoLoginStateSchema = z.enum(['pending', 'succeeded', 'failed', 'cancelled']);
export type SsoLoginState = z.infer<typeof ssoLoginStateSchema>;
