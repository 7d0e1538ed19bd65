// A sandbox world and an EC2 caller for handler-level tests: frozen clock (speed 0, moved only by
// advance()), the documented default rates, the sandbox account in us-east-1.
import { createClock } from '../../../electron/sandbox/clock';
import { defaultRates, SANDBOX_ACCOUNT_ID } from '../../../electron/sandbox/config';
import {
  AwsError,
  type CallContext,
  type QueryParams,
  type SandboxRates,
} from '../../../electron/sandbox/context';
import { ec2Handlers } from '../../../electron/sandbox/ec2/index';
import { createKmsKey } from '../../../electron/sandbox/kms/factory';
import { mintImageId, mintSnapshotId } from '../../../electron/sandbox/ids';
import { createWorld } from '../../../electron/sandbox/world-factory';
import type { Image, KmsKey, KeyState, SandboxWorld } from '../../../electron/sandbox/world';

export const START = Date.UTC(2025, 0, 6, 9, 0, 0);
export const ACCOUNT = SANDBOX_ACCOUNT_ID;
export const OTHER_ACCOUNT = '210987654321';

export interface Ec2Fixture {
  readonly world: SandboxWorld;
  readonly ctx: CallContext;
  call(action: string, params?: QueryParams, region?: string, accountId?: string): Record<string, unknown>;
  fail(action: string, params?: QueryParams, region?: string): AwsError;
  advance(ms: number): void;
  key(state?: KeyState, region?: string, keyManager?: 'AWS' | 'CUSTOMER'): KmsKey;
  image(options?: SeedImageOptions): Image;
}

export function ec2Fixture(rates: Partial<SandboxRates> = {}): Ec2Fixture {
  const world = createWorld();
  const clock = createClock({ speed: 0, startAt: START });
  const ctxFor = (region = 'us-east-1', accountId = ACCOUNT): CallContext => ({
    world,
    clock,
    // Ids known at once: these handler tests look at states, not at eventual consistency
    // (instances.test.ts covers that with the documented delay).
    rates: { ...defaultRates, idPropagationMs: 0, ...rates },
    region,
    accountId,
    principalArn: `arn:aws:iam::${accountId}:user/sandbox-admin`,
    accessKeyId: 'AKIASANDBOXEXAMPLE00',
    requestId: 'test-request',
  });
  const call = (action: string, params: QueryParams = {}, region?: string, accountId?: string) => {
    const handler = ec2Handlers[action];
    if (!handler) throw new Error(`no handler for ${action}`);
    return handler(ctxFor(region, accountId), params);
  };
  return {
    world,
    ctx: ctxFor(),
    call,
    fail(action, params = {}, region) {
      try {
        call(action, params, region);
      } catch (e) {
        if (e instanceof AwsError) return e;
        throw e;
      }
      throw new Error(`${action} succeeded, expected an AwsError`);
    },
    advance: (ms) => clock.advance(ms),
    key: (state = 'Enabled', region = 'us-east-1', keyManager = 'CUSTOMER') =>
      createKmsKey(world, { region, now: clock.now(), state, keyManager }),
    image: (options = {}) => seedImage(world, options),
  };
}

export interface SeedImageOptions {
  readonly encrypted?: boolean;
  readonly kmsKeyArn?: string;
  readonly ownerId?: string;
  readonly isPublic?: boolean;
  readonly name?: string;
  readonly sizeGiB?: number;
}

// An available AMI in us-east-1 with one completed root snapshot (public AMIs share it too, so it
// can be copied).
export function seedImage(world: SandboxWorld, options: SeedImageOptions = {}): Image {
  const ownerId = options.ownerId ?? ACCOUNT;
  const sizeGiB = options.sizeGiB ?? 8;
  const snapshotId = mintSnapshotId(world);
  world.snapshots.set(snapshotId, {
    snapshotId,
    accountId: ownerId,
    region: 'us-east-1',
    volumeId: 'vol-ffffffff',
    volumeSizeGiB: sizeGiB,
    description: 'seed',
    encrypted: options.encrypted ?? false,
    kmsKeyArn: options.kmsKeyArn,
    state: 'completed',
    startTime: START - 3_600_000,
    dataGiB: sizeGiB,
    completesAt: START - 3_000_000,
    tags: [],
    createVolumePermissions: options.isPublic ? [{ group: 'all' }] : [],
  });
  const image: Image = {
    imageId: mintImageId(world),
    ownerId,
    region: 'us-east-1',
    name: options.name ?? `seed-${world.idCounter}`,
    description: 'seed image',
    architecture: 'x86_64',
    rootDeviceName: '/dev/xvda',
    rootDeviceType: 'ebs',
    virtualizationType: 'hvm',
    platformDetails: 'Linux/UNIX',
    state: 'available',
    creationDate: START - 3_000_000,
    isPublic: options.isPublic ?? false,
    launchPermissionUserIds: [],
    blockDevices: [
      {
        deviceName: '/dev/xvda',
        ebs: {
          snapshotId,
          volumeSizeGiB: sizeGiB,
          volumeType: 'gp3',
          deleteOnTermination: true,
          encrypted: options.encrypted ?? false,
          kmsKeyArn: options.kmsKeyArn,
        },
      },
    ],
    tags: [],
  };
  world.images.set(image.imageId, image);
  return image;
}

// Small readers for handler answers (plain objects shaped for the XML builder).
export function items(value: unknown): Record<string, unknown>[] {
  const list = (value as { item?: unknown[] } | undefined)?.item ?? [];
  return list as Record<string, unknown>[];
}

export function field<T = unknown>(o: unknown, ...path: string[]): T {
  let cur: unknown = o;
  for (const p of path) cur = (cur as Record<string, unknown> | undefined)?.[p];
  return cur as T;
}

export function launch(f: Ec2Fixture, params: QueryParams = {}): string {
  const image = f.image();
  const out = f.call('RunInstances', {
    ImageId: image.imageId,
    InstanceType: 't3.micro',
    MinCount: '1',
    MaxCount: '1',
    ...params,
  });
  const instance = items(out.instancesSet)[0];
  return field<string>(instance, 'instanceId');
}
