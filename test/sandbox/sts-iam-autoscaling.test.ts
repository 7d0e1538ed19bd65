// STS, IAM SimulatePrincipalPolicy and Auto Scaling through the real SDK v3 clients.
import {
  AutoScalingClient,
  DescribeAutoScalingGroupsCommand,
  paginateDescribeAutoScalingGroups,
} from '@aws-sdk/client-auto-scaling';
import { IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { kublrCluster } from '../../electron/sandbox/scenarios/kublr-cluster';
import { withSandbox } from '../helpers/sandbox';

const sandbox = withSandbox({ scenario: 'kublr-cluster', speed: 0 });
const ACCOUNT = '123456789012';

async function assume(roleName: string, durationSeconds = 900) {
  const out = await new STSClient(sandbox.sdkConfig).send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${ACCOUNT}:role/${roleName}`,
      RoleSessionName: 'tester',
      DurationSeconds: durationSeconds,
    }),
  );
  const c = out.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) throw new Error('no credentials');
  return {
    out,
    credentials: {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
    },
  };
}

describe('STS', () => {
  it('GetCallerIdentity names the sandbox user', async () => {
    const id = await new STSClient(sandbox.sdkConfig).send(new GetCallerIdentityCommand({}));
    expect(id).toMatchObject({
      Account: ACCOUNT,
      Arn: `arn:aws:iam::${ACCOUNT}:user/sandbox-admin`,
      UserId: 'AIDASANDBOXADMIN00001',
    });
  });

  it('AssumeRole mints temporary credentials that act as the role session until they expire', async () => {
    const { out, credentials } = await assume('ReadOnly');
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/ReadOnly/tester`);
    expect(credentials.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(out.Credentials?.Expiration?.getTime()).toBe(sandbox.handle.clock.now() + 900_000);

    const asRole = new STSClient({ ...sandbox.sdkConfig, credentials });
    const id = await asRole.send(new GetCallerIdentityCommand({}));
    expect(id.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/ReadOnly/tester`);
    expect(id.UserId).toBe('AROASANDBOXREADONLY01:tester');

    const withoutToken = new STSClient({
      ...sandbox.sdkConfig,
      credentials: { ...credentials, sessionToken: undefined },
    });
    await expect(withoutToken.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'InvalidClientTokenId',
    });

    sandbox.control.advanceClock(900_000);
    await expect(asRole.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'ExpiredToken',
    });
  });

  it('refuses unknown roles, callers without sts:AssumeRole and bad durations', async () => {
    const sts = new STSClient(sandbox.sdkConfig);
    await expect(
      sts.send(
        new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/Nope`, RoleSessionName: 's1' }),
      ),
    ).rejects.toMatchObject({
      name: 'AccessDenied',
    });
    await expect(
      sts.send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${ACCOUNT}:role/ReadOnly`,
          RoleSessionName: 's1',
          DurationSeconds: 60,
        }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationError' });
    const { credentials } = await assume('ReadOnly');
    const readOnly = new STSClient({ ...sandbox.sdkConfig, credentials });
    await expect(
      readOnly.send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${ACCOUNT}:role/AdministratorAccess`,
          RoleSessionName: 's2',
        }),
      ),
    ).rejects.toMatchObject({
      name: 'AccessDenied',
      message: expect.stringContaining('is not authorized to perform: sts:AssumeRole') as unknown,
    });
  });
});

