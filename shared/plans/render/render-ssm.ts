// The migration as an AWS Systems Manager Automation runbook (schemaVersion 0.3). It is written for
// ONE instance of the plan's layout (devices, types, IOPS, throughput) and takes the instance as a
// parameter, so a fleet with that layout is migrated inside AWS with SSM's rate controls:
//   aws ssm start-automation-execution --document-name NAME --target-parameter-name InstanceId \
//     --targets Key=ParameterValues,Values=i-1,i-2,i-3 --max-concurrency 2 --max-errors 1
// The original volumes are looked up by device at run time; the same swap as Envelope's executor.
import { stringify } from 'yaml';
import type { Plan } from '../plan-document';
import { isReplacePlan } from './bash-replace';
import { migrationLayout, type InstanceLayout, type LayoutVolume } from './migration-layout';

type Step = Record<string, unknown>;
const id = (device: string) => device.replace(/[^A-Za-z0-9]/g, '');

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

function volumeSteps(
  v: LayoutVolume,
  layout: InstanceLayout,
): { find: Step[]; create: Step[]; swap: Step[]; verify: Step[] } {
  const d = id(v.device);
  const original = `{{FindVolume_${d}.VolumeId}}`;
  const created = `{{CreateVolume_${d}.VolumeId}}`;
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
        },
        outputs: [{ Name: 'VolumeId', Selector: '$.VolumeId', Type: 'String' }],
      },
      waitVolume(`WaitCreated_${d}`, created, 'available'),
    ],
    swap: [
      {
        name: `Detach_${d}`,
        action: 'aws:executeAwsApi',
        inputs: { Service: 'ec2', Api: 'DetachVolume', VolumeId: original, InstanceId: '{{InstanceId}}' },
      },
      waitVolume(`WaitDetached_${d}`, original, 'available'),
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
      waitVolume(`WaitAttached_${d}`, created, 'in-use'),
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

const waitVolume = (name: string, volumeId: string, state: string): Step => ({
  name,
  action: 'aws:waitForAwsResourceProperty',
  timeoutSeconds: 3600,
  inputs: {
    Service: 'ec2',
    Api: 'DescribeVolumes',
    VolumeIds: [volumeId],
    PropertySelector: '$.Volumes[0].State',
    DesiredValues: [state],
  },
});

export function renderSsm(plan: Plan): string {
  if (plan.kind !== 'migration') {
    throw new Error('An SSM Automation runbook can be exported for migration plans only.');
  }
  // The runbook is the swap: a replace needs a person to confirm each node, so it stays a script.
  if (isReplacePlan(plan)) {
    throw new Error(
      'An SSM Automation runbook is exported for the swap and re-key strategies; export a replace plan as a bash script.',
    );
  }
  const layout = migrationLayout(plan)[0];
  if (!layout) throw new Error('The migration plan names no instance.');
  const parts = layout.volumes.map((v) => volumeSteps(v, layout));
  const dot = layout.volumes.filter((v) => v.deleteOnTermination);
  const mainSteps: Step[] = [
    {
      name: 'DescribeInstance',
      action: 'aws:executeAwsApi',
      inputs: { Service: 'ec2', Api: 'DescribeInstances', InstanceIds: ['{{InstanceId}}'] },
      outputs: [
        {
          Name: 'AvailabilityZone',
          Selector: '$.Reservations[0].Instances[0].Placement.AvailabilityZone',
          Type: 'String',
        },
      ],
    },
    ...parts.flatMap((p) => p.find),
    ...(layout.wasRunning
      ? [
          {
            name: 'StopInstance',
            action: 'aws:changeInstanceState',
            inputs: { InstanceIds: ['{{InstanceId}}'], DesiredState: 'stopped' },
          },
        ]
      : []),
    ...parts.flatMap((p) => p.create),
    ...parts.flatMap((p) => p.swap),
    ...(dot.length > 0
      ? [
          {
            name: 'RestoreDeleteOnTermination',
            action: 'aws:executeAwsApi',
            inputs: {
              Service: 'ec2',
              Api: 'ModifyInstanceAttribute',
              InstanceId: '{{InstanceId}}',
              BlockDeviceMappings: dot.map((v) => ({
                DeviceName: v.device,
                Ebs: { DeleteOnTermination: true },
              })),
            },
          },
        ]
      : []),
    ...(layout.wasRunning
      ? [
          {
            name: 'StartInstance',
            action: 'aws:changeInstanceState',
            inputs: { InstanceIds: ['{{InstanceId}}'], DesiredState: 'running' },
          },
        ]
      : []),
    ...parts.flatMap((p) => p.verify),
  ];
  const doc = {
    description: [
      `# ${plan.title}`,
      `Generated by Envelope from plan ${plan.id} (sha256 ${plan.sha256}).`,
      `Encrypts the EBS volumes on ${layout.volumes.map((v) => v.device).join(', ')} in place with a KMS key: online snapshots, stop, final snapshots, encrypted volumes (same type, IOPS, throughput), swap on the same devices, DeleteOnTermination, start, verify. The originals and snapshots are kept.`,
      'Fleet: start-automation-execution with --target-parameter-name InstanceId and --max-concurrency / --max-errors.',
    ].join('\n\n'),
    schemaVersion: '0.3',
    assumeRole: '{{AutomationAssumeRole}}',
    parameters: {
      InstanceId: {
        type: 'String',
        description: 'The instance to migrate (same device layout as the plan).',
        default: layout.instanceId,
      },
      KmsKeyId: {
        type: 'String',
        description: 'ARN of the KMS key for the new volumes.',
        default: layout.kmsKeyArn,
      },
      AutomationAssumeRole: {
        type: 'String',
        description:
          'ARN of the role Automation assumes (ec2 snapshot/volume/instance actions, kms:CreateGrant/GenerateDataKey*/Decrypt/DescribeKey on the key).',
        default: '',
      },
    },
    mainSteps,
  };
  return stringify(doc, { lineWidth: 0 });
}
