// The S3 objects page's state: the bucket and prefix, their objects by encryption (s3Encrypt:tally)
// with the listing's progress, the key and options, the sealed plan, and the run started from it
// with its live progress (s3Encrypt:progress, bound in bridge/bind-events.ts).
import { create } from 'zustand';
import type { KeyRecord } from '../../shared/domain/inventory';
import { deniedRows } from '../../shared/domain/preflight';
import type {
  S3Engine,
  S3EncryptPlanView,
  S3EncryptProgress,
  S3EncryptRequest,
} from '../../shared/domain/s3-encrypt';
import type { ApiError } from '../../shared/ipc/channel';
import { S3_LISTING_JOB_ID } from '../../shared/ipc/channels/s3-encrypt';
import type { ChannelOutput } from '../../shared/ipc/contract';
import type { Plan } from '../../shared/plans/plan-document';
import { api } from '../bridge/api';
import { latestOnly } from './latest-only';
import { failed, idle, loading, ready, type LoadState } from './load-state';

export type S3Tally = ChannelOutput<'s3Encrypt:tally'>;

export interface S3PlanBundle {
  readonly plan: Plan;
  readonly view: S3EncryptPlanView;
}

// 'recommended' leaves the choice to the plan (the request carries no bucketKey).
export type BucketKeyChoice = 'recommended' | 'on' | 'off';

interface Options {
  readonly includeVersions: boolean;
  readonly engine: S3Engine;
  readonly bucketKey: BucketKeyChoice;
  readonly batchRoleArn: string;
}

interface S3EncryptState extends Options {
  readonly bucket: string;
  readonly prefix: string;
  readonly tally: LoadState<S3Tally>;
  readonly listing: S3EncryptProgress | undefined;
  readonly keyRef: string;
  readonly keys: LoadState<{ readonly region: string; readonly keys: readonly KeyRecord[] }>;
  readonly plan: LoadState<S3PlanBundle>;
  readonly jobId: string | undefined;
  readonly progress: Readonly<Record<string, S3EncryptProgress>>;
  readonly startError: ApiError | undefined;
  setBucket: (bucket: string) => void;
  setPrefix: (prefix: string) => void;
  setKeyRef: (keyRef: string) => void;
  setOptions: (change: Partial<Options>) => void;
  countObjects: () => Promise<void>;
  loadKeys: () => Promise<void>;
  makePlan: () => Promise<void>;
  start: () => Promise<void>;
  applyProgress: (progress: S3EncryptProgress) => void;
  reset: () => void;
}

const initial = {
  bucket: '',
  prefix: '',
  tally: idle,
  listing: undefined,
  keyRef: '',
  keys: idle,
  includeVersions: false,
  engine: 'auto',
  bucketKey: 'recommended',
  batchRoleArn: '',
  plan: idle,
  jobId: undefined,
  progress: {},
  startError: undefined,
} as const;

// What the form asks for, as the contract's request (blank fields left out).
export function requestOf(
  s: Pick<S3EncryptState, 'bucket' | 'prefix' | 'keyRef' | keyof Options>,
): S3EncryptRequest {
  return {
    bucket: s.bucket.trim(),
    kmsKeyRef: s.keyRef.trim(),
    ...(s.prefix ? { prefix: s.prefix } : {}),
    includeVersions: s.includeVersions,
    engine: s.engine,
    ...(s.bucketKey === 'recommended' ? {} : { bucketKey: s.bucketKey === 'on' }),
    ...(s.engine !== 'local' && s.batchRoleArn.trim() ? { batchRoleArn: s.batchRoleArn.trim() } : {}),
  };
}

// Why Run is off for a reviewed plan, in words, or undefined when it may run: AWS would refuse a
// call (the preflight), or S3 Batch Operations has no role able to run the job (core refuses to
// start such a plan too; the plan shows the policies to create it with).
export function runBlocker(bundle: S3PlanBundle): string | undefined {
  if (deniedRows(bundle.plan.preflight).length > 0) {
    return 'AWS would refuse a call of this plan (see Preflight): Run is off.';
  }
  const role = bundle.view.batchRole;
  if (
    bundle.view.engine === 'batch' &&
    (role?.status === 'missing' || role?.status === 'lacks-permissions')
  ) {
    return 'S3 Batch Operations has no role able to run the job (see Batch Operations role): Run is off.';
  }
  return undefined;
}

export const canRun = (plan: LoadState<S3PlanBundle>): boolean =>
  plan.status === 'ready' && runBlocker(plan.value) === undefined;

// Each answer belongs to what was asked: a tally to its bucket and prefix, keys to the bucket, a
// plan to the whole form. A change drops what is in flight and the review shown, so Run only ever
// carries the plan the page shows for the form as it is.
const tallies = latestOnly();
const keyLists = latestOnly();
const plans = latestOnly();
let starting = false;

export const useS3EncryptStore = create<S3EncryptState>()((set, get) => ({
  ...initial,
  setBucket: (bucket) => {
    if (bucket === get().bucket) return;
    for (const requests of [tallies, keyLists, plans]) requests.invalidate();
    set({ bucket, tally: idle, listing: undefined, keys: idle, plan: idle });
  },
  setPrefix: (prefix) => {
    tallies.invalidate();
    plans.invalidate();
    set({ prefix, tally: idle, listing: undefined, plan: idle });
  },
  setKeyRef: (keyRef) => {
    plans.invalidate();
    set({ keyRef, plan: idle });
  },
  setOptions: (change) => {
    plans.invalidate();
    set({ ...change, plan: idle });
  },
  countObjects: async () => {
    const { bucket, prefix } = get();
    set({ tally: loading, listing: undefined });
    const current = tallies.take();
    const result = await api().s3Encrypt.tally({ bucket: bucket.trim(), ...(prefix ? { prefix } : {}) });
    if (!current()) return;
    set({ tally: result.ok ? ready(result.value) : failed(result.error), listing: undefined });
  },
  loadKeys: async () => {
    set({ keys: loading });
    const current = keyLists.take();
    const result = await api().s3Encrypt.keys({ bucket: get().bucket.trim() });
    if (!current()) return;
    set({ keys: result.ok ? ready(result.value) : failed(result.error) });
  },
  makePlan: async () => {
    set({ plan: loading, listing: undefined, startError: undefined });
    const current = plans.take();
    const result = await api().s3Encrypt.plan(requestOf(get()));
    if (!current()) return;
    set({ plan: result.ok ? ready(result.value) : failed(result.error), listing: undefined });
  },
  start: async () => {
    const plan = get().plan;
    // A second press while the first is answered would start the same run twice; a denial in the
    // preflight keeps Run off.
    if (plan.status !== 'ready' || !canRun(plan) || starting) return;
    starting = true;
    set({ startError: undefined });
    const result = await api()
      .s3Encrypt.start({ plan: plan.value.plan })
      .finally(() => {
        starting = false;
      });
    if (result.ok) set({ jobId: result.value.jobId });
    else set({ startError: result.error });
  },
  applyProgress: (progress) => {
    if (progress.jobId !== S3_LISTING_JOB_ID) {
      set({ progress: { ...get().progress, [progress.jobId]: progress } });
      return;
    }
    // A listing's progress is shown only while this page waits for that bucket's answer.
    const { bucket, tally, plan } = get();
    const waiting = tally.status === 'loading' || plan.status === 'loading';
    if (waiting && progress.bucket === bucket.trim()) set({ listing: progress });
  },
  reset: () => {
    for (const requests of [tallies, keyLists, plans]) requests.invalidate();
    set({ ...initial, progress: get().progress });
  },
}));
