// S3 objects re-encrypted under a KMS key (issue M). Planning lists the bucket (progress comes as
// 's3Encrypt:progress' with phase 'listing' and jobId 'planning') and answers with a sealed plan
// and its view; starting runs a plan as one job (answered with its id at once); the job's result
// is the report (S3EncryptResult). Resume and cancel go through the jobs channels as for every job.
import { z } from 'zod';
import { channel } from '../channel';
import {
  encryptionTallySchema,
  s3EncryptPlanViewSchema,
  s3EncryptProgressSchema,
  s3EncryptRequestSchema,
} from '../../domain/s3-encrypt';
import { keyRecordSchema } from '../../domain/inventory';
import { planSchema } from '../../plans/plan-document';

// The job id a listing's progress carries (a tally or a plan has no job yet).
export const S3_LISTING_JOB_ID = 'planning';

export const s3EncryptChannels = {
  // Objects by encryption under a prefix (the chart before any key is chosen). Exact up to the
  // batch threshold, sampled above (tallyMethod says which).
  's3Encrypt:tally': channel(
    z.object({ bucket: s3EncryptRequestSchema.shape.bucket, prefix: z.string().max(1024).optional() }),
    z.object({
      region: z.string(),
      tallies: z.array(encryptionTallySchema),
      tallyMethod: z.enum(['exact', 'sampled']),
      tallyNote: z.string().optional(),
    }),
  ),
  // The bucket region's keys, for the key picker.
  's3Encrypt:keys': channel(
    z.object({ bucket: s3EncryptRequestSchema.shape.bucket }),
    z.object({ region: z.string(), keys: z.array(keyRecordSchema) }),
  ),
  's3Encrypt:plan': channel(
    s3EncryptRequestSchema,
    z.object({ plan: planSchema, view: s3EncryptPlanViewSchema }),
  ),
  's3Encrypt:start': channel(z.object({ plan: planSchema }), z.object({ jobId: z.string() })),
} as const;

export const s3EncryptEvents = {
  's3Encrypt:progress': s3EncryptProgressSchema,
} as const;
