// KMS handlers called directly on a world: results in KMS's shapes, errors with KMS's codes and
// messages, pagination, key states.
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../../electron/sandbox/context';
import { kmsHandlers } from '../../../electron/sandbox/kms/index';
import { createKmsKey, createKmsKeyWithAlias } from '../../../electron/sandbox/kms/factory';
import { ensureAwsManagedKey } from '../../../electron/sandbox/kms/aws-managed';
import { ACCOUNT, makeContext, START, withCaller } from './context-fixture';

function call(ctx: ReturnType<typeof makeContext>, op: string, body: Record<string, unknown> = {}) {
  const handler = kmsHandlers[op];
  if (!handler) throw new Error(`no handler ${op}`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON answers, read field by field
  return handler(ctx, body) as Record<string, any>;
}

function errorOf(fn: () => unknown): AwsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  throw new Error('expected an AwsError');
}

describe('KMS CreateKey / DescribeKey / ListKeys', () => {
  it('creates a symmetric key with AWS defaults and epoch-second dates', () => {
    const ctx = makeContext();
    const { KeyMetadata: meta } = call(ctx, 'CreateKey', { Description: 'test key' });
    expect(meta).toMatchObject({
      AWSAccountId: ACCOUNT,
      Enabled: true,
      KeyState: 'Enabled',
      KeyUsage: 'ENCRYPT_DECRYPT',
      KeySpec: 'SYMMETRIC_DEFAULT',
      KeyManager: 'CUSTOMER',
      Origin: 'AWS_KMS',
      EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
      Description: 'test key',
      CreationDate: START / 1000,
    });
    expect(meta.Arn).toBe(`arn:aws:kms:us-east-1:${ACCOUNT}:key/${meta.KeyId}`);
    const policy = call(ctx, 'GetKeyPolicy', { KeyId: meta.KeyId, PolicyName: 'default' });
    expect(JSON.parse(policy.Policy).Statement[0].Principal.AWS).toBe(`arn:aws:iam::${ACCOUNT}:root`);
  });

  it('refuses an incompatible key usage and an asymmetric default', () => {
    const ctx = makeContext();
    expect(
      errorOf(() => call(ctx, 'CreateKey', { KeySpec: 'ECC_NIST_P256', KeyUsage: 'ENCRYPT_DECRYPT' })).code,
    ).toBe('ValidationException');
    const rsa = call(ctx, 'CreateKey', { KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }).KeyMetadata;
    expect(rsa.SigningAlgorithms).toContain('RSASSA_PSS_SHA_256');
  });

  it('resolves every reference form and reports the KMS errors', () => {
    const ctx = makeContext();
    const { key, alias } = createKmsKeyWithAlias(ctx.world, 'alias/app', { region: 'us-east-1', now: START });
    for (const ref of [key.keyId, key.arn, alias.aliasName, alias.aliasArn]) {
      expect(call(ctx, 'DescribeKey', { KeyId: ref }).KeyMetadata.KeyId).toBe(key.keyId);
    }
    const missing = '11111111-2222-4333-8444-555555555555';
    expect(errorOf(() => call(ctx, 'DescribeKey', { KeyId: missing })).message).toBe(
      `Key 'arn:aws:kms:us-east-1:${ACCOUNT}:key/${missing}' does not exist`,
    );
    expect(errorOf(() => call(ctx, 'DescribeKey', { KeyId: 'alias/nope' })).message).toBe(
      `Alias arn:aws:kms:us-east-1:${ACCOUNT}:alias/nope is not found.`,
    );
    const otherRegion = errorOf(() =>
      call(ctx, 'DescribeKey', { KeyId: key.arn.replace('us-east-1', 'eu-west-1') }),
    );
    expect([otherRegion.code, otherRegion.message]).toEqual(['NotFoundException', 'Invalid arn eu-west-1']);
    expect(errorOf(() => call(ctx, 'DescribeKey', {})).message).toContain("Value null at 'keyId'");
    // The same key id from another region is another key.
    expect(
      errorOf(() => call(withCaller(ctx, { region: 'eu-west-1' }), 'DescribeKey', { KeyId: key.keyId })).code,
    ).toBe('NotFoundException');
  });

  it('paginates ListKeys with Limit and Marker', () => {
    const ctx = makeContext();
    for (let i = 0; i < 5; i++) createKmsKey(ctx.world, { region: 'us-east-1', now: START + i });
    createKmsKey(ctx.world, { region: 'eu-west-1', now: START });
    const first = call(ctx, 'ListKeys', { Limit: 2 });
    expect(first.Keys).toHaveLength(2);
    expect(first.Truncated).toBe(true);
    const second = call(ctx, 'ListKeys', { Limit: 10, Marker: first.NextMarker });
    expect(second.Keys).toHaveLength(3);
    expect(second.Truncated).toBe(false);
    expect(second.NextMarker).toBeUndefined();
    expect(errorOf(() => call(ctx, 'ListKeys', { Limit: 0 })).code).toBe('ValidationException');
    expect(errorOf(() => call(ctx, 'ListKeys', { Limit: 1001 })).code).toBe('ValidationException');
    expect(errorOf(() => call(ctx, 'ListKeys', { Marker: 'garbage' })).code).toBe('InvalidMarkerException');
  });
});

