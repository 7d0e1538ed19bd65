// A run of the S3 objects page, live and after: objects and bytes as progress bars, failures and
// the Batch Operations job's status from s3Encrypt:progress; Cancel only after a confirmation; the
// report with failures in words and the encryption after the run; the same from Jobs (#/jobs/<id>).
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bindEvents } from '../../../renderer/bridge/bind-events';
import { JobResult } from '../../../renderer/components/jobs/job-result';
import { S3EncryptRun } from '../../../renderer/components/s3-encrypt/s3-encrypt-run';
import { useJobsStore } from '../../../renderer/stores/jobs-store';
import { useS3EncryptStore } from '../../../renderer/stores/s3-encrypt-store';
import { fakeJob, installFakeApi, uninstallFakeApi, type FakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';
import { BUCKET, result, view } from './fixtures';

const running = fakeJob({ id: 'job-s3', kind: 's3-encrypt', title: `Re-encrypt s3://${BUCKET}` });

let fake: FakeApi;
beforeEach(() => {
  resetStores();
  useS3EncryptStore.getState().reset();
  useS3EncryptStore.setState({ progress: {} });
  fake = installFakeApi();
});
afterEach(() => uninstallFakeApi());

describe('S3EncryptRun', () => {
  it('shows the live progress of its job, and cancels only after a confirmation', async () => {
    const unbind = bindEvents(fake.api, (callback) => callback());
    act(() => {
      useJobsStore.getState().replaceAll([running]);
      fake.emit('s3Encrypt:progress', {
        jobId: 'job-s3',
        bucket: BUCKET,
        engine: 'batch',
        phase: 'batch-active',
        objectsDone: 20,
        objectsTotal: 48,
        bytesDone: 20 * 1024 * 1024,
        bytesTotal: 48 * 1024 * 1024,
        failed: 1,
        batchJobId: 'job-0123',
        batchStatus: 'Active',
      });
    });
    render(<S3EncryptRun jobId="job-s3" />);
    expect(screen.getByText('20 of 48 objects')).toBeTruthy();
    expect(screen.getByText('20.0 MiB of 48.0 MiB')).toBeTruthy();
    expect(screen.getByText('1 object failed so far')).toBeTruthy();
    expect(screen.getByText('S3 Batch Operations job job-0123: Active')).toBeTruthy();
    fireEvent.click(screen.getByText('Cancel run…'));
    expect(fake.callsTo('jobs:cancel')).toEqual([]);
    fireEvent.click(await screen.findByText('Cancel run'));
    await waitFor(() => expect(fake.callsTo('jobs:cancel')).toEqual([{ id: 'job-s3' }]));
    unbind();
  });

  it('shows the report when the run has ended, with the skipped objects of the reviewed plan', () => {
    act(() => useJobsStore.getState().replaceAll([{ ...running, state: 'done', result }]));
    render(<S3EncryptRun jobId="job-s3" skipped={view.skipped} />);
    expect(screen.getByText('47 objects, 47.0 MiB')).toBeTruthy();
    expect(
      screen.getByText('The object changed after the plan listed it; it was left as it is.'),
    ).toBeTruthy();
    expect(screen.queryByText('PreconditionFailed')).toBeNull();
    expect(screen.getByText('Encryption after the run')).toBeTruthy();
    expect(screen.getAllByText('SSE-KMS, the chosen key').length).toBeGreaterThan(0);
    expect(screen.getByText('images/secret-1.bin')).toBeTruthy();
  });
});

describe('JobResult for an s3-encrypt job', () => {
  it('opens the run’s report from Jobs', () => {
    const job = { ...running, state: 'done' as const, result: { ...result, cancelled: true } };
    act(() => useJobsStore.getState().replaceAll([job]));
    render(<JobResult job={job} />);
    expect(screen.getByText('The run was cancelled')).toBeTruthy();
    expect(screen.getByText('Failed objects')).toBeTruthy();
  });
});
