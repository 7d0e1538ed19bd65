// The refusals the app turns into "could not check: <why>" (the diagnostics' could-not-check
// findings): ec2:GetEbsDefaultKmsKeyId and iam:SimulatePrincipalPolicy denied, injected with the
// sandbox's `fail` fault so the error documents are written by the sandbox's own wire code.
import { GetEbsDefaultKmsKeyIdCommand } from '@aws-sdk/client-ec2';
import { SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { expectError, type DriveContext } from './context';

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
