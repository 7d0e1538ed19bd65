import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bindEvents } from '../../../renderer/bridge/bind-events';
import { useAccountsStore } from '../../../renderer/stores/accounts-store';
import { selectJobs, useJobsStore } from '../../../renderer/stores/jobs-store';
import { useUiStore } from '../../../renderer/stores/ui-store';
import { createFakeApi, fakeJob } from '../fake-api';
import { resetStores } from '../reset-stores';

// A hand-driven animation frame: the test decides when the frame comes.
function manualFrames() {
  const queue: (() => void)[] = [];
  return {
    schedule: (callback: () => void) => queue.push(callback),
    flush: () => queue.splice(0).forEach((callback) => callback()),
    get pending() {
      return queue.length;
    },
  };
}

describe('bindEvents', () => {
  beforeEach(resetStores);
  afterEach(() => {
    window.location.hash = '';
  });

  it('coalesces job snapshots to one store update per frame, keeping the latest', () => {
    const fake = createFakeApi();
    const frames = manualFrames();
    bindEvents(fake.api, frames.schedule);
    let updates = 0;
    const stop = useJobsStore.subscribe(() => updates++);
    for (let i = 1; i <= 5; i++) {
      fake.emit('jobs:changed', { jobs: [fakeJob({ progress: { value: i / 10, title: `step ${i}` } })] });
    }
    expect(frames.pending).toBe(1);
    expect(updates).toBe(0);
    frames.flush();
    stop();
    expect(updates).toBe(1);
    expect(selectJobs(useJobsStore.getState())[0]?.progress.value).toBe(0.5);
  });

  it('applies accounts:changed to the accounts store', () => {
    const fake = createFakeApi();
    bindEvents(fake.api, manualFrames().schedule);
    useAccountsStore.setState({ selection: { profile: 'sandbox', region: 'us-east-1' } });
    fake.emit('accounts:changed', { profile: 'sandbox', region: 'eu-west-1' });
    expect(useAccountsStore.getState().selection).toEqual({ profile: 'sandbox', region: 'eu-west-1' });
  });

  it('follows app:navigate and opens the jobs panel for a job', () => {
    const fake = createFakeApi();
    bindEvents(fake.api, manualFrames().schedule);
    fake.emit('app:navigate', { page: 'jobs', jobId: 'job-1' });
    expect(window.location.hash).toBe('#/jobs');
    expect(useUiStore.getState().jobsPanelOpen).toBe(true);
  });

  it('unbinds every listener', () => {
    const fake = createFakeApi();
    const unbind = bindEvents(fake.api, manualFrames().schedule);
    expect(fake.listenerCount('jobs:changed')).toBe(1);
    unbind();
    expect(fake.listenerCount('jobs:changed')).toBe(0);
    expect(fake.listenerCount('accounts:changed')).toBe(0);
    expect(fake.listenerCount('app:navigate')).toBe(0);
  });
});