describe('KMS aliases', () => {
  it('lists aliases, the predefined aws/ ones without a target, and filters by key', () => {
    const ctx = makeContext();
    const key = createKmsKey(ctx.world, { region: 'us-east-1', now: START });
    call(ctx, 'CreateAlias', { AliasName: 'alias/one', TargetKeyId: key.keyId });
    call(ctx, 'CreateAlias', { AliasName: 'alias/two', TargetKeyId: key.arn });
    const all = call(ctx, 'ListAliases').Aliases as Record<string, unknown>[];
    expect(all.map((a) => a.AliasName)).toEqual(['alias/aws/ebs', 'alias/aws/s3', 'alias/one', 'alias/two']);
    expect(all[0]).not.toHaveProperty('TargetKeyId');
    const forKey = call(ctx, 'ListAliases', { KeyId: key.arn }).Aliases as Record<string, unknown>[];
    expect(forKey.map((a) => a.AliasName)).toEqual(['alias/one', 'alias/two']);
    expect(forKey[0]?.TargetKeyId).toBe(key.keyId);
  });

  // DescribeKey API reference (KeyId): a predefined AWS alias gets its AWS managed key on first use.
  it('creates aws/ebs on the first DescribeKey in a region where nothing was ever encrypted', () => {
    const ctx = makeContext();
    expect([...ctx.world.kmsKeys.values()].filter((k) => k.region === ctx.region)).toEqual([]);
    const byName = call(ctx, 'DescribeKey', { KeyId: 'alias/aws/ebs' }).KeyMetadata as Record<
      string,
      unknown
    >;
    expect(byName).toMatchObject({ KeyManager: 'AWS', KeyState: 'Enabled', Description: expect.any(String) });
    const aliasArn = `arn:aws:kms:${ctx.region}:${ACCOUNT}:alias/aws/ebs`;
    expect(call(ctx, 'DescribeKey', { KeyId: aliasArn }).KeyMetadata).toMatchObject({ Arn: byName.Arn });
    const listed = call(ctx, 'ListAliases').Aliases as Record<string, unknown>[];
    expect(listed.find((a) => a.AliasName === 'alias/aws/ebs')?.TargetKeyId).toBe(byName.KeyId);
    // alias/aws/s3 stays predefined until used; an unknown aws/ alias is still not found.
    expect(listed.find((a) => a.AliasName === 'alias/aws/s3')).not.toHaveProperty('TargetKeyId');
    expect(errorOf(() => call(ctx, 'DescribeKey', { KeyId: 'alias/aws/nothing' })).code).toBe(
      'NotFoundException',
    );
    // Another region's alias ARN does not create a key here.
    const other = `arn:aws:kms:eu-west-1:${ACCOUNT}:alias/aws/ebs`;
    expect(errorOf(() => call(ctx, 'DescribeKey', { KeyId: other })).code).toBe('NotFoundException');
  });

  it('refuses duplicates, reserved names and bad patterns', () => {
    const ctx = makeContext();
    const key = createKmsKey(ctx.world, { region: 'us-east-1', now: START });
    call(ctx, 'CreateAlias', { AliasName: 'alias/dup', TargetKeyId: key.keyId });
    const dup = errorOf(() => call(ctx, 'CreateAlias', { AliasName: 'alias/dup', TargetKeyId: key.keyId }));
    expect(dup.code).toBe('AlreadyExistsException');
    expect(dup.message).toBe(
      `An alias with the name arn:aws:kms:us-east-1:${ACCOUNT}:alias/dup already exists`,
    );
    expect(
      errorOf(() => call(ctx, 'CreateAlias', { AliasName: 'alias/aws/mine', TargetKeyId: key.keyId })).code,
    ).toBe('NotAuthorizedException');
    expect(
      errorOf(() => call(ctx, 'CreateAlias', { AliasName: 'alias/bad name', TargetKeyId: key.keyId })).code,
    ).toBe('ValidationException');
  });
});

