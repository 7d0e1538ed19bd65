// The role S3 Batch Operations assumes, checked against the sandbox's IAM: a role that trusts the
// service and has the permissions is ok; a missing role, one that does not trust the service, and
// one that lacks a permission are explained, each with both policies to attach.
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import {
  batchPermissionsPolicy,
  checkBatchRole,
  trustsBatchOperations,
} from '../../../electron/core/s3-encrypt/batch/batch-role';
import { withSandbox } from '../../helpers/sandbox';
import { BATCH_TRUST_POLICY, batchPermissions } from '../../helpers/s3-batch-world';

const sandbox = withSandbox();
const ACCOUNT = '123456789012';
const needs = {
  bucket: 'role-bucket',
  reportBucket: 'role-reports',
  kmsKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
};

async function role(name: string, trust: string, permissions?: string): Promise<string> {
  const iam = new IAMClient(sandbox.sdkConfig);
  const { Role } = await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust }));
  if (permissions)
    await iam.send(
      new PutRolePolicyCommand({ RoleName: name, PolicyName: 'p', PolicyDocument: permissions }),
    );
  return Role?.Arn ?? '';
}

describe('the S3 Batch Operations role', () => {
  it('is ok when it trusts the service and may do what the job does', async () => {
    const arn = await role('batch-ok', BATCH_TRUST_POLICY, batchPermissionsPolicy(needs));
    const view = await checkBatchRole(new IAMClient(sandbox.sdkConfig), arn, needs);
    expect(view).toMatchObject({ arn, status: 'ok' });
    expect(JSON.parse(view.trustPolicy)).toEqual(JSON.parse(BATCH_TRUST_POLICY));
  });

  it('says what is missing: the role, the trust, a permission', async () => {
    const iam = new IAMClient(sandbox.sdkConfig);
    expect(await checkBatchRole(iam, undefined, needs)).toMatchObject({
      status: 'missing',
      explanation: expect.stringContaining('No role was chosen'),
    });
    expect(await checkBatchRole(iam, `arn:aws:iam::${ACCOUNT}:role/nobody`, needs)).toMatchObject({
      status: 'missing',
      explanation: expect.stringContaining('does not exist'),
    });
    const untrusted = await role(
      'batch-untrusted',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      }),
    );
    expect(await checkBatchRole(iam, untrusted, needs)).toMatchObject({
      status: 'lacks-permissions',
      explanation: expect.stringContaining('does not let batchoperations.s3.amazonaws.com assume it'),
    });
    // Everything but the KMS key.
    const noKms = await role(
      'batch-no-kms',
      BATCH_TRUST_POLICY,
      batchPermissions(needs.bucket, needs.reportBucket, 'arn:aws:kms:us-east-1:123456789012:key/other'),
    );
    const view = await checkBatchRole(iam, noKms, needs);
    expect(view.status).toBe('lacks-permissions');
    expect(view.explanation).toContain('kms:GenerateDataKey');
    expect(view.explanation).not.toContain('s3:GetObject');
  });

  it('reads trust policies as IAM writes them', () => {
    const allow = (principal: unknown, action: unknown) =>
      JSON.stringify({ Statement: { Effect: 'Allow', Principal: principal, Action: action } });
    expect(
      trustsBatchOperations(allow({ Service: ['batchoperations.s3.amazonaws.com'] }, ['sts:AssumeRole'])),
    ).toBe(true);
    expect(
      trustsBatchOperations(allow({ Service: 'batchoperations.s3.amazonaws.com' }, 'sts:TagSession')),
    ).toBe(false);
    expect(trustsBatchOperations('not json')).toBe(false);
  });
});
