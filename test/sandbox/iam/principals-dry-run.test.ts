// IAM users, access keys, roles and inline policies made with the AWS CLI v2; the created key
// signs EC2 calls that are authorized against the inline policy: UnauthorizedOperation with an
// encoded message that sts decode-authorization-message turns back into the decision, DryRun
// answering DryRunOperation when allowed; AssumeRole checks the trust policy; KMS CreateGrant DryRun.
import { CreateGrantCommand, KMSClient } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { aviLab } from '../../../electron/sandbox/scenarios/avi-lab';
import { runAwsCli, runAwsCliRaw, withSandbox } from '../../helpers/sandbox';
import { observableState } from '../../core/preflight/observable-state';

const sandbox = withSandbox({ scenario: 'avi-lab', speed: 0 });
const ACCOUNT = '123456789012';

const allBut = (action: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', NotAction: action, Resource: '*' }],
  });

async function userWithPolicy(name: string, policy: string): Promise<NodeJS.ProcessEnv> {
  await runAwsCli(['iam', 'create-user', '--user-name', name], sandbox.env);
  await runAwsCli(
    ['iam', 'put-user-policy', '--user-name', name, '--policy-name', 'p', '--policy-document', policy],
    sandbox.env,
  );
  const key = await runAwsCli<{ AccessKey: { AccessKeyId: string; SecretAccessKey: string } }>(
    ['iam', 'create-access-key', '--user-name', name],
    sandbox.env,
  );
  return {
    ...sandbox.env,
    AWS_ACCESS_KEY_ID: key.AccessKey.AccessKeyId,
    AWS_SECRET_ACCESS_KEY: key.AccessKey.SecretAccessKey,
  };
}

const state = (): Promise<string> => observableState(sandbox.handle);

