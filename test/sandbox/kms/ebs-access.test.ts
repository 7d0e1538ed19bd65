// useKeyForEbs / checkKeyForEbs: the key EC2 would use, its state and spec, and the key policy
// evaluated for the caller acting through EC2 and for the Auto Scaling service-linked role.
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../../electron/sandbox/context';
import {
  checkKeyForAutoScaling,
  checkKeyForEbs,
  useKeyForEbs,
} from '../../../electron/sandbox/kms/ebs-access';
import { createKmsKey, createKmsKeyWithAlias } from '../../../electron/sandbox/kms/factory';
import { ACCOUNT, makeContext, START, withCaller } from './context-fixture';

const SLR = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;

describe('useKeyForEbs', () => {
  it('creates aws/ebs on first use when no key and no default are set', () => {
    const ctx = makeContext();
    const key = useKeyForEbs(ctx, undefined, 'encrypt');
    expect(key.keyManager).toBe('AWS');
    expect(useKeyForEbs(ctx, 'alias/aws/ebs', 'decrypt').arn).toBe(key.arn);
    expect(ctx.world.kmsKeys.size).toBe(1);
  });

  it("uses the region's default EBS key when set", () => {
    const ctx = makeContext();
    const { key } = createKmsKeyWithAlias(ctx.world, 'alias/ebs-default', {
      region: 'us-east-1',
      now: START,
    });
    ctx.world.ebsEncryptionByDefault.set(`${ACCOUNT}/us-east-1`, {
      enabled: true,
      kmsKeyId: 'alias/ebs-default',
    });
    expect(useKeyForEbs(ctx, undefined, 'encrypt').arn).toBe(key.arn);
  });

  it('refuses disabled, pending-deletion, unknown and asymmetric keys with the EC2 errors', () => {
    const ctx = makeContext();
    const disabled = createKmsKey(ctx.world, { region: 'us-east-1', now: START, state: 'Disabled' });
    const pending = createKmsKey(ctx.world, { region: 'us-east-1', now: START, state: 'PendingDeletion' });
    const rsa = createKmsKey(ctx.world, { region: 'us-east-1', now: START, keySpec: 'RSA_2048' });
    const codeOf = (ref: string) => {
      const check = checkKeyForEbs(ctx, ref, 'encrypt');
      return check.ok ? 'ok' : `${check.failure.kind}:${check.failure.error.code}`;
    };
    expect(codeOf(disabled.arn)).toBe('invalid-state:InvalidKMSKey.InvalidState');
    expect(codeOf(pending.keyId)).toBe('invalid-state:InvalidKMSKey.InvalidState');
    expect(codeOf('alias/missing')).toBe('not-found:InvalidKMSKey.InvalidState');
    expect(codeOf(rsa.arn)).toBe('unsupported-key:InvalidParameterValue');
    expect(() => useKeyForEbs(ctx, disabled.arn, 'decrypt')).toThrow(AwsError);
    const check = checkKeyForEbs(ctx, disabled.arn, 'decrypt');
    expect(check.ok ? undefined : check.failure.launchStateReason.code).toBe(
      'Client.InvalidKMSKey.InvalidState',
    );
  });

  it('evaluates the key policy for the caller through EC2', () => {
    const ctx = makeContext();
    // A CMK whose policy names only one user and lacks the EC2 via-service statement.
    const key = createKmsKey(ctx.world, {
      region: 'us-east-1',
      now: START,
      policy: JSON.stringify({
        Statement: [
          {
            Sid: 'OnlyAlice',
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` },
            Action: 'kms:*',
            Resource: '*',
          },
        ],
      }),
    });
    const check = checkKeyForEbs(ctx, key.arn, 'encrypt');
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.failure.kind).toBe('access-denied');
      expect(check.failure.error.message).toContain(
        `is not authorized to perform: kms:DescribeKey on resource: ${key.arn}`,
      );
    }
    // With the seed's EBS statement added, any principal of the account may use it through EC2.
    key.policy = JSON.stringify({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: [
            'kms:Encrypt',
            'kms:Decrypt',
            'kms:ReEncrypt*',
            'kms:GenerateDataKey*',
            'kms:CreateGrant',
            'kms:DescribeKey',
          ],
          Resource: '*',
          Condition: {
            StringEquals: { 'kms:CallerAccount': ACCOUNT, 'kms:ViaService': 'ec2.us-east-1.amazonaws.com' },
          },
        },
      ],
    });
    expect(checkKeyForEbs(ctx, key.arn, 'encrypt').ok).toBe(true);
    // …but only in its region's EC2: the same statement does not let eu-west-1's EC2 in.
    const euKey = createKmsKey(ctx.world, { region: 'eu-west-1', now: START, policy: key.policy });
    expect(checkKeyForEbs(withCaller(ctx, { region: 'eu-west-1' }), euKey.arn, 'encrypt').ok).toBe(false);
  });

  it('evaluates the Auto Scaling service-linked role: default policy refuses, seed statements or a grant allow', () => {
    const ctx = makeContext();
    const key = createKmsKey(ctx.world, { region: 'us-east-1', now: START });
    expect(checkKeyForEbs(ctx, key.arn, 'decrypt').ok).toBe(true); // the admin, through IAM
    const refused = checkKeyForAutoScaling(ctx, key.arn);
    expect(refused.ok ? 'ok' : refused.failure.kind).toBe('access-denied');
    key.grants.push({
      grantId: 'g',
      granteePrincipal: SLR,
      operations: ['Decrypt', 'DescribeKey', 'CreateGrant', 'GenerateDataKeyWithoutPlaintext'],
      issuingAccount: `arn:aws:iam::${ACCOUNT}:root`,
      creationDate: START,
    });
    expect(checkKeyForAutoScaling(ctx, key.arn).ok).toBe(true);
    // aws/ebs lets every principal of the account through EC2, the role included.
    expect(checkKeyForAutoScaling(ctx, undefined).ok).toBe(true);
  });
});
