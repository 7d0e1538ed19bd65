// Accounts as the renderer sees them: names, ids, kinds and expiry, never a secret.
import { z } from 'zod';

export const SANDBOX_PROFILE = 'sandbox';

export const profileKindSchema = z.enum([
  'sandbox',
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
