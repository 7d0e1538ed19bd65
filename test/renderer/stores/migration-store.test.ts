// The migration store runs exactly the reviewed plan: an answer for an older form is dropped, the
// form is locked while the plan is made and while Run starts it, a change invalidates the review,
// and every failed action reaches the user as a notice with what to do.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useMigrationStore } from '../../../renderer/stores/migration-store';
import { useUiStore } from '../../../renderer/stores/ui-store';
import { fail, installFakeApi, uninstallFakeApi } from '../fake-api';
import { INSTANCE, plan } from '../migration/fixtures';
import { resetStores } from '../reset-stores';

const initial = useMigrationStore.getState();
const OTHER = 'i-0a1b2c3d4e5f60002';

// A promise the test resolves when it chooses, to hold an answer in flight.
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

beforeEach(() => {
  resetStores();
  useMigrationStore.setState(initial, true);
});
afterEach(() => uninstallFakeApi());

describe('migration store: what runs is what was reviewed', () => {
  it('locks the form while the plan is made, and shows the answer for that form', async () => {
    const answer = deferred<typeof plan>();
    installFakeApi({ 'migration:plan': () => answer.promise });
    const store = useMigrationStore.getState();
    store.setSelected([INSTANCE]);
    store.setKey('alias/avi-cmk');
    const planning = store.plan();
    expect(useMigrationStore.getState().review.status).toBe('planning');
    store.setSelected([OTHER]);
    store.setKey('alias/other');
    store.setStrategy('rekey');
    expect(useMigrationStore.getState()).toMatchObject({
      selected: [INSTANCE],
      kmsKeyRef: 'alias/avi-cmk',
      strategy: 'swap',
    });
    answer.resolve(plan);
    await planning;
    expect(useMigrationStore.getState().review).toEqual({ status: 'ready', plan });
  });

  it('drops an answer that arrives after a newer review was asked for', async () => {
    const first = deferred<typeof plan>();
    const newer = { ...plan, id: 'plan-mig-2', sha256: 'b'.repeat(64) };
    let calls = 0;
    installFakeApi({ 'migration:plan': () => (++calls === 1 ? first.promise : newer) });
    const store = useMigrationStore.getState();
    store.setSelected([INSTANCE]);
    store.setKey('alias/avi-cmk');
    const older = store.plan();
    // A second Review plan (the store allows it; the button is disabled while planning).
    await store.plan();
    expect(useMigrationStore.getState().review).toEqual({ status: 'ready', plan: newer });
    first.resolve(plan);
    await older;
    expect(useMigrationStore.getState().review).toEqual({ status: 'ready', plan: newer });
  });

  it('any change to the form invalidates the review', async () => {
    installFakeApi({ 'migration:plan': () => plan });
    const store = useMigrationStore.getState();
    store.setSelected([INSTANCE]);
    store.setKey('alias/avi-cmk');
    await store.plan();
    expect(useMigrationStore.getState().review.status).toBe('ready');
    store.setStrategy('rekey');
    expect(useMigrationStore.getState().review).toEqual({ status: 'idle' });
  });

  it('runs the reviewed plan, not the selection changed after it', async () => {
    const fake = installFakeApi({
      'migration:plan': () => plan,
      'migration:start': () => ({ migrationId: 'mig-1a2b3c4d', jobId: 'job-1' }),
      'migration:get': () => fail({ code: 'not-found', message: 'No journal mig-1a2b3c4d.' }),
      'migration:list': () => ({ migrations: [] }),
    });
    const store = useMigrationStore.getState();
    store.setSelected([INSTANCE]);
    store.setKey('alias/avi-cmk');
    await store.plan();
    await store.start();
    expect(fake.callsTo('migration:start')).toEqual([{ plan }]);
    // Without a ready review, Run does nothing.
    store.setSelected([OTHER]);
    await store.start();
    expect(fake.callsTo('migration:start')).toHaveLength(1);
  });

  it('shows a refused run in the wizard and keeps the form usable', async () => {
    installFakeApi({
      'migration:plan': () => plan,
      'migration:start': () =>
        fail({ code: 'plan-changed', message: 'The instances changed.', hint: 'Review the plan again.' }),
    });
    const store = useMigrationStore.getState();
    store.setSelected([INSTANCE]);
    store.setKey('alias/avi-cmk');
    await store.plan();
    await store.start();
    expect(useMigrationStore.getState().review).toMatchObject({
      status: 'refused',
      error: { code: 'plan-changed' },
    });
    store.setSelected([OTHER]);
    expect(useMigrationStore.getState().selected).toEqual([OTHER]);
  });
});

describe('migration store: failures reach the user', () => {
  it('a failed list and a failed open become notices that say what to do', async () => {
    installFakeApi({
      'migration:list': () => fail({ code: 'io', message: 'The journal directory cannot be read.' }),
      'migration:get': () => fail({ code: 'not-found', message: 'There is no migration mig-0000aaaa.' }),
    });
    await useMigrationStore.getState().list();
    await useMigrationStore.getState().open('mig-0000aaaa');
    const notices = useUiStore.getState().notices;
    expect(notices.map((n) => n.message)).toEqual([
      'The journal directory cannot be read.',
      'There is no migration mig-0000aaaa.',
    ]);
    for (const n of notices) expect(n.hint).toMatch(/again/);
  });

  it('a refused rollback becomes a notice', async () => {
    installFakeApi({
      'migration:rollback': () =>
        fail({ code: 'migration-busy', message: 'mig-0000aaaa is already running in this window.' }),
      'migration:list': () => ({ migrations: [] }),
    });
    await useMigrationStore.getState().act('rollback', 'mig-0000aaaa');
    expect(useUiStore.getState().notices.map((n) => n.message)).toEqual([
      'mig-0000aaaa is already running in this window.',
    ]);
    expect(useMigrationStore.getState().acting).toBeUndefined();
  });
});
