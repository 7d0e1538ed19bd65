// Counts and matches in the checks do not depend on the form an API returned a key in: a volume's
// KmsKeyId is the key ARN, a launch template may hold an alias, a bucket a key id, the EBS default
// alias/aws/ebs, an AMI's key comes from its snapshots. Pure tables: no sandbox needed.
import { describe, expect, it } from 'vitest';
import type { CheckInput, Resolution } from '../../../electron/core/diagnostics/check-input';
import { keyUsage } from '../../../electron/core/diagnostics/checks/key-usage';
import { checkRepeatedImages } from '../../../electron/core/diagnostics/checks/repeated-images';
import { checkImagesAndSnapshots } from '../../../electron/core/diagnostics/checks/images-snapshots';
import {
  emptyRegionInventory,
  type ImageRecord,
  type KeyRecord,
  type RegionInventory,
} from '../../../shared/domain/inventory';

const ACCOUNT = '123456789012';
const REGION = 'us-west-2';
const CMK_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const CMK_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/${CMK_ID}`;
const EBS_ID = '0f2d6a3c-1111-4222-8333-944455556666';
const EBS_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/${EBS_ID}`;

const key = (arn: string, keyId: string, aliases: string[], manager: 'AWS' | 'CUSTOMER'): KeyRecord => ({
  arn,
  keyId,
  account: ACCOUNT,
  aliases,
  state: 'Enabled',
  spec: 'SYMMETRIC_DEFAULT',
  manager,
});

const image = (id: string, name: string, hoursAgo: number, kmsKeyId: string | undefined): ImageRecord => ({
  id,
  name,
  state: 'available',
  ownerId: ACCOUNT,
  owned: true,
  isPublic: false,
  creationDate: new Date(Date.UTC(2026, 11, 3, 12) - hoursAgo * 3_600_000).toISOString(),
  blockDevices: [
    {
      device: '/dev/sda1',
      snapshotId: `snap-${id.slice(4)}`,
      encrypted: true,
      ...(kmsKeyId ? { kmsKeyId } : { kmsKeyUnknown: 'its snapshot is not visible to this account' }),
    },
  ],
});

function input(inventory: RegionInventory, extra: Partial<CheckInput> = {}): CheckInput {
  return {
    account: ACCOUNT,
    callerArn: `arn:aws:iam::${ACCOUNT}:user/admin`,
    region: REGION,
    inventory,
    intended: {},
    bucketPrefixes: [],
    repeatWindowHours: 24,
    resolutions: new Map<string, Resolution>(),
    keyPolicies: new Map(),
    grants: new Map(),
    launchPermissions: new Map(),
    callerSimulation: new Map(),
    ...extra,
  };
}

function inventoryOf(): RegionInventory {
  const inv = emptyRegionInventory(ACCOUNT, REGION, Date.UTC(2026, 11, 3, 12));
  inv.keys = [
    key(CMK_ARN, CMK_ID, ['alias/avi-cmk'], 'CUSTOMER'),
    key(EBS_ARN, EBS_ID, ['alias/aws/ebs'], 'AWS'),
  ];
  return inv;
}

