// The S3 objects store: a listing's progress is shown only while the page waits for that bucket;
// a run's progress is kept by job; Run is refused twice at once, while the preflight denies and
// while S3 Batch Operations has no role able to run the job.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBlocker, useS3EncryptStore } from '../../../renderer/stores/s3-encrypt-store';
import type { S3EncryptProgress } from '../../../shared/domain/s3-encrypt';
import { installFakeApi, uninstallFakeApi, type FakeApi } from '../fake-api';
import { BUCKET, plan, tallyAnswer, view } from './fixtures';

const listing = (bucket: string): S3EncryptProgress => ({
  jobId: 'planning',
  bucket,
  engine: 'local',
  phase: 'listing',
  objectsDone: 5,
  objectsTotal: 50,
  bytesDone: 5,
  bytesTotal: 50,
  failed: 0,
});

let fake: FakeApi;
beforeEach(() => {
  useS3EncryptStore.getState().reset();
  useS3EncryptStore.setState({ bucket: '', progress: {} });
  fake = installFakeApi({ 's3Encrypt:start': () => ({ jobId: 'job-s3' }) });
});
afterEach(() => uninstallFakeApi());

describe('useS3EncryptStore', () => {
  it('shows a listing only while it waits for that bucket', async () => {
    let answer!: () => void;
    fake.setHandler('s3Encrypt:tally', () => new Promise((r) => (answer = () => r(tallyAnswer))));
    const store = useS3EncryptStore.getState();
    store.setBucket(BUCKET);
    store.applyProgress(listing(BUCKET));
    expect(useS3EncryptStore.getState().listing).toBeUndefined(); // nothing asked yet
    const counting = useS3EncryptStore.getState().countObjects();
    await Promise.resolve();
    useS3EncryptStore.getState().applyProgress(listing('another-bucket'));
    expect(useS3EncryptStore.getState().listing).toBeUndefined();
    useS3EncryptStore.getState().applyProgress(listing(BUCKET));
    expect(useS3EncryptStore.getState().listing?.objectsDone).toBe(5);
    answer();
    await counting;
    expect(useS3EncryptStore.getState().listing).toBeUndefined();
    expect(useS3EncryptStore.getState().tally.status).toBe('ready');
  });

  it('keeps each run’s latest progress by its job id', () => {
    useS3EncryptStore.getState().applyProgress({ ...listing(BUCKET), jobId: 'job-s3', phase: 'copying' });
    expect(useS3EncryptStore.getState().progress['job-s3']?.phase).toBe('copying');
  });

  it('starts the reviewed plan once, and never one the preflight denies', async () => {
    useS3EncryptStore.setState({ plan: { status: 'ready', value: { plan, view } } });
    await Promise.all([useS3EncryptStore.getState().start(), useS3EncryptStore.getState().start()]);
    expect(fake.callsTo('s3Encrypt:start')).toEqual([{ plan }]);
    const denied = {
      ...plan,
      preflight: {
        ...plan.preflight!,
        rows: [
          { call: 's3:PutObject', target: BUCKET, method: 'simulation' as const, result: 'denied' as const },
        ],
      },
    };
    useS3EncryptStore.setState({ plan: { status: 'ready', value: { plan: denied, view } } });
    await useS3EncryptStore.getState().start();
    expect(fake.callsTo('s3Encrypt:start')).toHaveLength(1);
  });

  it('keeps Run off for S3 Batch Operations without a role able to run the job, and says why', async () => {
    const role = {
      status: 'missing' as const,
      explanation: 'No role given.',
      trustPolicy: '{}',
      permissionsPolicy: '{}',
    };
    const batch = { ...view, engine: 'batch' as const, batchRole: role };
    expect(runBlocker({ plan, view: batch })).toMatch(/no role able to run the job/);
    expect(runBlocker({ plan, view: { ...batch, batchRole: { ...role, status: 'ok' } } })).toBeUndefined();
    useS3EncryptStore.setState({ plan: { status: 'ready', value: { plan, view: batch } } });
    await useS3EncryptStore.getState().start();
    expect(fake.callsTo('s3Encrypt:start')).toEqual([]);
  });
});
