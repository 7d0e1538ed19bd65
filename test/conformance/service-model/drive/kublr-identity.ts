// kublr-cluster as the app reads it (instances, volumes, snapshots, images, launch templates and
// their default versions, Auto Scaling groups, the IAM simulation of the node roles' key use),
// and the identity calls: STS caller identity and role assumption, the SSO device login and the
// portal's accounts, roles and role credentials, with the errors the login flow relies on.
import {
  DescribeAutoScalingGroupsCommand,
  paginateDescribeAutoScalingGroups,
} from '@aws-sdk/client-auto-scaling';
import {
  DescribeImagesCommand,
  paginateDescribeImages,
  paginateDescribeInstances,
  paginateDescribeLaunchTemplates,
  paginateDescribeLaunchTemplateVersions,
  paginateDescribeSnapshots,
  paginateDescribeVolumes,
} from '@aws-sdk/client-ec2';
import { paginateSimulatePrincipalPolicy, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { DescribeKeyCommand, paginateListGrants } from '@aws-sdk/client-kms';
import {
  GetRoleCredentialsCommand,
  paginateListAccountRoles,
  paginateListAccounts,
  ListAccountsCommand,
} from '@aws-sdk/client-sso';
import {
  CreateTokenCommand,
  RegisterClientCommand,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { KublrClusterIds } from '../../../../electron/sandbox/scenarios/kublr-cluster';
import { allPages, expectError, type DriveContext } from './context';

const ACCOUNT = '123456789012';

export async function driveKublr(ctx: DriveContext, ids: KublrClusterIds): Promise<void> {
  const { ec2, autoscaling, iam, kms } = ctx;
  await allPages(paginateDescribeInstances({ client: ec2, pageSize: 5 }, {}));
  await allPages(paginateDescribeVolumes({ client: ec2, pageSize: 5 }, {}));
  await allPages(paginateDescribeSnapshots({ client: ec2, pageSize: 5 }, { OwnerIds: ['self'] }));
  await allPages(paginateDescribeImages({ client: ec2, pageSize: 5 }, { Owners: ['self'] }));
  await ec2.send(new DescribeImagesCommand({ ImageIds: [ids.imageId] })); // ids take no MaxResults
  await allPages(paginateDescribeLaunchTemplates({ client: ec2, pageSize: 1 }, {}));
  await allPages(
    paginateDescribeLaunchTemplateVersions({ client: ec2, pageSize: 1 }, { Versions: ['$Default'] }),
  );
  await allPages(paginateDescribeAutoScalingGroups({ client: autoscaling, pageSize: 1 }, {}));
  await autoscaling.send(
    new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ids.autoScalingGroupNames }),
  );
  await kms.send(new DescribeKeyCommand({ KeyId: ids.cmkArn }));
  await allPages(paginateListGrants({ client: kms }, { KeyId: ids.cmkArn }));
  const simulation = {
    PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/kublr`,
    ActionNames: [
      'kms:CreateGrant',
      'kms:Decrypt',
      'kms:GenerateDataKeyWithoutPlaintext',
      'ec2:CreateVolume',
    ],
    ResourceArns: [ids.cmkArn],
  };
  await allPages(paginateSimulatePrincipalPolicy({ client: iam, pageSize: 1000 }, simulation));
  await allPages(paginateSimulatePrincipalPolicy({ client: iam, pageSize: 1 }, simulation));
  await expectError(
    iam.send(
      new SimulatePrincipalPolicyCommand({
        ...simulation,
        PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/nobody`,
      }),
    ),
    'NoSuchEntityException',
  );
}

export async function driveIdentity(ctx: DriveContext): Promise<void> {
  const { sts, oidc, sso, sandbox } = ctx;
  await sts.send(new GetCallerIdentityCommand({}));
  await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${ACCOUNT}:role/ReadOnly`,
      RoleSessionName: 'envelope-conformance',
    }),
  );
  await expectError(
    sts.send(
      new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/nobody`, RoleSessionName: 'envelope' }),
    ),
    'AccessDenied',
  );

  const client = await oidc.send(
    new RegisterClientCommand({
      clientName: 'envelope-conformance',
      clientType: 'public',
      scopes: ['sso:account:access'],
    }),
  );
  const credentials = { clientId: client.clientId, clientSecret: client.clientSecret };
  const device = await oidc.send(
    new StartDeviceAuthorizationCommand({ ...credentials, startUrl: sandbox.handle.world.sso.startUrl }),
  );
  const tokenInput = {
    ...credentials,
    grantType: 'urn:ietf:params:oauth:grant-type:device_code',
    deviceCode: device.deviceCode,
  };
  await expectError(oidc.send(new CreateTokenCommand(tokenInput)), 'AuthorizationPendingException');
  sandbox.control.approveDevice(device.userCode ?? '');
  const token = await oidc.send(new CreateTokenCommand(tokenInput));
  const accessToken = token.accessToken ?? '';
  const accounts = (await allPages(paginateListAccounts({ client: sso }, { accessToken }))).flatMap(
    (p) => p.accountList ?? [],
  );
  for (const account of accounts) {
    const accountId = account.accountId ?? '';
    const roles = (
      await allPages(paginateListAccountRoles({ client: sso }, { accessToken, accountId }))
    ).flatMap((p) => p.roleList ?? []);
    for (const role of roles) {
      await sso.send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName: role.roleName }));
    }
  }
  await expectError(
    sso.send(new ListAccountsCommand({ accessToken: 'not-a-token' })),
    'UnauthorizedException',
  );
}
