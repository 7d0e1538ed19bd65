// kublr-cluster (us-east-1), from the Kublr seed: an Auto Scaling group of masters launched from a
// launch template, each master with an etcd data volume, a worker group, and a CMK alias/kublr-ebs
// whose policy lacks the Auto Scaling service-linked role's CreateGrant statement, so instances
// the ASG launches with volumes under that key fail. A few unencrypted snapshots lie around.
import { createKmsKeyWithAlias } from '../kms/factory';
import { mintLaunchTemplateId } from '../ids';
import { createWorld } from '../world-factory';
import type { SandboxWorld } from '../world';
import { addImage, addInstance, addSnapshot } from './builders';
import { kublrKeyPolicy } from './kublr-policy';

export const KUBLR_REGION = 'us-east-1';
const CANONICAL = '099720109477';
const DAY = 86_400_000;

export interface KublrClusterIds {
  masterInstanceIds: string[];
  workerInstanceIds: string[];
  etcdVolumeIds: string[];
  rootVolumeIds: string[];
  launchTemplateIds: string[];
  autoScalingGroupNames: string[];
  cmkArn: string;
  imageId: string;
  etcdSnapshotIds: string[];
}

export function loadKublrCluster(world: SandboxWorld, now: number): KublrClusterIds {
  const region = KUBLR_REGION;
  const account = world.defaultAccountId;
  const slrArn = `arn:aws:iam::${account}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
  world.principals.set(`arn:aws:iam::${account}:user/kublr`, {
    arn: `arn:aws:iam::${account}:user/kublr`,
    accountId: account,
    userId: 'AIDAKUBLRUSER00000001',
    policies: [
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['ec2:*', 'autoscaling:*', 'kms:*', 'iam:PassRole'], Resource: '*' },
        ],
      }),
    ],
  });
  world.principals.set(slrArn, {
    arn: slrArn,
    accountId: account,
    userId: 'AROAAUTOSCALINGSLR001',
    // AutoScalingServiceRolePolicy grants EC2 and ELB actions, nothing on KMS keys.
    policies: [
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['ec2:*', 'elasticloadbalancing:*', 'cloudwatch:*'], Resource: '*' },
        ],
      }),
    ],
  });
  const cmk = createKmsKeyWithAlias(world, 'alias/kublr-ebs', {
    region,
    now: now - 120 * DAY,
    description: 'Kublr cluster EBS key',
    policy: kublrKeyPolicy(account, region, 'kublr'),
  }).key;

  const image = addImage(world, {
    region,
    ownerId: CANONICAL,
    name: 'ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20240207',
    description: 'Canonical, Ubuntu, 22.04 LTS, amd64 jammy image',
    sizeGiB: 8,
    creationDate: now - 300 * DAY,
    isPublic: true,
  }).image;

  const groups = [
    { role: 'master', count: 3, type: 'm5.large', etcd: true },
    { role: 'node', count: 2, type: 'm5.xlarge', etcd: false },
  ];
  const ids: KublrClusterIds = {
    masterInstanceIds: [],
    workerInstanceIds: [],
    etcdVolumeIds: [],
    rootVolumeIds: [],
    launchTemplateIds: [],
    autoScalingGroupNames: [],
    cmkArn: cmk.arn,
    imageId: image.imageId,
    etcdSnapshotIds: [],
  };
  for (const group of groups) {
    const name = `kublr-cluster-${group.role}`;
    const launchTemplateId = mintLaunchTemplateId(world);
    const created = now - 60 * DAY;
    world.launchTemplates.set(launchTemplateId, {
      launchTemplateId,
      launchTemplateName: name,
      accountId: account,
      region,
      createTime: created,
      tags: [{ Key: 'KubernetesCluster', Value: 'kublr-cluster' }],
      versions: [
        {
          versionNumber: 1,
          createTime: created,
          isDefault: false,
          data: {
            imageId: image.imageId,
            instanceType: group.type,
            blockDeviceMappings: [
              {
                deviceName: '/dev/sda1',
                ebs: { volumeSizeGiB: 40, volumeType: 'gp2', deleteOnTermination: true },
              },
            ],
          },
        },
        {
          // Version 2 turns on root encryption with the CMK: launches now need the SLR's grant.
          versionNumber: 2,
          createTime: now - 2 * DAY,
          isDefault: true,
          data: {
            imageId: image.imageId,
            instanceType: group.type,
            blockDeviceMappings: [
              {
                deviceName: '/dev/sda1',
                ebs: {
                  volumeSizeGiB: 40,
                  volumeType: 'gp3',
                  encrypted: true,
                  kmsKeyId: 'alias/kublr-ebs',
                  deleteOnTermination: true,
                },
              },
            ],
          },
        },
      ],
    });
    const instanceIds: string[] = [];
    for (let i = 0; i < group.count; i++) {
      const { instance, volumes } = addInstance(world, {
        region,
        availabilityZone: `${region}${['a', 'b', 'c'][i % 3] ?? 'a'}`,
        image,
        instanceType: group.type,
        name: `${name}-${i + 1}`,
        launchTime: created,
        rootSizeGiB: 40,
        ...(group.etcd
          ? { dataVolumes: [{ device: '/dev/xvdf', sizeGiB: 20, volumeType: 'gp3' as const }] }
          : {}),
        tags: [
          { Key: 'KubernetesCluster', Value: 'kublr-cluster' },
          { Key: 'aws:autoscaling:groupName', Value: name },
        ],
      });
      instanceIds.push(instance.instanceId);
      ids.rootVolumeIds.push(volumes[0]?.volumeId ?? '');
      const etcd = volumes[1];
      if (etcd) {
        etcd.tags.push({ Key: 'kublr.io/etcd', Value: 'true' });
        ids.etcdVolumeIds.push(etcd.volumeId);
        ids.etcdSnapshotIds.push(
          addSnapshot(world, {
            region,
            volumeId: etcd.volumeId,
            sizeGiB: 20,
            startTime: now - DAY,
            description: `etcd backup ${name}-${i + 1}`,
          }).snapshotId,
        );
      }
    }
    (group.etcd ? ids.masterInstanceIds : ids.workerInstanceIds).push(...instanceIds);
    ids.launchTemplateIds.push(launchTemplateId);
    ids.autoScalingGroupNames.push(name);
    world.autoScalingGroups.set(name, {
      name,
      arn: `arn:aws:autoscaling:${region}:${account}:autoScalingGroup:${launchTemplateId.slice(3)}-0000-4000-8000-000000000000:autoScalingGroupName/${name}`,
      accountId: account,
      region,
      launchTemplate: { launchTemplateId, launchTemplateName: name, version: '$Default' },
      minSize: group.count,
      maxSize: group.count,
      desiredCapacity: group.count,
      availabilityZones: [`${region}a`, `${region}b`, `${region}c`],
      instanceIds,
      createdTime: created,
      tags: [{ Key: 'KubernetesCluster', Value: 'kublr-cluster' }],
      serviceLinkedRoleArn: slrArn,
    });
  }
  return ids;
}

let memo: KublrClusterIds | undefined;

export const kublrCluster = {
  region: KUBLR_REGION,
  get ids(): KublrClusterIds {
    memo ??= loadKublrCluster(createWorld({ scenario: 'kublr-cluster' }), 0);
    return memo;
  },
};
