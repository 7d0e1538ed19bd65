// avi-lab (us-west-2), from the Avi Vantage seeds: three controllers with unencrypted root and data
// volumes launched from Avi's public unencrypted controller AMI; service-engine AMIs created again
// and again (encryption by default is on with aws/ebs, while the cloud is configured with
// alias/avi-cmk, so the controller never finds an SE image "matching" its key); SE buckets; a CMK
// whose policy lacks the EC2 via-service statement; an RSA_2048 key; a key pending deletion; and
// alias/lab-ebs, a healthy CMK (KMS's default policy, rotation on) to encrypt the lab with.
import { seedSeBucketObjects } from './avi-lab-objects';
import { addAviLabOperator } from './avi-lab-operator';
import { ensureAwsManagedKeyIn } from '../kms/aws-managed';
import { createKmsKeyWithAlias } from '../kms/factory';
import { mintUuid } from '../ids';
import { createWorld } from '../world-factory';
import type { SandboxWorld } from '../world';
import { addBucket, addImage, addInstance, addSnapshot, addVolume, hoursAgo } from './builders';

export const AVI_REGION = 'us-west-2';
export const AVI_IMAGE_OWNER = '444455556666'; // the vendor's account that publishes the controller AMI
const DAY = 86_400_000;

export interface AviLabIds {
  controllerInstanceIds: string[];
  controllerVolumeIds: string[];
  controllerImageId: string;
  seImageIds: string[];
  seSnapshotIds: string[];
  cmkArn: string;
  awsEbsKeyArn: string;
  asymmetricKeyArn: string;
  pendingDeletionKeyArn: string;
  labKeyArn: string; // alias/lab-ebs: usable by EC2 for the account, the key the lab is encrypted with
  seBucket: string; // avi-se-<uuid>, versioned, SSE-S3
  prefixedSeBucket: string; // lab-se-<uuid>, no default-encryption configuration
  scratchVolumeId: string;
  unencryptedSnapshotId: string;
}

// Policy of alias/avi-cmk: the admin and the Avi controller role may use the key, but there is no
// "Allow access through EBS for all principals in the account" statement (kms:ViaService
// ec2.us-west-2.amazonaws.com + kms:CallerAccount) and no CreateGrant for AWS resources.
function aviCmkPolicy(accountId: string): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Id: 'avi-cmk-policy',
      Statement: [
        {
          Sid: 'Allow administration of the key',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${accountId}:user/sandbox-admin` },
          Action: [
            'kms:Create*',
            'kms:Describe*',
            'kms:Enable*',
            'kms:List*',
            'kms:Put*',
            'kms:Update*',
            'kms:Revoke*',
            'kms:Disable*',
            'kms:Get*',
            'kms:Delete*',
            'kms:TagResource',
            'kms:UntagResource',
            'kms:ScheduleKeyDeletion',
            'kms:CancelKeyDeletion',
          ],
          Resource: '*',
        },
        {
          Sid: 'Allow use of the key',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${accountId}:role/avi-controller` },
          Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
          Resource: '*',
        },
      ],
    },
    null,
    2,
  );
}

