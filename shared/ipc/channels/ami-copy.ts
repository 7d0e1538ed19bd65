// Encrypted AMI copy channels. Planning checks everything and answers with a sealed plan; starting
// runs a plan as one job per copy (answered with the job ids at once); `amiCopy:progress` carries
// each copy's per-snapshot progress for the Run step. Cleanup and deregistering the source each
// need the user's confirmation, written into the call.
import { z } from 'zod';
import { channel } from '../channel';
import {
  amiCopyPlanViewSchema,
  amiCopyRequestSchema,
  copyProgressSchema,
  planKeySchema,
  sourceImageSchema,
} from '../../domain/ami-copy';
import { keyRecordSchema } from '../../domain/inventory';
import { planSchema } from '../../plans/plan-document';

const regionName = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'a region name such as eu-west-1');
const jobId = z.string().min(1).max(100);

export const amiCopyChannels = {
  // Owned, shared and (by name) public AMIs of a region matching an id or a name fragment.
  'amiCopy:images': channel(
    z.object({ region: regionName, query: z.string().max(256) }),
    z.object({ images: z.array(sourceImageSchema) }),
  ),
  // The destination region's keys with aliases, state, spec and manager.
  'amiCopy:keys': channel(z.object({ region: regionName }), z.object({ keys: z.array(keyRecordSchema) })),
  // Resolve and check a key for the copy (blank = the region's default EBS key); a clear error when
  // it cannot be used.
  'amiCopy:checkKey': channel(
    z.object({ region: regionName, ref: z.string().max(2048).optional() }),
    planKeySchema,
  ),
  'amiCopy:plan': channel(amiCopyRequestSchema, z.object({ plan: planSchema, view: amiCopyPlanViewSchema })),
  'amiCopy:start': channel(z.object({ plan: planSchema }), z.object({ jobIds: z.array(z.string()) })),
  'amiCopy:cleanup': channel(
    z.object({ jobId, confirm: z.literal(true) }),
    z.object({ deregistered: z.string().optional(), deletedSnapshots: z.array(z.string()) }),
  ),
  'amiCopy:deregisterSource': channel(
    z.object({ jobId, confirm: z.literal(true) }),
    z.object({ imageId: z.string(), region: z.string() }),
  ),
} as const;

export const amiCopyEvents = {
  'amiCopy:progress': copyProgressSchema,
} as const;
