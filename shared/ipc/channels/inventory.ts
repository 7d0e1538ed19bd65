// Inventory and KMS channels. A scan is long work: it answers with a job id at once, and
// `inventory:changed` tells the page when a scan (or the cache standing in for one) has landed;
// the page then reads it with `inventory:get`.
import { z } from 'zod';
import { channel } from '../channel';
import { inventorySchema } from '../../domain/inventory';
import { canonicalKeySchema } from '../../kms/key-reference';

const regionName = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'a region name such as eu-west-1');
// Omitted or empty: the selected region.
const regions = z.array(regionName).max(40).optional();

export const inventoryChannels = {
  'inventory:scan': channel(z.object({ regions }), z.object({ jobId: z.string() })),
  'inventory:get': channel(z.object({ regions }), inventorySchema),
  // Any reference form (key id, key ARN, alias name, alias ARN) → the canonical key, or a typed
  // error: invalid-key-reference, key-in-other-region, key-not-found, key-access-denied.
  'kms:resolve': channel(z.object({ ref: z.string().max(2048), region: regionName }), canonicalKeySchema),
  'kms:keyPolicy': channel(z.object({ keyArn: z.string().max(2048) }), z.object({ policy: z.string() })),
} as const;

export const inventoryEvents = {
  'inventory:changed': z.object({
    profile: z.string(),
    account: z.string().optional(),
    regions: z.array(
      z.object({ region: z.string(), scannedAt: z.number(), source: z.enum(['live', 'cache']) }),
    ),
  }),
} as const;