export function loadAviLab(world: SandboxWorld, now: number): AviLabIds {
  const region = AVI_REGION;
  const account = world.defaultAccountId;
  const az = (s: string): string => `${region}${s}`;
  world.principals.set(`arn:aws:iam::${account}:role/avi-controller`, {
    arn: `arn:aws:iam::${account}:role/avi-controller`,
    accountId: account,
    userId: 'AROAAVICONTROLLER0001',
    policies: [
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['ec2:*', 's3:*', 'kms:*'], Resource: '*' }],
      }),
    ],
  });

  addAviLabOperator(world, now - 30 * DAY);
  const awsEbs = ensureAwsManagedKeyIn(world, account, region, 'ebs', now - 400 * DAY);
  world.ebsEncryptionByDefault.set(`${account}/${region}`, { enabled: true });
  const cmk = createKmsKeyWithAlias(world, 'alias/avi-cmk', {
    region,
    now: now - 200 * DAY,
    description: 'Avi cloud CMK',
    policy: aviCmkPolicy(account),
  }).key;
  const asymmetric = createKmsKeyWithAlias(world, 'alias/avi-rsa', {
    region,
    now: now - 100 * DAY,
    description: 'RSA key (not usable for EBS)',
    keySpec: 'RSA_2048',
    keyUsage: 'ENCRYPT_DECRYPT',
  }).key;
  const pending = createKmsKeyWithAlias(world, 'alias/avi-old', {
    region,
    now: now - 300 * DAY,
    description: 'Retired Avi key',
    state: 'PendingDeletion',
    pendingWindowInDays: 30,
    deletionDate: now + 20 * DAY,
  }).key;

  const controllerImage = addImage(world, {
    region,
    ownerId: AVI_IMAGE_OWNER,
    name: 'avi-controller-22.1.3',
    description: 'Avi Vantage Controller 22.1.3',
    sizeGiB: 128,
    creationDate: now - 500 * DAY,
    isPublic: true,
  });
  const types = ['m5.2xlarge', 'm4.2xlarge', 'm2.4xlarge'];
  const controllers = types.map((instanceType, i) =>
    addInstance(world, {
      region,
      availabilityZone: az(['a', 'b', 'c'][i] ?? 'a'),
      image: controllerImage.image,
      instanceType,
      name: `avi-controller-${i + 1}`,
      launchTime: now - 90 * DAY,
      rootSizeGiB: 128,
      dataVolumes: [{ device: '/dev/sdb', sizeGiB: 256, volumeType: 'gp3' }],
      tags: [{ Key: 'avi:role', Value: 'controller' }],
      // What a replacement must copy (the replace strategy): the controllers' security group,
      // the role Avi's AWS guide names, and a key pair.
      securityGroupIds: ['sg-0a7c0e11ab5e0c001'],
      iamInstanceProfileArn: `arn:aws:iam::${account}:instance-profile/AviController-Refined-Role`,
      keyName: 'avi-lab',
    }),
  );

  // The controller rebuilds its SE image every time it cannot find one under the cloud's key;
  // each copy lands under aws/ebs because encryption by default is on with the default key.
  const cloudUuid = mintUuid(world);
  const seImages = [5, 4, 3, 2, 1].map((h) =>
    addImage(world, {
      region,
      name: `avi-se-${mintUuid(world)}`,
      description: 'Avi Service Engine image',
      sizeGiB: 40,
      kmsKeyArn: awsEbs.arn,
      creationDate: hoursAgo(now, h),
      tags: [{ Key: 'avi:cloud-uuid', Value: cloudUuid }],
    }),
  );

  const seBucket = addBucket(world, {
    name: `avi-se-${mintUuid(world)}`,
    region,
    creationDate: now - 60 * DAY,
    versioning: 'Enabled',
    encryption: { rules: [{ sseAlgorithm: 'AES256', bucketKeyEnabled: false }] },
  });
  // Created before S3 applied SSE-S3 to every bucket (January 2023): no encryption configuration.
  const prefixed = addBucket(world, {
    name: `lab-se-${mintUuid(world)}`,
    region,
    creationDate: Date.UTC(2021, 5, 1),
    versioning: 'Unversioned',
  });

  seedSeBucketObjects(seBucket, prefixed, now);

  const scratch = addVolume(world, {
    region,
    availabilityZone: az('a'),
    sizeGiB: 50,
    volumeType: 'gp2',
    createTime: now - 30 * DAY,
    tags: [{ Key: 'Name', Value: 'scratch' }],
  });
  const dataVolume = controllers[0]?.volumes[1];
  const backup = addSnapshot(world, {
    region,
    volumeId: dataVolume?.volumeId ?? scratch.volumeId,
    sizeGiB: dataVolume?.sizeGiB ?? 50,
    startTime: now - 7 * DAY,
    description: 'avi-controller-1 data backup',
  });

  // Minted last, so every id above stays what it was before this key existed.
  const labKey = createKmsKeyWithAlias(world, 'alias/lab-ebs', {
    region,
    now: now - 20 * DAY,
    description: 'Lab EBS key (default key policy)',
    rotationEnabled: true,
  }).key;

  return {
    controllerInstanceIds: controllers.map((c) => c.instance.instanceId),
    controllerVolumeIds: controllers.flatMap((c) => c.volumes.map((v) => v.volumeId)),
    controllerImageId: controllerImage.image.imageId,
    seImageIds: seImages.map((s) => s.image.imageId),
    seSnapshotIds: seImages.map((s) => s.snapshot.snapshotId),
    cmkArn: cmk.arn,
    awsEbsKeyArn: awsEbs.arn,
    asymmetricKeyArn: asymmetric.arn,
    pendingDeletionKeyArn: pending.arn,
    labKeyArn: labKey.arn,
    seBucket: seBucket.name,
    prefixedSeBucket: prefixed.name,
    scratchVolumeId: scratch.volumeId,
    unencryptedSnapshotId: backup.snapshotId,
  };
}

let memo: AviLabIds | undefined;

// The scenario's ids, the same on every load (computed once on a scratch world).
export const aviLab = {
  region: AVI_REGION,
  get ids(): AviLabIds {
    memo ??= loadAviLab(createWorld({ scenario: 'avi-lab' }), 0);
    return memo;
  },
};
