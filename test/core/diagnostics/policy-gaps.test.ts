// The policy-gap generator against a table of key policies: who may use the key for EBS (the
// caller, EC2 via ec2.<region>.amazonaws.com, the Auto Scaling service-linked role), which
// statement decides, and which statements are generated for the gaps.
import { describe, expect, it } from 'vitest';
import { parsePolicyOrThrow, type KmsGrantInput } from '../../../shared/policy';
import {
  accountCanUse,
  addStatements,
  autoScalingAccess,
  autoScalingRoleArn,
  callerAccess,
  ebsViaServiceStatement,
  ec2ViaServiceAccess,
  grantStatement,
  iamPrincipalOf,
  useStatement,
  type KeyPolicyContext,
} from '../../../electron/core/diagnostics/policy-gaps';
import { kublrKeyPolicy } from '../../../electron/sandbox/scenarios/kublr-policy';

const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const CALLER = `arn:aws:iam::${ACCOUNT}:user/alice`;
const ROOT = {
  Sid: 'Enable IAM User Permissions',
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
  Action: 'kms:*',
  Resource: '*',
};
const SLR = autoScalingRoleArn(ACCOUNT);

function ctx(statements: unknown[], grants: KmsGrantInput[] = []): KeyPolicyContext {
  return {
    policy: parsePolicyOrThrow({ Version: '2012-10-17', Statement: statements }),
    grants,
    keyArn: KEY,
    keyAccount: ACCOUNT,
    region: REGION,
    account: ACCOUNT,
  };
}

const iamAllows = () => 'allowed' as const;
const iamRefuses = () => 'implicitDeny' as const;

describe('EC2 via service', () => {
  const table: { name: string; statements: unknown[]; allowed: boolean; via?: RegExp }[] = [
    {
      name: 'the seed statement',
      statements: [ebsViaServiceStatement(ACCOUNT, REGION)],
      allowed: true,
      via: /Allow access through EBS/,
    },
    {
      name: 'a root statement delegating to IAM',
      statements: [ROOT],
      allowed: true,
      via: /delegated to IAM/,
    },
    {
      name: 'another region in kms:ViaService',
      statements: [ebsViaServiceStatement(ACCOUNT, 'us-east-1')],
      allowed: false,
    },
    {
      name: 'another account in kms:CallerAccount',
      statements: [ebsViaServiceStatement('999988887777', REGION)],
      allowed: false,
    },
    {
      name: 'a StringLike wildcard on kms:ViaService',
      statements: [
        {
          ...ebsViaServiceStatement(ACCOUNT, REGION),
          Condition: { StringLike: { 'kms:ViaService': 'ec2.*.amazonaws.com' } },
        },
      ],
      allowed: true,
    },
    { name: 'only a named user', statements: [useStatement('user', CALLER)], allowed: false },
    {
      name: 'an explicit deny through EC2',
      statements: [
        ROOT,
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 'kms:*',
          Resource: '*',
          Condition: { StringEquals: { 'kms:ViaService': `ec2.${REGION}.amazonaws.com` } },
        },
      ],
      allowed: false,
    },
  ];
  it.each(table)('$name', ({ statements, allowed, via }) => {
    const access = ec2ViaServiceAccess(ctx(statements));
    expect(access.actions.every((a) => a.allowed)).toBe(allowed);
    if (via) expect(access.actions[0]?.via).toMatch(via);
    expect(access.missing).toEqual(allowed ? [] : [ebsViaServiceStatement(ACCOUNT, REGION)]);
  });

  it('fills account and region into the generated statement', () => {
    expect(ebsViaServiceStatement(ACCOUNT, REGION)).toMatchObject({
      Principal: { AWS: '*' },
      Condition: {
        StringEquals: { 'kms:CallerAccount': ACCOUNT, 'kms:ViaService': 'ec2.eu-west-1.amazonaws.com' },
      },
    });
  });
});

