import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { selectActiveJobCount, selectJobs, useJobsStore } from '../../../renderer/stores/jobs-store';
import { useUiStore } from '../../../renderer/stores/ui-store';
import { fail, fakeJob, installFakeApi, uninstallFakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';

describe('jobs store', () => {
  beforeEach(resetStores);
  afterEach(uninstallFakeApi);

  it('loads the job list and counts the jobs still active', async () => {
    installFakeApi({
      'jobs:list': () => ({
        jobs: [fakeJob(), fakeJob({ id: 'job-2', state: 'done', progress: { value: 1, title: 'Done' } })],
      }),
    });
    await useJobsStore.getState().load();
    expect(selectJobs(useJobsStore.getState()).map((j) => j.id)).toEqual(['job-1', 'job-2']);
    expect(selectActiveJobCount(useJobsStore.getState())).toBe(1);
  });

  it('cancels through the api', async () => {
    const fake = installFakeApi();
    await useJobsStore.getState().cancel('job-1');
    expect(fake.callsTo('jobs:cancel')).toEqual([{ id: 'job-1' }]);
    expect(useUiStore.getState().notices).toEqual([]);
  });

  it('shows a failed cancel as a notice, not an exception', async () => {
    installFakeApi({ 'jobs:cancel': () => fail({ code: 'not-found', message: 'There is no job job-9.' }) });
    await useJobsStore.getState().cancel('job-9');
    expect(useUiStore.getState().notices).toMatchObject([{ message: 'There is no job job-9.' }]);
  });

  it('replaces its copy with each snapshot from main', () => {
    useJobsStore.getState().replaceAll([fakeJob({ id: 'job-3' })]);
    expect(selectJobs(useJobsStore.getState()).map((j) => j.id)).toEqual(['job-3']);
  });
});
