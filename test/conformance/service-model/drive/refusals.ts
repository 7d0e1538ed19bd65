// The refusals and failures the app handles, with the sandbox's own wire code writing them:
// ec2:GetEbsDefaultKmsKeyId and iam:SimulatePrincipalPolicy denied (the diagnostics' "could not
// check: <why>"), EC2's request limit, each service unavailable (503), and the asynchronous
// failures of a key EC2 cannot use (a volume in `error` or gone, an image `failed` with a state
// reason) that the executors notice at their next poll. Outcomes that are behaviour questions are
// settled either way: here only the answers' shapes matter.
import {
  CopyImageCommand,
  CreateVolumeCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeVolumesCommand,
  GetEbsDefaultKmsKeyIdCommand,
} from '@aws-sdk/client-ec2';
import { SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import { ListAccountsCommand } from '@aws-sdk/client-sso';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AviLabIds } from '../../../../electron/sandbox/scenarios/avi-lab';
import { expectError, settle, type DriveContext } from './context';

const HOURS = 6 * 3_600_000;
// The unfiltered, unpaginated DescribeInstances bucket holds 50 calls (throttle.ts, as the EC2
// API reference's "Request throttling" documents); the clock is frozen, so it does not refill.
const BEYOND_THE_BUCKET = 51;

export async function driveRefusals(ctx: DriveContext): Promise<void> {
  const { control } = ctx.sandbox;
  control.addFault({
    kind: 'fail',
    service: 'ec2',
    action: 'GetEbsDefaultKmsKeyId',
    code: 'UnauthorizedOperation',
    message: 'You are not authorized to perform this operation.',
    status: 403,
  });
  await expectError(ctx.ec2.send(new GetEbsDefaultKmsKeyIdCommand({})), 'UnauthorizedOperation');
  control.addFault({
    kind: 'fail',
    service: 'iam',
    action: 'SimulatePrincipalPolicy',
    code: 'AccessDenied',
    message:
      'User: arn:aws:iam::123456789012:user/sandbox-admin is not authorized to perform: iam:SimulatePrincipalPolicy',
    status: 403,
  });
  await expectError(
    ctx.iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: 'arn:aws:iam::123456789012:user/sandbox-admin',
        ActionNames: ['kms:Decrypt'],
      }),
    ),
    'AccessDenied',
  );
  control.clearFaults();
}

export async function driveUnavailable(ctx: DriveContext): Promise<void> {
  const { control } = ctx.sandbox;
  control.addFault({ kind: 'unavailable', forMs: 60_000 });
  await settle(ctx.ec2.send(new DescribeInstancesCommand({})));
  await settle(ctx.kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/ebs' })));
  await settle(ctx.s3.send(new ListBucketsCommand({})));
  await settle(ctx.sts.send(new GetCallerIdentityCommand({})));
  await settle(ctx.sso.send(new ListAccountsCommand({ accessToken: 'not-a-token' })));
  control.clearFaults();
  control.setThrottling(true);
  try {
    for (let i = 0; i < BEYOND_THE_BUCKET; i += 1)
      await settle(ctx.ec2.send(new DescribeInstancesCommand({})));
  } finally {
    control.setThrottling(false);
  }
}

// A volume and an AMI copy under a key pending deletion: AWS accepts both calls and fails them
// afterwards (EC2 API reference, CreateVolume/CopyImage `KmsKeyId`: "authenticated asynchronously").
export async function driveKeyFailures(ctx: DriveContext, ids: AviLabIds): Promise<void> {
  const { ec2 } = ctx;
  const zone = `${ctx.region}a`;
  const volume = await ec2
    .send(
      new CreateVolumeCommand({
        AvailabilityZone: zone,
        Size: 8,
        Encrypted: true,
        KmsKeyId: ids.pendingDeletionKeyArn,
      }),
    )
    .catch(() => undefined);
  const copy = await ec2
    .send(
      new CopyImageCommand({
        SourceImageId: ids.seImageIds[0],
        SourceRegion: ctx.region,
        Name: 'conformance-doomed-copy',
        Encrypted: true,
        KmsKeyId: ids.pendingDeletionKeyArn,
      }),
    )
    .catch(() => undefined);
  ctx.advance(HOURS);
  if (volume?.VolumeId) await settle(ec2.send(new DescribeVolumesCommand({ VolumeIds: [volume.VolumeId] })));
  if (copy?.ImageId) await settle(ec2.send(new DescribeImagesCommand({ ImageIds: [copy.ImageId] })));
}
