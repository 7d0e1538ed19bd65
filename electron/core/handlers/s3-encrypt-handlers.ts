// S3 re-encryption channels over the S3EncryptApi. Listing a bucket (the tally, the plan) can take
// a while, so its progress goes out on the event bus as 's3Encrypt:progress' (phase 'listing',
// jobId 'planning'), the way a copy's progress goes out as 'amiCopy:progress'; a run's progress
// comes from the service's job itself.
import type { S3EncryptProgress } from '../../../shared/domain/s3-encrypt';
import { S3_LISTING_JOB_ID } from '../../../shared/ipc/channels/s3-encrypt';
import type { EventBus } from '../events/event-bus';
import type { Handlers } from '../ipc/dispatcher';
import type { S3EncryptApi } from '../s3-encrypt/s3-encrypt-api';

type S3EncryptHandlers = Pick<
  Handlers,
  's3Encrypt:tally' | 's3Encrypt:keys' | 's3Encrypt:plan' | 's3Encrypt:start'
>;

export function s3EncryptHandlers(service: S3EncryptApi, events: EventBus): S3EncryptHandlers {
  // The page tells a listing from a run by its job id; the service leaves a listing's blank.
  const emitProgress = (progress: S3EncryptProgress) =>
    events.emit('s3Encrypt:progress', { ...progress, jobId: S3_LISTING_JOB_ID });
  return {
    's3Encrypt:tally': ({ bucket, prefix }) => service.tally(bucket, prefix, emitProgress),
    's3Encrypt:keys': ({ bucket }) => service.keys(bucket),
    's3Encrypt:plan': (request) => service.plan(request, emitProgress),
    's3Encrypt:start': async ({ plan }) => ({ jobId: await service.start(plan) }),
  };
}
