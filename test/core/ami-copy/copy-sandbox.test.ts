// The encrypted AMI copy against the avi-lab sandbox: a key refused by its policy names the
// statement that would allow the caller; with it added, the public controller AMI copies to an
// available AMI whose every snapshot is encrypted with the CMK. Bad keys fail at once and create
// nothing; faults mid-copy (throttling, a key disabled, EC2 unavailable) end as they should.
import { PutKeyPolicyCommand, GetKeyPolicyCommand } from '@aws-sdk/client-kms';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { copyImageEncrypted, PartialCopyError } from '../../../electron/core/ami-copy/copy-image';
import { cleanupPartialCopy } from '../../../electron/core/ami-copy/cleanup';
import { planAmiCopy } from '../../../electron/core/ami-copy/plan-ami-copy';
import { AppError } from '../../../electron/core/errors/app-error';
import { aviLab } from '../../../electron/sandbox/scenarios/avi-lab';
import { withSandbox } from '../../helpers/sandbox';
import { sandboxDeps, worldIds } from './sandbox-deps';

const REGION = 'us-west-2';
const sandbox = withSandbox({ scenario: 'avi-lab' });
let deps: ReturnType<typeof sandboxDeps>;
const source = () => aviLab.ids.controllerImageId;

beforeAll(() => {
  deps = sandboxDeps(sandbox);
});
afterAll(() => deps.destroy());

async function refused(run: () => Promise<unknown>): Promise<AppError> {
  const before = worldIds(sandbox);
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(worldIds(sandbox)).toEqual(before);
  return error as AppError;
}

const request = (kmsKeyRef: string | undefined, nameTemplate: string) => ({
  imageIds: [source()],
  sourceRegion: REGION,
  ...(kmsKeyRef === undefined ? {} : { kmsKeyRef }),
  nameTemplate,
});