// Each test runs several AWS CLI processes, slow on a loaded machine: a generous bound, not a wait.
describe('IAM entities', { timeout: 180_000 }, () => {
  it('creates, reads, lists and deletes users, keys and inline policies', async () => {
    const created = await runAwsCli<{ User: { Arn: string; UserId: string } }>(
      ['iam', 'create-user', '--user-name', 'alice'],
      sandbox.env,
    );
    expect(created.User.Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/alice`);
    expect(created.User.UserId).toMatch(/^AIDA/);
    const again = await runAwsCliRaw(['iam', 'create-user', '--user-name', 'alice'], sandbox.env);
    expect(again.stderr).toContain('EntityAlreadyExists');
    await runAwsCli(
      [
        'iam',
        'put-user-policy',
        '--user-name',
        'alice',
        '--policy-name',
        'p1',
        '--policy-document',
        allBut('ec2:StopInstances'),
      ],
      sandbox.env,
    );
    const read = await runAwsCli<{ PolicyDocument: unknown }>(
      ['iam', 'get-user-policy', '--user-name', 'alice', '--policy-name', 'p1'],
      sandbox.env,
    );
    // The CLI URL-decodes and parses the document, as IAM sends it URL-encoded.
    expect(read.PolicyDocument).toMatchObject({ Statement: [{ NotAction: 'ec2:StopInstances' }] });
    expect(await runAwsCli(['iam', 'list-user-policies', '--user-name', 'alice'], sandbox.env)).toMatchObject(
      { PolicyNames: ['p1'] },
    );
    const key = await runAwsCli<{ AccessKey: { AccessKeyId: string } }>(
      ['iam', 'create-access-key', '--user-name', 'alice'],
      sandbox.env,
    );
    const conflict = await runAwsCliRaw(['iam', 'delete-user', '--user-name', 'alice'], sandbox.env);
    expect(conflict.stderr).toContain('DeleteConflict');
    await runAwsCli(
      ['iam', 'delete-user-policy', '--user-name', 'alice', '--policy-name', 'p1'],
      sandbox.env,
    );
    await runAwsCli(
      ['iam', 'delete-access-key', '--user-name', 'alice', '--access-key-id', key.AccessKey.AccessKeyId],
      sandbox.env,
    );
    await runAwsCli(['iam', 'delete-user', '--user-name', 'alice'], sandbox.env);
    const gone = await runAwsCliRaw(['iam', 'get-user', '--user-name', 'alice'], sandbox.env);
    expect(gone.stderr).toContain('NoSuchEntity');
  });

  it('a created key signs EC2 calls authorized by its inline policy, DryRun included', async () => {
    const env = await userWithPolicy('no-attach', allBut('ec2:AttachVolume'));
    const who = await runAwsCli<{ Arn: string }>(['sts', 'get-caller-identity'], env);
    expect(who.Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/no-attach`);
    const before = await state();
    const instance = aviLab.ids.controllerInstanceIds[0] ?? '';
    const volume = aviLab.ids.controllerVolumeIds[0] ?? '';
    const attach = await runAwsCliRaw(
      [
        'ec2',
        'attach-volume',
        '--dry-run',
        '--volume-id',
        volume,
        '--instance-id',
        instance,
        '--device',
        '/dev/sdf',
      ],
      env,
    );
    expect(attach.exitCode).not.toBe(0);
    expect(attach.stderr).toContain('UnauthorizedOperation');
    const encoded = /Encoded authorization failure message: ([A-Za-z0-9_-]+)/.exec(attach.stderr)?.[1] ?? '';
    expect(encoded).not.toBe('');
    const decoded = await runAwsCli<{ DecodedMessage: string }>(
      ['sts', 'decode-authorization-message', '--encoded-message', encoded],
      env,
    );
    const message = JSON.parse(decoded.DecodedMessage) as Record<string, unknown>;
    expect(message).toMatchObject({
      allowed: false,
      explicitDeny: false,
      context: {
        action: 'ec2:AttachVolume',
        principal: { arn: `arn:aws:iam::${ACCOUNT}:user/no-attach` },
      },
    });
    const stop = await runAwsCliRaw(['ec2', 'stop-instances', '--dry-run', '--instance-ids', instance], env);
    expect(stop.stderr).toContain('DryRunOperation');
    const missing = await runAwsCliRaw(
      ['ec2', 'stop-instances', '--dry-run', '--instance-ids', 'i-0123456789abcdef0'],
      env,
    );
    expect(missing.stderr).toContain('InvalidInstanceID.NotFound');
    expect(await state()).toBe(before);
  });

  it('an explicit deny is named in the decoded message; decoding needs sts:DecodeAuthorizationMessage', async () => {
    const env = await userWithPolicy(
      'denied',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'ec2:*', Resource: '*' },
          { Sid: 'NoStop', Effect: 'Deny', Action: 'ec2:StopInstances', Resource: '*' },
        ],
      }),
    );
    const stop = await runAwsCliRaw(
      ['ec2', 'stop-instances', '--dry-run', '--instance-ids', aviLab.ids.controllerInstanceIds[0] ?? ''],
      env,
    );
    const encoded = /Encoded authorization failure message: ([A-Za-z0-9_-]+)/.exec(stop.stderr)?.[1] ?? '';
    const refused = await runAwsCliRaw(
      ['sts', 'decode-authorization-message', '--encoded-message', encoded],
      env,
    );
    expect(refused.stderr).toContain('AccessDenied');
    const decoded = await runAwsCli<{ DecodedMessage: string }>(
      ['sts', 'decode-authorization-message', '--encoded-message', encoded],
      sandbox.env,
    );
    expect(JSON.parse(decoded.DecodedMessage)).toMatchObject({
      explicitDeny: true,
      matchedStatements: { items: [{ statementId: 'NoStop', effect: 'DENY' }] },
    });
    const bad = await runAwsCliRaw(
      ['sts', 'decode-authorization-message', '--encoded-message', 'abc'],
      sandbox.env,
    );
    expect(bad.stderr).toContain('InvalidAuthorizationMessageException');
  });

  it('AssumeRole into a created role checks its trust policy; avi-lab-operator may not attach volumes', async () => {
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/sandbox-admin` },
          Action: 'sts:AssumeRole',
        },
      ],
    });
    await runAwsCli(
      ['iam', 'create-role', '--role-name', 'only-admin', '--assume-role-policy-document', trust],
      sandbox.env,
    );
    await runAwsCli(
      [
        'iam',
        'put-role-policy',
        '--role-name',
        'only-admin',
        '--policy-name',
        'p',
        '--policy-document',
        allBut('ec2:CreateSnapshot'),
      ],
      sandbox.env,
    );
    const assumed = await runAwsCli<{ AssumedRoleUser: { Arn: string } }>(
      [
        'sts',
        'assume-role',
        '--role-arn',
        `arn:aws:iam::${ACCOUNT}:role/only-admin`,
        '--role-session-name',
        's1',
      ],
      sandbox.env,
    );
    expect(assumed.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/only-admin/s1`);
    const other = await userWithPolicy('other', allBut('iam:CreateUser'));
    const refused = await runAwsCliRaw(
      [
        'sts',
        'assume-role',
        '--role-arn',
        `arn:aws:iam::${ACCOUNT}:role/only-admin`,
        '--role-session-name',
        's2',
      ],
      other,
    );
    expect(refused.stderr).toContain('AccessDenied');

    const operator = await runAwsCli<{
      Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string };
    }>(
      [
        'sts',
        'assume-role',
        '--role-arn',
        `arn:aws:iam::${ACCOUNT}:role/avi-lab-operator`,
        '--role-session-name',
        'op',
      ],
      sandbox.env,
    );
    const env = {
      ...sandbox.env,
      AWS_ACCESS_KEY_ID: operator.Credentials.AccessKeyId,
      AWS_SECRET_ACCESS_KEY: operator.Credentials.SecretAccessKey,
      AWS_SESSION_TOKEN: operator.Credentials.SessionToken,
    };
    const attach = await runAwsCliRaw(
      [
        'ec2',
        'attach-volume',
        '--dry-run',
        '--volume-id',
        aviLab.ids.controllerVolumeIds[0] ?? '',
        '--instance-id',
        aviLab.ids.controllerInstanceIds[0] ?? '',
        '--device',
        '/dev/sdf',
      ],
      env,
    );
    expect(attach.stderr).toContain('UnauthorizedOperation');
  });

  it('KMS CreateGrant with DryRun answers DryRunOperationException and makes no grant', async () => {
    const before = await state();
    const kms = new KMSClient(sandbox.sdkConfig);
    const error = await kms
      .send(
        new CreateGrantCommand({
          KeyId: aviLab.ids.labKeyArn,
          GranteePrincipal: `arn:aws:iam::${ACCOUNT}:user/sandbox-admin`,
          Operations: ['Decrypt'],
          DryRun: true,
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'DryRunOperationException' });
    expect(await state()).toBe(before);
  });
});
