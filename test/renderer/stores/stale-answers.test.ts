// Answers that arrive out of order are dropped, on every page the same way the migration wizard
// does: an AMI copy plan for a form that changed while it was made never becomes the plan that
// runs, a slow search never replaces a newer one, a closed fix preview does not reopen, and the
// inventory ends on the regions asked for last.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useAmiCopyStore } from '../../../renderer/stores/ami-copy-store';
import { useDiagnosticsStore } from '../../../renderer/stores/diagnostics-store';
import { useInventoryStore } from '../../../renderer/stores/inventory-store';
import type { AmiCopyPlanView, SourceImage } from '../../../shared/domain/ami-copy';
import { emptyRegionInventory, type Inventory } from '../../../shared/domain/inventory';
import type { Plan } from '../../../shared/plans/plan-document';
import { installFakeApi, uninstallFakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';

// A promise the test resolves when it chooses: the order of answers is the test's, not the clock's.
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const image = (id: string, name: string): SourceImage => ({
  id,
  name,
  region: 'us-west-2',
  ownerId: '123456789012',
  access: 'owned',
  state: 'available',
  blockDevices: [],
  tags: [],
});
const view: AmiCopyPlanView = {
  copies: [],
  keys: [],
  totalGiB: 8,
  estimatedSeconds: 60,
  copyRateGiBPerHour: 180,
  warnings: [],
};
const plan = (id: string): Plan => ({
  schema: 'envelope.plan/v1',
  id,
  kind: 'ami-copy',
  title: id,
  accountId: '123456789012',
  regions: ['us-west-2'],
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'arn:aws:iam::123456789012:user/sandbox-admin',
  source: 'live',
  facts: [],
  steps: [],
  rollback: [],
  estimatedSeconds: 60,
  warnings: [],
  input: {},
  sha256: 'b'.repeat(64),
});

const initialCopy = useAmiCopyStore.getState();
const initialDiagnostics = useDiagnosticsStore.getState();
const initialInventory = useInventoryStore.getState();

describe('stale answers are dropped', () => {
  beforeEach(() => {
    resetStores();
    useAmiCopyStore.setState({ ...initialCopy, sourceRegion: 'us-west-2' }, true);
    useDiagnosticsStore.setState(initialDiagnostics, true);
    useInventoryStore.setState(initialInventory, true);
  });
  afterEach(uninstallFakeApi);

  it('AMI copy: a plan made for a changed form is not shown and never runs', async () => {
    const answer = deferred<{ plan: Plan; view: AmiCopyPlanView }>();
    const fake = installFakeApi({
      'amiCopy:plan': () => answer.promise,
      'amiCopy:start': () => ({ jobIds: ['job-1'] }),
    });
    const store = useAmiCopyStore.getState();
    store.setSelected([image('ami-0aaaaaaaaaaaaaaa1', 'first')]);
    store.setDestRegions(['us-west-2']);
    const making = store.makePlan();
    store.setSelected([image('ami-0bbbbbbbbbbbbbbb2', 'second')]); // changed while the plan is made
    answer.resolve({ plan: plan('plan-for-first'), view });
    await making;
    expect(useAmiCopyStore.getState().plan.status).toBe('idle');
    await useAmiCopyStore.getState().start();
    expect(fake.callsTo('amiCopy:start')).toEqual([]);
  });

  it('AMI copy: Run pressed twice starts the copies once', async () => {
    const answer = deferred<{ jobIds: string[] }>();
    const fake = installFakeApi({
      'amiCopy:plan': () => ({ plan: plan('p'), view }),
      'amiCopy:start': () => answer.promise,
    });
    useAmiCopyStore.getState().setSelected([image('ami-0aaaaaaaaaaaaaaa1', 'first')]);
    await useAmiCopyStore.getState().makePlan();
    const first = useAmiCopyStore.getState().start();
    const second = useAmiCopyStore.getState().start();
    answer.resolve({ jobIds: ['job-1'] });
    await Promise.all([first, second]);
    expect(fake.callsTo('amiCopy:start')).toHaveLength(1);
    expect(useAmiCopyStore.getState().jobIds).toEqual(['job-1']);
  });

  it('AMI copy: a slow search does not replace a newer one, nor show in another region', async () => {
    const answers: Record<string, ReturnType<typeof deferred<{ images: SourceImage[] }>>> = {
      slow: deferred(),
      quick: deferred(),
    };
    installFakeApi({ 'amiCopy:images': ({ query }) => answers[query]!.promise });
    const store = useAmiCopyStore.getState();
    store.setQuery('slow');
    const slow = store.search();
    useAmiCopyStore.getState().setQuery('quick');
    const quick = useAmiCopyStore.getState().search();
    answers.quick!.resolve({ images: [image('ami-0bbbbbbbbbbbbbbb2', 'quick')] });
    await quick;
    answers.slow!.resolve({ images: [image('ami-0aaaaaaaaaaaaaaa1', 'slow')] });
    await slow;
    const images = useAmiCopyStore.getState().images;
    expect(images.status === 'ready' ? images.value.map((i) => i.name) : images.status).toEqual(['quick']);

    const late = deferred<{ images: SourceImage[] }>();
    answers.late = late;
    useAmiCopyStore.getState().setQuery('late');
    const searching = useAmiCopyStore.getState().search();
    useAmiCopyStore.getState().setSourceRegion('eu-west-1');
    late.resolve({ images: [image('ami-0ccccccccccccccc3', 'us-west-2 image')] });
    await searching;
    expect(useAmiCopyStore.getState().images.status).toBe('idle');
  });

  it('Diagnostics: a fix preview closed while loading does not reopen', async () => {
    const answer = deferred<{ plan: Plan }>();
    installFakeApi({ 'diagnostics:previewFix': () => answer.promise });
    const previewing = useDiagnosticsStore.getState().previewFix('finding-1');
    useDiagnosticsStore.getState().closePreview();
    answer.resolve({ plan: { ...plan('fix'), kind: 'diagnostic-fix' } });
    await previewing;
    expect(useDiagnosticsStore.getState().preview.status).toBe('closed');
  });

  it('Inventory: the regions asked for last win', async () => {
    const inventory = (region: string): Inventory => ({
      profile: 'sandbox',
      account: '123456789012',
      regions: [emptyRegionInventory('123456789012', region, 0)],
      missing: [],
    });
    const answers: Record<string, ReturnType<typeof deferred<Inventory>>> = {
      'us-east-1': deferred(),
      'eu-west-1': deferred(),
    };
    installFakeApi({ 'inventory:get': ({ regions }) => answers[regions?.[0] ?? '']!.promise });
    useInventoryStore.setState({ regions: ['us-east-1'] });
    const older = useInventoryStore.getState().load();
    useInventoryStore.setState({ regions: ['eu-west-1'] });
    const newer = useInventoryStore.getState().load();
    answers['eu-west-1']!.resolve(inventory('eu-west-1'));
    await newer;
    answers['us-east-1']!.resolve(inventory('us-east-1'));
    await older;
    const state = useInventoryStore.getState().inventory;
    expect(state.status === 'ready' ? state.value.regions.map((r) => r.region) : state.status).toEqual([
      'eu-west-1',
    ]);
  });
});

describe('an action pressed twice is sent once', () => {
  beforeEach(() => {
    resetStores();
    useDiagnosticsStore.setState(initialDiagnostics, true);
  });
  afterEach(uninstallFakeApi);

  it('Diagnostics: Undo of a fix', async () => {
    const answer = deferred<never>();
    const fake = installFakeApi({ 'diagnostics:undoFix': () => answer.promise });
    const first = useDiagnosticsStore.getState().undo('fixrun-1');
    const second = useDiagnosticsStore.getState().undo('fixrun-1');
    expect(useDiagnosticsStore.getState().undoing).toEqual(['fixrun-1']);
    await second;
    expect(fake.callsTo('diagnostics:undoFix')).toEqual([{ entryId: 'fixrun-1' }]);
    void first;
  });
});