describe('planning refuses bad keys before creating anything', () => {
  it('names the key, why, and the statement that would allow the caller', async () => {
    const error = await refused(() => planAmiCopy(deps, request('alias/avi-cmk', '{name}-p1')));
    expect(error.code).toBe('key-not-usable');
    expect(error.message).toContain('alias/avi-cmk');
    expect(error.message).toContain(aviLab.ids.cmkArn);
    expect(error.message).toContain('kms:GenerateDataKeyWithoutPlaintext');
    expect(error.hint).toContain('"kms:ViaService":"ec2.us-west-2.amazonaws.com"');
    expect(error.hint).toContain('arn:aws:iam::123456789012:user/sandbox-admin');
  });

  it('refuses an asymmetric key', async () => {
    const error = await refused(() => planAmiCopy(deps, request('alias/avi-rsa', '{name}-p2')));
    expect(error.code).toBe('key-not-symmetric');
    expect(error.message).toMatch(/RSA_2048.*symmetric/);
  });

  it('refuses a key pending deletion and says when it goes', async () => {
    const error = await refused(() =>
      planAmiCopy(deps, request(aviLab.ids.pendingDeletionKeyArn, '{name}-p3')),
    );
    expect(error.code).toBe('key-pending-deletion');
    expect(error.message).toMatch(/scheduled for deletion on \d+ [A-Z][a-z]{2} \d{4}, \d\d:\d\d/);
  });

  it('refuses a key of another region, an unknown AMI and a malformed reference', async () => {
    const other = aviLab.ids.cmkArn.replace(':us-west-2:', ':us-east-1:');
    expect((await refused(() => planAmiCopy(deps, request(other, '{name}-p4')))).code).toBe(
      'key-in-other-region',
    );
    const missing = await refused(() =>
      planAmiCopy(deps, {
        imageIds: ['ami-0123456789abcdef0'],
        sourceRegion: REGION,
        nameTemplate: 'x-{id}',
      }),
    );
    expect(missing.code).toBe('ami-not-found');
    expect((await refused(() => planAmiCopy(deps, request('avi-cmk', '{name}-p5')))).code).toBe(
      'invalid-key-reference',
    );
  });

  it('says plainly that a blank key means aws/ebs, with the seeds’ warnings and a time estimate', async () => {
    const { plan, view } = await planAmiCopy(deps, request(undefined, '{name}-{date}'));
    expect(view.keys[0]?.chosen).toBe('default');
    expect(view.keys[0]?.summary).toMatch(/AWS managed key aws\/ebs/);
    expect(view.keys[0]?.arn).toBe(aviLab.ids.awsEbsKeyArn);
    expect(view.totalGiB).toBe(128);
    expect(view.estimatedSeconds).toBeGreaterThan(2000);
    expect(view.warnings.join(' ')).toMatch(/cannot be made public/);
    expect(view.warnings.join(' ')).toMatch(/does not change instances already running/);
    expect(plan.kind).toBe('ami-copy');
    expect(plan.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(plan.steps[0]).toMatchObject({
      action: 'ec2:CopyImage',
      params: { Encrypted: true, KmsKeyId: aviLab.ids.awsEbsKeyArn },
    });
  });
});

describe('copying with the CMK once its policy allows the caller', () => {
  // Every test here needs the statement the refusal proposes in the key policy: it is added once,
  // before them, so each test stands alone (and the suite passes shuffled).
  beforeAll(async () => {
    const first = await planAmiCopy(deps, request('alias/avi-cmk', '{name}-c0')).catch((e: AppError) => e);
    expect(first).toBeInstanceOf(AppError);
    const statement = JSON.parse(/(\{.*\})$/.exec((first as AppError).hint ?? '')?.[1] ?? '{}') as object;
    const kms = deps.kms(REGION);
    const policy = JSON.parse(
      (await kms.send(new GetKeyPolicyCommand({ KeyId: aviLab.ids.cmkArn, PolicyName: 'default' }))).Policy ??
        '{}',
    ) as { Statement: object[] };
    policy.Statement.push(statement);
    await kms.send(
      new PutKeyPolicyCommand({
        KeyId: aviLab.ids.cmkArn,
        PolicyName: 'default',
        Policy: JSON.stringify(policy),
      }),
    );
  });
  // Tests here disable the key or schedule its deletion: each puts it back, whatever ran before.
  afterEach(() => {
    sandbox.control.clearFaults();
    const key = sandbox.handle.world.kmsKeys.get(aviLab.ids.cmkArn)!;
    key.state = 'Enabled';
    delete key.deletionDate;
  });

  it('ends with an available AMI whose every snapshot is encrypted with the CMK', async () => {
    const { view } = await planAmiCopy(deps, request('alias/avi-cmk', '{name}-c1'));
    const copy = view.copies[0]!;
    expect(copy.kmsKeyArn).toBe(aviLab.ids.cmkArn);
    const fractions: number[] = [];
    const result = await copyImageEncrypted(
      deps,
      { ...copy, kmsKeyRef: copy.kmsKeyArn },
      { onProgress: (p) => fractions.push(p.fraction) },
    );
    expect(result.state).toBe('available');
    expect(result.snapshots.length).toBeGreaterThan(0);
    for (const s of result.snapshots) {
      expect(s).toMatchObject({ encrypted: true, kmsKeyArn: aviLab.ids.cmkArn });
      expect(s.aliases).toContain('alias/avi-cmk');
    }
    expect(result.blockDeviceText[0]).toMatch(/^\/dev\/sda1=snap-[0-9a-f]+:128:true:gp2:encrypted$/);
    // The copy's devices carry their snapshots' key (DescribeImages does not give it).
    expect(result.blockDevices.filter((d) => d.encrypted).map((d) => d.kmsKeyId)).toEqual(
      result.snapshots.map(() => aviLab.ids.cmkArn),
    );
    expect(fractions.at(-1)).toBe(1);
    // The same client token again finds the same copy instead of making another.
    const again = await copyImageEncrypted(deps, { ...copy, kmsKeyRef: copy.kmsKeyArn });
    expect(again.imageId).toBe(result.imageId);
  });

  it('carries on through throttled DescribeImages and a spell of EC2 unavailability', async () => {
    const { view } = await planAmiCopy(deps, request('alias/avi-cmk', '{name}-c2'));
    const copy = view.copies[0]!;
    sandbox.control.addFault({
      kind: 'fail',
      service: 'ec2',
      action: 'DescribeImages',
      nth: 2,
      count: 3,
      code: 'RequestLimitExceeded',
      message: 'Request limit exceeded.',
      status: 503,
    });
    let injected = false;
    const result = await copyImageEncrypted(
      deps,
      { ...copy, kmsKeyRef: copy.kmsKeyArn },
      {
        onProgress: (p) => {
          if (p.imageId && !injected) {
            injected = true;
            sandbox.control.addFault({ kind: 'unavailable', service: 'ec2', forMs: 15 * 60_000 });
          }
        },
      },
    );
    sandbox.control.clearFaults();
    expect(injected).toBe(true);
    expect(result.state).toBe('available');
    expect(result.snapshots.every((s) => s.kmsKeyArn === aviLab.ids.cmkArn)).toBe(true);
  });

  it('fails with a clear message when the key is disabled mid-copy, and cleans up when asked', async () => {
    const { view } = await planAmiCopy(deps, request('alias/avi-cmk', '{name}-c3'));
    const copy = view.copies[0]!;
    // Disabled once the copy exists (its first progress report names the new image), so the key
    // check before CopyImage always sees it enabled, however slow the machine.
    let disabled = false;
    const error = await copyImageEncrypted(
      deps,
      { ...copy, kmsKeyRef: copy.kmsKeyArn },
      {
        onProgress: (p) => {
          if (p.imageId && !disabled) {
            disabled = true;
            sandbox.control.addFault({
              kind: 'key-state',
              keyId: 'alias/avi-cmk',
              state: 'Disabled',
              afterMs: 0,
            });
          }
        },
      },
    ).catch((e: unknown) => e);
    sandbox.control.clearFaults();
    expect(error).toBeInstanceOf(PartialCopyError);
    const partial = error as PartialCopyError;
    expect(partial.code).toBe('copy-failed');
    expect(partial.message).toMatch(/incorrect state/);
    // The cause named from DescribeKey, and what to do about it.
    expect(partial.message).toMatch(/the KMS key alias\/avi-cmk \(arn:aws:kms:[^)]+\) is Disabled/);
    expect(partial.hint).toMatch(/aws kms enable-key/);
    expect(partial.jobResult.imageId).toMatch(/^ami-/);
    expect(partial.jobResult.snapshotIds.length).toBeGreaterThan(0);
    const world = sandbox.handle.world;
    expect(world.images.get(partial.jobResult.imageId!)?.state).toBe('failed');

    const cleaned = await cleanupPartialCopy(
      deps,
      REGION,
      partial.jobResult.imageId,
      partial.jobResult.snapshotIds,
    );
    expect(cleaned.deregistered).toBe(partial.jobResult.imageId);
    expect(cleaned.deletedSnapshots).toEqual(partial.jobResult.snapshotIds);
    for (const id of partial.jobResult.snapshotIds) expect(world.snapshots.has(id)).toBe(false);
  });

  it('a key scheduled for deletion as CopyImage arrives: accepted, then failed, the state named, ids kept', async () => {
    const { view } = await planAmiCopy(deps, request('alias/avi-cmk', '{name}-c4'));
    const copy = view.copies[0]!;
    // EC2 authenticates CopyImage's KmsKeyId asynchronously (API reference): the call answers an
    // image id and the copy fails afterwards.
    sandbox.control.addFault({
      kind: 'key-state',
      keyId: 'alias/avi-cmk',
      state: 'PendingDeletion',
      service: 'ec2',
      action: 'CopyImage',
    });
    const error = await copyImageEncrypted(deps, { ...copy, kmsKeyRef: copy.kmsKeyArn }).catch(
      (e: unknown) => e,
    );
    sandbox.control.clearFaults();
    expect(error).toBeInstanceOf(PartialCopyError);
    const partial = error as PartialCopyError;
    expect(partial.code).toBe('copy-failed');
    expect(partial.message).toMatch(/alias\/avi-cmk \(arn:aws:kms:[^)]+\) is PendingDeletion/);
    expect(partial.hint).toMatch(/cancel-key-deletion/);
    expect(partial.jobResult.imageId).toMatch(/^ami-/);
    expect(sandbox.handle.world.images.get(partial.jobResult.imageId!)?.state).toBe('failed');
  });
});
