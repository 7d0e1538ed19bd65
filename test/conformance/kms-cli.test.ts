// KMS conformance: the real AWS CLI v2 against the sandbox parses every answer, fields are right.
import { describe, expect, it } from 'vitest';
import { runAwsCli, runAwsCliRaw, withSandbox } from '../helpers/sandbox';

const sandbox = withSandbox();
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON answers, read field by field
const kms = (args: string[]) => runAwsCli<Record<string, any>>(['kms', ...args], sandbox.env);

describe('aws kms against the sandbox', () => {
  it('create-key, create-alias, describe-key, list-keys, list-aliases, policies, grants, rotation, states', async () => {
    const created = await kms(['create-key', '--description', 'cli key']);
    const keyId = created.KeyMetadata.KeyId as string;
    expect(created.KeyMetadata).toMatchObject({
      KeyState: 'Enabled',
      KeyManager: 'CUSTOMER',
      KeySpec: 'SYMMETRIC_DEFAULT',
    });
    expect(typeof created.KeyMetadata.CreationDate).toBe('string'); // the CLI renders the epoch number as a date
    await kms(['create-alias', '--alias-name', 'alias/cli-key', '--target-key-id', keyId]);
    expect((await kms(['describe-key', '--key-id', 'alias/cli-key'])).KeyMetadata.Arn).toBe(
      created.KeyMetadata.Arn,
    );

    const keys = await kms(['list-keys', '--page-size', '1']);
    expect(keys.Keys.map((k: { KeyId: string }) => k.KeyId)).toContain(keyId);
    const aliases = await kms(['list-aliases', '--key-id', keyId]);
    expect(aliases.Aliases).toHaveLength(1);
    expect(aliases.Aliases[0]).toMatchObject({ AliasName: 'alias/cli-key', TargetKeyId: keyId });

    const policy = await kms(['get-key-policy', '--key-id', keyId, '--policy-name', 'default']);
    expect(JSON.parse(policy.Policy).Statement[0].Sid).toBe('Enable IAM User Permissions');
    const newPolicy = JSON.parse(policy.Policy);
    newPolicy.Statement.push({
      Sid: 'Extra',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::123456789012:role/ReadOnly' },
      Action: 'kms:DescribeKey',
      Resource: '*',
    });
    await kms([
      'put-key-policy',
      '--key-id',
      keyId,
      '--policy-name',
      'default',
      '--policy',
      JSON.stringify(newPolicy),
    ]);
    expect(
      JSON.parse((await kms(['get-key-policy', '--key-id', keyId, '--policy-name', 'default'])).Policy)
        .Statement[1].Sid,
    ).toBe('Extra');

    const grant = await kms([
      'create-grant',
      '--key-id',
      keyId,
      '--grantee-principal',
      'arn:aws:iam::123456789012:role/ReadOnly',
      '--operations',
      'Decrypt',
      'DescribeKey',
    ]);
    expect((await kms(['list-grants', '--key-id', keyId])).Grants[0].GrantId).toBe(grant.GrantId);
    await kms(['enable-key-rotation', '--key-id', keyId]);
    expect((await kms(['get-key-rotation-status', '--key-id', keyId])).KeyRotationEnabled).toBe(true);

    await kms(['disable-key', '--key-id', keyId]);
    await kms(['enable-key', '--key-id', keyId]);
    const scheduled = await kms([
      'schedule-key-deletion',
      '--key-id',
      keyId,
      '--pending-window-in-days',
      '7',
    ]);
    expect(scheduled).toMatchObject({
      KeyId: created.KeyMetadata.Arn,
      KeyState: 'PendingDeletion',
      PendingWindowInDays: 7,
    });
    expect((await kms(['cancel-key-deletion', '--key-id', keyId])).KeyId).toBe(created.KeyMetadata.Arn);
    expect((await kms(['describe-key', '--key-id', keyId])).KeyMetadata.KeyState).toBe('Disabled');
  });

  it('prints KMS errors the CLI understands', async () => {
    const missing = await runAwsCliRaw(['kms', 'describe-key', '--key-id', 'alias/nope'], sandbox.env);
    expect(missing.exitCode).not.toBe(0);
    expect(missing.stderr).toContain('(NotFoundException)');
    expect(missing.stderr).toContain('Alias arn:aws:kms:us-east-1:123456789012:alias/nope is not found.');
    const window = await runAwsCliRaw(
      [
        'kms',
        'schedule-key-deletion',
        '--key-id',
        '11111111-2222-4333-8444-555555555555',
        '--pending-window-in-days',
        '3',
      ],
      sandbox.env,
    );
    expect(window.stderr).toContain('(ValidationException)');
  });
});
