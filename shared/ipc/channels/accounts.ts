import { z } from 'zod';
import { channel, noInput, ok } from '../channel';
import { identitySchema, profileFileErrorSchema, profileSummarySchema, regionSchema } from '../../domain/accounts';

const profileName = z.string().min(1).max(128);
const regionName = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'a region name such as eu-west-1');

export const selectionSchema = z.object({ profile: profileName, region: regionName });

export const accountChannels = {
  'accounts:list': channel(
    noInput,
    z.object({
      profiles: z.array(profileSummarySchema),
      // Files that could not be read fully: the other profiles stay usable.
      fileErrors: z.array(profileFileErrorSchema),
      selection: selectionSchema,
    }),
  ),
  'accounts:select': channel(z.object({ profile: profileName, region: regionName.optional() }), selectionSchema),
  'accounts:identity': channel(z.object({ profile: profileName.optional() }), identitySchema),
  'regions:list': channel(z.object({ profile: profileName.optional() }), z.object({ regions: z.array(regionSchema) })),
} as const;

export const accountEvents = {
  'accounts:changed': selectionSchema,
} as const;

export { ok };
