// The SSM runbook's main steps for one device of the layout: find the original on its device,
// snapshots, the encrypted volume, the swap and the check. Step names are the device without
// punctuation (/dev/sdb → devsdb), so the rollback (ssm-rollback.ts) can name the same steps.
import type { InstanceLayout, LayoutVolume } from './migration-layout';

export type Step = Record<string, unknown>;
export const id = (device: string): string => device.replace(/[^A-Za-z0-9]/g, '');

// Only outputs of steps that ran before any change (FindVolume_*) or of the step whose failure
// led here are referenced by the rollback, so no rollback step depends on a step that never ran.
export const originalOf = (v: LayoutVolume): string => `{{FindVolume_${id(v.device)}.VolumeId}}`;
export const createdOf = (v: LayoutVolume): string => `{{CreateVolume_${id(v.device)}.VolumeId}}`;

const snapshotSteps = (v: LayoutVolume, kind: 'Online' | 'Final', source: string): Step[] => {
  const d = id(v.device);
  return [
    {
      name: `Snapshot${kind}_${d}`,
      action: 'aws:executeAwsApi',
      inputs: {
        Service: 'ec2',
        Api: 'CreateSnapshot',
        VolumeId: source,
        Description: `Envelope ${kind.toLowerCase()} snapshot of ${v.device}`,
        TagSpecifications: [
          {
            ResourceType: 'snapshot',
            Tags: [
              { Key: 'envelope:migration', Value: '{{automation:EXECUTION_ID}}' },
              { Key: 'envelope:step', Value: `snapshot-${kind.toLowerCase()}` },
            ],
          },
        ],
      },
      outputs: [{ Name: 'SnapshotId', Selector: '$.SnapshotId', Type: 'String' }],
    },
    {
      name: `WaitSnapshot${kind}_${d}`,
      action: 'aws:waitForAwsResourceProperty',
      timeoutSeconds: 86400,
      inputs: {
        Service: 'ec2',
        Api: 'DescribeSnapshots',
        SnapshotIds: [`{{Snapshot${kind}_${d}.SnapshotId}}`],
        PropertySelector: '$.Snapshots[0].State',
        DesiredValues: ['completed'],
      },
    },
  ];
};

export const waitVolume = (name: string, volumeId: string, selector: string, value: string): Step => ({
  name,
  action: 'aws:waitForAwsResourceProperty',
  timeoutSeconds: 3600,
  inputs: {
    Service: 'ec2',
    Api: 'DescribeVolumes',
    VolumeIds: [volumeId],
    PropertySelector: selector,
    DesiredValues: [value],
  },
});
export const STATE = '$.Volumes[0].State';
export const ATTACHMENT_STATE = '$.Volumes[0].Attachments[0].State';

export interface VolumeSteps {
  find: Step[];
  create: Step[];
  swap: Step[];
  verify: Step[];
}

export function volumeSteps(v: LayoutVolume, layout: InstanceLayout): VolumeSteps {
  const d = id(v.device);
  const original = originalOf(v);
  const created = createdOf(v);
  return {
    find: [
      {
        name: `FindVolume_${d}`,
        action: 'aws:executeAwsApi',
        inputs: {
          Service: 'ec2',
          Api: 'DescribeVolumes',
          Filters: [
            { Name: 'attachment.instance-id', Values: ['{{InstanceId}}'] },
            { Name: 'attachment.device', Values: [v.device] },
          ],
        },
        outputs: [{ Name: 'VolumeId', Selector: '$.Volumes[0].VolumeId', Type: 'String' }],
      },
      ...snapshotSteps(v, 'Online', original),
    ],
    create: [
      ...(layout.wasRunning ? snapshotSteps(v, 'Final', original) : []),
      {
        name: `CreateVolume_${d}`,
        action: 'aws:executeAwsApi',
        inputs: {
          Service: 'ec2',
          Api: 'CreateVolume',
          AvailabilityZone: '{{DescribeInstance.AvailabilityZone}}',
          SnapshotId: `{{Snapshot${layout.wasRunning ? 'Final' : 'Online'}_${d}.SnapshotId}}`,
          VolumeType: v.volumeType,
          ...(v.iops !== null ? { Iops: v.iops } : {}),
          ...(v.throughput !== null ? { Throughput: v.throughput } : {}),
          Encrypted: true,
          KmsKeyId: '{{KmsKeyId}}',
          TagSpecifications: [
            {
              ResourceType: 'volume',
              Tags: [
                { Key: 'envelope:migration', Value: '{{automation:EXECUTION_ID}}' },
                { Key: 'envelope:step', Value: 'create-volumes' },
              ],
            },
          ],
        },
        outputs: [{ Name: 'VolumeId', Selector: '$.VolumeId', Type: 'String' }],
      },
      waitVolume(`WaitCreated_${d}`, created, STATE, 'available'),
    ],
    swap: [
      {
        name: `Detach_${d}`,
        action: 'aws:executeAwsApi',
        inputs: { Service: 'ec2', Api: 'DetachVolume', VolumeId: original, InstanceId: '{{InstanceId}}' },
      },
      waitVolume(`WaitDetached_${d}`, original, STATE, 'available'),
      {
        name: `Attach_${d}`,
        action: 'aws:executeAwsApi',
        inputs: {
          Service: 'ec2',
          Api: 'AttachVolume',
          VolumeId: created,
          InstanceId: '{{InstanceId}}',
          Device: v.device,
        },
      },
      waitVolume(`WaitAttached_${d}`, created, STATE, 'in-use'),
    ],
    verify: [
      {
        name: `VerifyEncrypted_${d}`,
        action: 'aws:assertAwsResourceProperty',
        inputs: {
          Service: 'ec2',
          Api: 'DescribeVolumes',
          VolumeIds: [created],
          PropertySelector: '$.Volumes[0].KmsKeyId',
          DesiredValues: ['{{KmsKeyId}}'],
        },
      },
    ],
  };
}

export const deleteOnTerminationStep = (name: string, layout: InstanceLayout): Step => ({
  name,
  action: 'aws:executeAwsApi',
  inputs: {
    Service: 'ec2',
    Api: 'ModifyInstanceAttribute',
    InstanceId: '{{InstanceId}}',
    BlockDeviceMappings: layout.volumes
      .filter((v) => v.deleteOnTermination)
      .map((v) => ({ DeviceName: v.device, Ebs: { DeleteOnTermination: true } })),
  },
});

export const powerStep = (name: string, state: 'stopped' | 'running'): Step => ({
  name,
  action: 'aws:changeInstanceState',
  inputs: { InstanceIds: ['{{InstanceId}}'], DesiredState: state },
});