describe('KMS key states', () => {
  it('disables, schedules deletion (7–30 days), cancels back to Disabled, and deletes at the date', () => {
    const ctx = makeContext();
    const key = createKmsKey(ctx.world, { region: 'us-east-1', now: START });
    call(ctx, 'DisableKey', { KeyId: key.keyId });
    expect(call(ctx, 'DescribeKey', { KeyId: key.keyId }).KeyMetadata).toMatchObject({
      Enabled: false,
      KeyState: 'Disabled',
    });
    call(ctx, 'EnableKey', { KeyId: key.keyId });
    expect(
      errorOf(() => call(ctx, 'ScheduleKeyDeletion', { KeyId: key.keyId, PendingWindowInDays: 6 })).message,
    ).toContain('greater than or equal to 7');
    const scheduled = call(ctx, 'ScheduleKeyDeletion', { KeyId: key.keyId });
    expect(scheduled).toEqual({
      KeyId: key.arn,
      DeletionDate: (START + 30 * 86_400_000) / 1000,
      KeyState: 'PendingDeletion',
      PendingWindowInDays: 30,
    });
    const again = errorOf(() =>
      call(ctx, 'ScheduleKeyDeletion', { KeyId: key.keyId, PendingWindowInDays: 7 }),
    );
    expect([again.code, again.message]).toEqual([
      'KMSInvalidStateException',
      `${key.arn} is pending deletion.`,
    ]);
    expect(errorOf(() => call(ctx, 'EnableKey', { KeyId: key.keyId })).code).toBe('KMSInvalidStateException');
    expect(call(ctx, 'DescribeKey', { KeyId: key.keyId }).KeyMetadata.PendingDeletionWindowInDays).toBe(30);
    call(ctx, 'CancelKeyDeletion', { KeyId: key.keyId });
    expect(call(ctx, 'DescribeKey', { KeyId: key.keyId }).KeyMetadata.KeyState).toBe('Disabled');

    call(ctx, 'ScheduleKeyDeletion', { KeyId: key.keyId, PendingWindowInDays: 7 });
    ctx.clock.advance(7 * 86_400_000);
    expect(errorOf(() => call(ctx, 'DescribeKey', { KeyId: key.keyId })).code).toBe('NotFoundException');
  });

  it('reports rotation, refuses it for asymmetric keys and disabled keys', () => {
    const ctx = makeContext();
    const key = createKmsKey(ctx.world, { region: 'us-east-1', now: START });
    expect(call(ctx, 'GetKeyRotationStatus', { KeyId: key.keyId }).KeyRotationEnabled).toBe(false);
    call(ctx, 'EnableKeyRotation', { KeyId: key.keyId });
    expect(call(ctx, 'GetKeyRotationStatus', { KeyId: key.keyId })).toMatchObject({
      KeyRotationEnabled: true,
      RotationPeriodInDays: 365,
    });
    const rsa = createKmsKey(ctx.world, { region: 'us-east-1', now: START, keySpec: 'RSA_2048' });
    expect(errorOf(() => call(ctx, 'GetKeyRotationStatus', { KeyId: rsa.keyId })).code).toBe(
      'UnsupportedOperationException',
    );
    call(ctx, 'DisableKey', { KeyId: key.keyId });
    expect(errorOf(() => call(ctx, 'DisableKeyRotation', { KeyId: key.keyId })).code).toBe(
      'DisabledException',
    );
  });
});

