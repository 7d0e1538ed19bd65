// The preflight's DryRun probes as the app sends them (electron/core/preflight): answers
// DryRunOperation when the caller may, UnauthorizedOperation with an encoded message when not
// (avi-lab's avi-lab-operator role may not ec2:AttachVolume), then sts:DecodeAuthorizationMessage
// on that message, and on one that AWS did not encode.
import {
  AttachVolumeCommand,
  CreateSnapshotCommand,
  CreateTagsCommand,
  CreateVolumeCommand,
  DescribeInstancesCommand,
  EC2Client,
  StopInstancesCommand,
} from '@aws-sdk/client-ec2';
import { CreateGrantCommand } from '@aws-sdk/client-kms';
import { AssumeRoleCommand, DecodeAuthorizationMessageCommand } from '@aws-sdk/client-sts';
import { AVI_LAB_OPERATOR_ROLE } from '../../../../electron/sandbox/scenarios/avi-lab-operator';
import type { AviLabIds } from '../../../../electron/sandbox/scenarios/avi-lab';
import type { RawAnswer } from '../answer';
import { recordAnswers } from '../recorder';
import { expectError, type DriveContext } from './context';

const ENCODED = /Encoded authorization failure message: ([A-Za-z0-9_-]+)/;

export async function drivePreflight(ctx: DriveContext, ids: AviLabIds, sink: RawAnswer[]): Promise<void> {
  const { ec2, sts } = ctx;
  const instanceId = ids.controllerInstanceIds[2] ?? '';
  const instance = (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] })))
    .Reservations?.[0]?.Instances?.[0];
  const volumeId = instance?.BlockDeviceMappings?.[0]?.Ebs?.VolumeId ?? '';
  const device = instance?.BlockDeviceMappings?.[0]?.DeviceName ?? '/dev/sda1';
  const zone = instance?.Placement?.AvailabilityZone ?? `${ctx.region}a`;
  const dryRun = 'DryRunOperation';
  await expectError(ec2.send(new CreateSnapshotCommand({ VolumeId: volumeId, DryRun: true })), dryRun);
  await expectError(
    ec2.send(
      new CreateTagsCommand({
        Resources: [volumeId],
        Tags: [{ Key: 'envelope:preflight', Value: 'dry-run' }],
        DryRun: true,
      }),
    ),
    dryRun,
  );
  await expectError(ec2.send(new StopInstancesCommand({ InstanceIds: [instanceId], DryRun: true })), dryRun);
  await expectError(
    ec2.send(
      new CreateVolumeCommand({
        AvailabilityZone: zone,
        Size: 8,
        Encrypted: true,
        KmsKeyId: ids.labKeyArn,
        DryRun: true,
      }),
    ),
    dryRun,
  );

  const role = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::123456789012:role/${AVI_LAB_OPERATOR_ROLE}`,
      RoleSessionName: 'envelope-preflight',
    }),
  );
  const operator = recordAnswers(
    new EC2Client({
      ...ctx.sandbox.sdkConfig,
      region: ctx.region,
      credentials: {
        accessKeyId: role.Credentials?.AccessKeyId ?? '',
        secretAccessKey: role.Credentials?.SecretAccessKey ?? '',
        sessionToken: role.Credentials?.SessionToken ?? '',
      },
    }),
    'ec2',
    sink,
  );
  try {
    const refusal = await operator
      .send(
        new AttachVolumeCommand({ VolumeId: volumeId, InstanceId: instanceId, Device: device, DryRun: true }),
      )
      .then(
        () => undefined,
        (error: { name?: string; message?: string }) => error,
      );
    if (refusal?.name !== 'UnauthorizedOperation')
      throw new Error(`expected UnauthorizedOperation, got ${refusal?.name}`);
    const encoded = ENCODED.exec(refusal.message ?? '')?.[1];
    if (encoded) await sts.send(new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded }));
  } finally {
    operator.destroy();
  }
  await expectError(
    sts.send(new DecodeAuthorizationMessageCommand({ EncodedMessage: 'not-an-encoded-message' })),
    'InvalidAuthorizationMessageException',
  );
}

// The preflight's KMS probe: CreateGrant with DryRun (KMS developer guide, "Testing your
// permissions"): DryRunOperationException when the caller may.
export async function driveKmsDryRun(ctx: DriveContext, ids: AviLabIds): Promise<void> {
  await expectError(
    ctx.kms.send(
      new CreateGrantCommand({
        KeyId: ids.labKeyArn,
        GranteePrincipal: 'arn:aws:iam::123456789012:user/sandbox-admin',
        Operations: ['Decrypt'],
        DryRun: true,
      }),
    ),
    'DryRunOperationException',
  );
}