describe('IAM SimulatePrincipalPolicy', () => {
  const iam = () => new IAMClient(sandbox.sdkConfig);

  it('evaluates identity policies: allowed, implicitDeny, explicitDeny', async () => {
    const readOnly = await iam().send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/ReadOnly`,
        ActionNames: ['ec2:DescribeVolumes', 'ec2:CreateVolume'],
      }),
    );
    expect(readOnly.EvaluationResults?.map((r) => [r.EvalActionName, r.EvalDecision])).toEqual([
      ['ec2:DescribeVolumes', 'allowed'],
      ['ec2:CreateVolume', 'implicitDeny'],
    ]);
    const denied = await iam().send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/sandbox-admin`,
        ActionNames: ['kms:ScheduleKeyDeletion', 'kms:DescribeKey'],
        ResourceArns: [kublrCluster.ids.cmkArn],
        PolicyInputList: [
          JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Deny', Action: 'kms:Schedule*', Resource: '*' }],
          }),
        ],
      }),
    );
    expect(denied.EvaluationResults?.map((r) => r.EvalDecision)).toEqual(['explicitDeny', 'allowed']);
    expect(denied.EvaluationResults?.[0]?.MatchedStatements?.[0]?.SourcePolicyId).toBe('PolicyInputList.1');
    expect(denied.EvaluationResults?.[0]?.EvalResourceName).toBe(kublrCluster.ids.cmkArn);
  });

  it('pages with MaxItems/Marker and reports unknown principals', async () => {
    const first = await iam().send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/kublr`,
        ActionNames: ['ec2:CreateVolume', 'kms:CreateGrant', 's3:GetObject'],
        MaxItems: 2,
      }),
    );
    expect(first.IsTruncated).toBe(true);
    const second = await iam().send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/kublr`,
        ActionNames: ['ec2:CreateVolume', 'kms:CreateGrant', 's3:GetObject'],
        MaxItems: 2,
        Marker: first.Marker,
      }),
    );
    expect(second.IsTruncated).toBe(false);
    expect(second.EvaluationResults?.map((r) => [r.EvalActionName, r.EvalDecision])).toEqual([
      ['s3:GetObject', 'implicitDeny'],
    ]);
    await expect(
      iam().send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/ghost`,
          ActionNames: ['ec2:*'],
        }),
      ),
    ).rejects.toMatchObject({ name: 'NoSuchEntityException' });
  });
});

describe('Auto Scaling DescribeAutoScalingGroups', () => {
  const client = () => new AutoScalingClient({ ...sandbox.sdkConfig, region: 'us-east-1' });

  it('describes the kublr groups with launch templates and instances', async () => {
    const out = await client().send(
      new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ['kublr-cluster-master'] }),
    );
    const group = out.AutoScalingGroups?.[0];
    expect(group).toMatchObject({
      AutoScalingGroupName: 'kublr-cluster-master',
      LaunchTemplate: { LaunchTemplateId: kublrCluster.ids.launchTemplateIds[0], Version: '$Default' },
      DesiredCapacity: 3,
      ServiceLinkedRoleARN: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
    });
    expect(group?.Instances?.map((i) => i.InstanceId)).toEqual(kublrCluster.ids.masterInstanceIds);
    expect(group?.Instances?.[0]?.LifecycleState).toBe('InService');
  });

  it('pages with MaxRecords through the SDK paginator and filters by tag', async () => {
    const names: string[] = [];
    for await (const page of paginateDescribeAutoScalingGroups({ client: client(), pageSize: 1 }, {})) {
      expect(page.AutoScalingGroups?.length).toBe(1);
      names.push(...(page.AutoScalingGroups ?? []).map((g) => g.AutoScalingGroupName ?? ''));
    }
    expect(names).toEqual(kublrCluster.ids.autoScalingGroupNames);
    const filtered = await client().send(
      new DescribeAutoScalingGroupsCommand({
        Filters: [{ Name: 'tag:KubernetesCluster', Values: ['other'] }],
      }),
    );
    expect(filtered.AutoScalingGroups).toEqual([]);
    await expect(
      client().send(new DescribeAutoScalingGroupsCommand({ MaxRecords: 500 })),
    ).rejects.toMatchObject({ name: 'ValidationError' });
    const elsewhere = await new AutoScalingClient({ ...sandbox.sdkConfig, region: 'us-west-2' }).send(
      new DescribeAutoScalingGroupsCommand({}),
    );
    expect(elsewhere.AutoScalingGroups).toEqual([]);
  });
});
