// Conformance: the real AWS CLI v2 (/usr/bin/aws --endpoint-url) against the sandbox for STS,
// IAM SimulatePrincipalPolicy and Auto Scaling; the CLI must parse every answer.
import { describe, expect, it } from 'vitest';
import { kublrCluster } from '../../electron/sandbox/scenarios/kublr-cluster';
import { runAwsCli, runAwsCliRaw, withSandbox } from '../helpers/sandbox';

// Real-time clock: each CLI run takes seconds, which at speed 3600 would expire the session.
const sandbox = withSandbox({ scenario: 'kublr-cluster', speed: 1 });
const ACCOUNT = '123456789012';

describe('aws sts', () => {
  it('get-caller-identity', async () => {
    const id = await runAwsCli(['sts', 'get-caller-identity'], sandbox.env);
    expect(id).toEqual({
      UserId: 'AIDASANDBOXADMIN00001',
      Account: ACCOUNT,
      Arn: `arn:aws:iam::${ACCOUNT}:user/sandbox-admin`,
    });
  });

  it('assume-role, then get-caller-identity with the session credentials', async () => {
    const out = await runAwsCli<{ Credentials: Record<string, string>; AssumedRoleUser: { Arn: string } }>(
      [
        'sts',
        'assume-role',
        '--role-arn',
        `arn:aws:iam::${ACCOUNT}:role/ReadOnly`,
        '--role-session-name',
        'cli',
      ],
      sandbox.env,
    );
    expect(out.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/ReadOnly/cli`);
    expect(out.Credentials.Expiration).toMatch(/^\d{4}-\d\d-\d\dT/);
    const env = {
      ...sandbox.env,
      AWS_ACCESS_KEY_ID: out.Credentials.AccessKeyId,
      AWS_SECRET_ACCESS_KEY: out.Credentials.SecretAccessKey,
      AWS_SESSION_TOKEN: out.Credentials.SessionToken,
    };
    const id = await runAwsCli<{ Arn: string }>(['sts', 'get-caller-identity'], env);
    expect(id.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/ReadOnly/cli`);
  });

  it('reports an unknown access key as InvalidClientTokenId', async () => {
    const result = await runAwsCliRaw(['sts', 'get-caller-identity'], {
      ...sandbox.env,
      AWS_ACCESS_KEY_ID: 'AKIAUNKNOWNKEY000000',
    });
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('InvalidClientTokenId');
  });
});

describe('aws iam simulate-principal-policy', () => {
  it('answers EvaluationResults the CLI parses', async () => {
    const out = await runAwsCli<{ EvaluationResults: { EvalActionName: string; EvalDecision: string }[] }>(
      [
        'iam',
        'simulate-principal-policy',
        '--policy-source-arn',
        `arn:aws:iam::${ACCOUNT}:role/ReadOnly`,
        '--action-names',
        'ec2:DescribeVolumes',
        'kms:CreateGrant',
      ],
      sandbox.env,
    );
    expect(out.EvaluationResults.map((r) => [r.EvalActionName, r.EvalDecision])).toEqual([
      ['ec2:DescribeVolumes', 'allowed'],
      ['kms:CreateGrant', 'implicitDeny'],
    ]);
  });
});

describe('aws autoscaling describe-auto-scaling-groups', () => {
  it('lists every group, following NextToken through CLI pagination', async () => {
    const out = await runAwsCli<{
      AutoScalingGroups: { AutoScalingGroupName: string; Instances: { InstanceId: string }[] }[];
    }>(['autoscaling', 'describe-auto-scaling-groups', '--page-size', '1'], sandbox.env);
    expect(out.AutoScalingGroups.map((g) => g.AutoScalingGroupName)).toEqual(
      kublrCluster.ids.autoScalingGroupNames,
    );
    expect(out.AutoScalingGroups[0]?.Instances.map((i) => i.InstanceId)).toEqual(
      kublrCluster.ids.masterInstanceIds,
    );
  });
});
