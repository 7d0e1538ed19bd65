// The S3 re-encryption channels: a listing's progress reaches the event bus as 's3Encrypt:progress',
// a plan that is not a plan document or a bad bucket name is refused in words before the service.
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../electron/core/events/event-bus';
import { s3EncryptHandlers } from '../../../electron/core/handlers/s3-encrypt-handlers';
import { createDispatcher, type Handlers } from '../../../electron/core/ipc/dispatcher';
import type { S3EncryptApi } from '../../../electron/core/s3-encrypt/s3-encrypt-api';
import type { S3EncryptProgress } from '../../../shared/domain/s3-encrypt';

// As the service reports a listing: no job yet.
const listing: S3EncryptProgress = {
  jobId: '',
  bucket: 'avi-se-one',
  engine: 'local',
  phase: 'listing',
  objectsDone: 10,
  objectsTotal: 50,
  bytesDone: 1024,
  bytesTotal: 4096,
  failed: 0,
};

const fakeService: S3EncryptApi = {
  tally: (_bucket, _prefix, onProgress) => {
    onProgress?.(listing);
    return Promise.resolve({
      region: 'us-west-2',
      tallies: [{ encryption: 'sse-s3', objects: 50, bytes: 4096 }],
      tallyMethod: 'exact',
    });
  },
  keys: () => Promise.resolve({ region: 'us-west-2', keys: [] }),
  plan: () => Promise.reject(new Error('not used')),
  start: () => Promise.resolve('job-7'),
  run: () => Promise.reject(new Error('not used')),
};

function dispatcherFor(service: S3EncryptApi) {
  const events = new EventBus();
  const seen: { name: string; payload: unknown }[] = [];
  events.subscribe((name, payload) => seen.push({ name, payload }));
  const dispatch = createDispatcher(s3EncryptHandlers(service, events) as unknown as Handlers);
  return { dispatch, seen };
}

describe('s3Encrypt handlers', () => {
  it('sends the listing progress on the event bus as the planning job, and answers the tally', async () => {
    const { dispatch, seen } = dispatcherFor(fakeService);
    const answer = await dispatch('s3Encrypt:tally', { bucket: 'avi-se-one', prefix: 'images/' });
    expect(answer).toMatchObject({ ok: true, value: { region: 'us-west-2', tallyMethod: 'exact' } });
    expect(seen).toEqual([{ name: 's3Encrypt:progress', payload: { ...listing, jobId: 'planning' } }]);
  });

  it('refuses a start whose plan is not a plan document', async () => {
    const { dispatch } = dispatcherFor(fakeService);
    const plan = { not: 'a plan' };
    const refused = await dispatch('s3Encrypt:start', { plan });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('refuses a bad bucket name with what to fix, before the service is asked', async () => {
    const { dispatch } = dispatcherFor(fakeService);
    const answer = await dispatch('s3Encrypt:keys', { bucket: 'Not_A_Bucket' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    if (!answer.ok) expect(answer.error.message).toMatch(/bucket name/);
  });
});