describe('key usage counts by key, not by text', () => {
  it('counts a key named by ARN, key id, alias name and alias ARN as one key', () => {
    const inv = inventoryOf();
    inv.volumes = [CMK_ARN, CMK_ARN, EBS_ARN].map((arn, n) => ({
      id: `vol-0000000000000000${n}`,
      sizeGiB: 8,
      type: 'gp3',
      az: `${REGION}a`,
      state: 'in-use',
      encrypted: true,
      kmsKeyId: arn,
      attachments: [],
    }));
    inv.snapshots = [
      {
        id: 'snap-1',
        volumeId: 'vol-1',
        sizeGiB: 8,
        state: 'completed',
        progress: '100%',
        encrypted: true,
        kmsKeyId: CMK_ID,
      },
    ];
    inv.images = [
      image('ami-00000000000000001', 'golden', 1, `arn:aws:kms:${REGION}:${ACCOUNT}:alias/avi-cmk`),
    ];
    inv.launchTemplates = [
      {
        id: 'lt-1',
        name: 'se',
        defaultVersion: 1,
        latestVersion: 1,
        blockDevices: [{ device: '/dev/xvda', encrypted: true, kmsKeyId: 'alias/avi-cmk' }],
      },
    ];
    inv.buckets = [
      { name: 'avi-se-1', versioning: 'Enabled', encryption: { algorithm: 'aws:kms', kmsKeyId: CMK_ID } },
    ];
    inv.ebsDefaults = { encryptionByDefault: true, defaultKmsKeyId: 'alias/aws/ebs' };
    const i = input(inv, { intended: { ebsKey: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/avi-cmk` } });

    const cmk = keyUsage(i, CMK_ARN);
    expect(cmk).toMatchObject({
      volumes: 2,
      snapshots: 1,
      images: 1,
      launchTemplates: ['se'],
      buckets: ['avi-se-1'],
    });
    expect(cmk.isDefault).toBe(false);
    expect(cmk.isIntended).toBe(true);

    const awsEbs = keyUsage(i, EBS_ARN);
    expect(awsEbs).toMatchObject({ volumes: 1, snapshots: 0, images: 0, launchTemplates: [], buckets: [] });
    // GetEbsDefaultKmsKeyId answered alias/aws/ebs; the volume says the key ARN: one key.
    expect(awsEbs.isDefault).toBe(true);
  });
});

describe('repeated AMIs by key, not by text', () => {
  it('sees one key under three forms, and names the default-key mismatch', () => {
    const inv = inventoryOf();
    inv.ebsDefaults = { encryptionByDefault: true, defaultKmsKeyId: 'alias/aws/ebs' };
    inv.images = [
      image('ami-00000000000000001', 'avi-se-0b7c3a52-5d1e-4c36-9d55-2f1c8f0e6a11', 3, EBS_ARN),
      image('ami-00000000000000002', 'avi-se-1c7c3a52-5d1e-4c36-9d55-2f1c8f0e6a11', 2, EBS_ID),
      image('ami-00000000000000003', 'avi-se-2d7c3a52-5d1e-4c36-9d55-2f1c8f0e6a11', 1, 'alias/aws/ebs'),
    ];
    const [finding, ...rest] = checkRepeatedImages(input(inv, { intended: { ebsKey: 'alias/avi-cmk' } }));
    expect(rest).toEqual([]);
    expect(finding?.evidence.snapshotKeys).toBe('alias/aws/ebs');
    expect(finding?.evidence.cause).toBe('default-key mismatch');
  });

  it('says "unknown key" where a snapshot could not be read, and never crashes', () => {
    const inv = inventoryOf();
    inv.images = [
      image('ami-00000000000000001', 'builder-20261201', 3, CMK_ARN),
      image('ami-00000000000000002', 'builder-20261202', 2, undefined),
      image('ami-00000000000000003', 'builder-20261203', 1, CMK_ID),
    ];
    const [finding] = checkRepeatedImages(input(inv));
    expect(String(finding?.evidence.snapshotKeys).split(', ').sort()).toEqual([
      'alias/avi-cmk',
      'unknown key',
    ]);
  });
});

describe('shared-image key check by key, not by text', () => {
  it('finds the AWS managed key behind a snapshot key given as a key id', () => {
    const inv = inventoryOf();
    inv.images = [image('ami-00000000000000001', 'golden', 1, EBS_ID)];
    const findings = checkImagesAndSnapshots(
      input(inv, { launchPermissions: new Map([['ami-00000000000000001', ['210987654321']]]) }),
    ).filter((f) => f.evidence.sharedWith !== undefined);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.evidence).toMatchObject({ key: 'alias/aws/ebs', keyManager: 'AWS' });
  });
});