describe('Auto Scaling service-linked role', () => {
  it('the Kublr seed policy without the grant statement misses only CreateGrant', () => {
    const access = autoScalingAccess(
      ctx(JSON.parse(kublrKeyPolicy(ACCOUNT, REGION, 'kublr')).Statement as unknown[]),
    );
    expect(access.actions.filter((a) => !a.allowed).map((a) => a.action)).toEqual(['kms:CreateGrant']);
    expect(access.missing).toEqual([
      grantStatement('Allow attachment of persistent resources by AutoScaling', SLR),
    ]);
  });

  it('the full seed policy leaves nothing missing, with the grant limited to AWS resources', () => {
    const access = autoScalingAccess(
      ctx(JSON.parse(kublrKeyPolicy(ACCOUNT, REGION, 'kublr', true)).Statement as unknown[]),
    );
    expect(access.missing).toEqual([]);
    expect(access.grantUnlimited).toBe(false);
    expect(access.actions.find((a) => a.action === 'kms:CreateGrant')?.via).toMatch(
      /Allow attachment of persistent resources by AutoScaling/,
    );
  });

  it('a root statement alone is not enough: the role’s own policy allows nothing on KMS', () => {
    const access = autoScalingAccess(ctx([ROOT]));
    expect(access.missing).toHaveLength(2);
  });

  it('a grant to the role allows CreateGrant', () => {
    const grant = { grantId: 'g-1', granteePrincipal: SLR, operations: ['CreateGrant'] };
    const access = autoScalingAccess(ctx([useStatement('use', SLR)], [grant]));
    expect(access.missing).toEqual([]);
    expect(access.actions.find((a) => a.action === 'kms:CreateGrant')?.via).toBe('grant g-1');
  });

  it('CreateGrant without the GrantIsForAWSResource condition is flagged as unlimited', () => {
    const unlimited = { ...grantStatement('grants', SLR), Condition: undefined };
    expect(autoScalingAccess(ctx([useStatement('use', SLR), unlimited])).grantUnlimited).toBe(true);
  });
});

describe('the caller', () => {
  it('a root statement delegates to IAM: allowed when IAM allows, refused when not', () => {
    expect(callerAccess(ctx([ROOT]), CALLER, iamAllows).missing).toEqual([]);
    const refused = callerAccess(ctx([ROOT]), CALLER, iamRefuses);
    expect(refused.missing).toHaveLength(2);
    expect(refused.actions[0]?.via).toMatch(/delegates to IAM, and IAM does not allow it/);
  });

  it('a statement naming the caller allows without IAM', () => {
    const access = callerAccess(
      ctx([useStatement('u', CALLER), grantStatement('g', CALLER)]),
      CALLER,
      iamRefuses,
    );
    expect(access.missing).toEqual([]);
  });

  it('an assumed-role session is matched by its role, and statements name the role', () => {
    const session = `arn:aws:sts::${ACCOUNT}:assumed-role/Admin/alice`;
    expect(iamPrincipalOf(session)).toBe(`arn:aws:iam::${ACCOUNT}:role/Admin`);
    const role = `arn:aws:iam::${ACCOUNT}:role/Admin`;
    expect(
      callerAccess(ctx([useStatement('u', role), grantStatement('g', role)]), session, iamRefuses).missing,
    ).toEqual([]);
    const gaps = callerAccess(ctx([]), session, iamRefuses);
    expect(gaps.missing[0]).toMatchObject({ Principal: { AWS: role } });
  });

  it('an explicit deny in IAM refuses even with a key-policy allow', () => {
    const access = callerAccess(ctx([useStatement('u', CALLER)]), CALLER, () => 'explicitDeny');
    expect(access.actions.find((a) => a.action === 'kms:Decrypt')?.allowed).toBe(false);
  });

  it('a simulation that could not run makes a refusal uncertain', () => {
    expect(callerAccess(ctx([ROOT]), CALLER, () => 'unknown').uncertain).toBe(true);
  });
});

describe('cross-account use and policy edits', () => {
  it('another account may use the key only when the key policy names it', () => {
    expect(accountCanUse(ctx([ROOT]), '444455556666')).toBe(false);
    const shared = {
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::444455556666:root' },
      Action: ['kms:Decrypt', 'kms:CreateGrant'],
      Resource: '*',
    };
    expect(accountCanUse(ctx([ROOT, shared]), '444455556666')).toBe(true);
  });

  it('appends statements and renames a duplicate Sid', () => {
    const before = JSON.stringify({ Version: '2012-10-17', Statement: [ROOT] });
    const after = JSON.parse(addStatements(before, [{ ...ROOT, Action: 'kms:Decrypt' }])) as {
      Statement: { Sid: string }[];
    };
    expect(after.Statement.map((s) => s.Sid)).toEqual([
      'Enable IAM User Permissions',
      'Enable IAM User Permissions (2)',
    ]);
  });
});