describe('KMS policies and grants', () => {
  it('puts a policy, refuses malformed ones and lockouts', () => {
    const ctx = makeContext();
    const key = createKmsKey(ctx.world, { region: 'us-east-1', now: START });
    expect(errorOf(() => call(ctx, 'PutKeyPolicy', { KeyId: key.keyId, Policy: '{not json' })).code).toBe(
      'MalformedPolicyDocumentException',
    );
    const lockout = JSON.stringify({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::123456789012:user/other' },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    });
    expect(errorOf(() => call(ctx, 'PutKeyPolicy', { KeyId: key.keyId, Policy: lockout })).message).toBe(
      'The new key policy will not allow you to update the key policy in the future.',
    );
    call(ctx, 'PutKeyPolicy', { KeyId: key.keyId, Policy: lockout, BypassPolicyLockoutSafetyCheck: true });
    // Now the admin is locked out: its IAM allow no longer reaches the key.
    const denied = errorOf(() => call(ctx, 'DescribeKey', { KeyId: key.keyId }));
    expect(denied.code).toBe('AccessDeniedException');
    expect(denied.message).toBe(
      `User: ${ctx.principalArn} is not authorized to perform: kms:DescribeKey on resource: ${key.arn} because no resource-based policy allows the kms:DescribeKey action`,
    );
  });

  it('creates and lists grants', () => {
    const ctx = makeContext();
    const key = createKmsKey(ctx.world, { region: 'us-east-1', now: START });
    const grantee = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
    const { GrantId, GrantToken } = call(ctx, 'CreateGrant', {
      KeyId: key.arn,
      GranteePrincipal: grantee,
      Operations: ['Decrypt', 'CreateGrant'],
    });
    expect(GrantId).toMatch(/^[0-9a-f]{64}$/);
    expect(GrantToken).toBeTruthy();
    const listed = call(ctx, 'ListGrants', { KeyId: key.keyId });
    expect(listed.Grants).toEqual([
      {
        KeyId: key.arn,
        GrantId,
        CreationDate: START / 1000,
        GranteePrincipal: grantee,
        IssuingAccount: `arn:aws:iam::${ACCOUNT}:root`,
        Operations: ['Decrypt', 'CreateGrant'],
      },
    ]);
    expect(
      errorOf(() =>
        call(ctx, 'CreateGrant', { KeyId: key.arn, GranteePrincipal: grantee, Operations: ['Fly'] }),
      ).code,
    ).toBe('ValidationException');
    expect(
      errorOf(() =>
        call(ctx, 'CreateGrant', { KeyId: key.arn, GranteePrincipal: 'nobody', Operations: ['Decrypt'] }),
      ).code,
    ).toBe('InvalidArnException');
  });

  it('treats the AWS managed key as AWS does: readable, not changeable', () => {
    const ctx = makeContext();
    const key = ensureAwsManagedKey(ctx, 'ebs');
    expect(call(ctx, 'DescribeKey', { KeyId: 'alias/aws/ebs' }).KeyMetadata).toMatchObject({
      KeyManager: 'AWS',
      KeyId: key.keyId,
    });
    expect(call(ctx, 'GetKeyRotationStatus', { KeyId: key.keyId }).KeyRotationEnabled).toBe(true);
    expect(errorOf(() => call(ctx, 'DisableKey', { KeyId: key.keyId })).code).toBe('AccessDeniedException');
    expect(
      errorOf(() => call(ctx, 'PutKeyPolicy', { KeyId: key.keyId, Policy: '{"Statement":[]}' })).code,
    ).toBe('AccessDeniedException');
    expect(JSON.parse(call(ctx, 'GetKeyPolicy', { KeyId: key.keyId }).Policy).Id).toBe('auto-ebs-2');
  });

  it('lets a read-only role describe but not disable, and another account not at all', () => {
    const ctx = makeContext();
    const key = createKmsKey(ctx.world, { region: 'us-east-1', now: START });
    const readOnly = withCaller(ctx, {
      principalArn: `arn:aws:sts::${ACCOUNT}:assumed-role/ReadOnly/someone`,
    });
    expect(call(readOnly, 'DescribeKey', { KeyId: key.arn }).KeyMetadata.KeyId).toBe(key.keyId);
    expect(errorOf(() => call(readOnly, 'DisableKey', { KeyId: key.arn })).code).toBe(
      'AccessDeniedException',
    );
    const stranger = withCaller(ctx, {
      principalArn: 'arn:aws:iam::999999999999:user/eve',
      accountId: '999999999999',
    });
    expect(errorOf(() => call(stranger, 'DescribeKey', { KeyId: key.arn })).code).toBe(
      'AccessDeniedException',
    );
  });
});
