// The policy evaluator against a table of policies: every condition form in the seeds
// (kublr-kms-key-policy.txt, the aws/ebs managed policy), wildcards, denies, grants.
import { describe, expect, it } from 'vitest';
import {
  awsCaller,
  evaluateCondition,
  evaluateKeyAccess,
  parsePolicy,
  parsePolicyOrThrow,
  type KeyAccessRequest,
  type KmsGrantInput,
  type PolicyDocument,
} from '../../../shared/policy';
import { awsManagedKeyPolicy, defaultKeyPolicy } from '../../../electron/sandbox/kms/default-policies';

const ACCT = '111122223333';
const OTHER = '444455556666';
const REGION = 'us-east-1';
const KEY = `arn:aws:kms:${REGION}:${ACCT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const KUBLR = `arn:aws:iam::${ACCT}:user/kublr`;
const ALICE = `arn:aws:iam::${ACCT}:user/alice`;
const SLR = `arn:aws:iam::${ACCT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
const SLR_SESSION = `arn:aws:sts::${ACCT}:assumed-role/AWSServiceRoleForAutoScaling/AutoScaling`;
const ADMIN_IAM = parsePolicyOrThrow({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
});

// The seed's statements (kublr-kms-key-policy.txt) with the account and region filled in.
const kublrPolicy = parsePolicyOrThrow({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCT}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
    {
      Sid: 'Allow use of the key by Kublr',
      Effect: 'Allow',
      Principal: { AWS: KUBLR },
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
      Resource: '*',
    },
    {
      Sid: 'Allow attachment of persistent resources by Kublr',
      Effect: 'Allow',
      Principal: { AWS: KUBLR },
      Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
      Resource: '*',
      Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
    },
    {
      Sid: 'Allow access through EBS for all principals in the account that are authorized to use EBS',
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
        StringEquals: { 'kms:CallerAccount': ACCT, 'kms:ViaService': `ec2.${REGION}.amazonaws.com` },
      },
    },
    {
      Sid: 'Allow use of the key by AutoScaling',
      Effect: 'Allow',
      Principal: { AWS: SLR },
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
      Resource: '*',
    },
    {
      Sid: 'Allow attachment of persistent resources by AutoScaling',
      Effect: 'Allow',
      Principal: { AWS: SLR },
      Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
      Resource: '*',
      Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
    },
  ],
});

interface Row {
  readonly name: string;
  readonly policy: PolicyDocument;
  readonly caller: string;
  readonly action: string;
  readonly context?: KeyAccessRequest['context'];
  readonly iam?: PolicyDocument[];
  readonly grants?: KmsGrantInput[];
  readonly encryptionContext?: Record<string, string>;
  readonly allowed: boolean;
  readonly by?: string; // 'key-policy' | 'key-policy-and-iam' | 'grant' | 'explicit-deny' | 'no-allow'
  readonly sid?: string;
}

const viaEc2 = { 'kms:ViaService': `ec2.${REGION}.amazonaws.com`, 'kms:CallerAccount': ACCT };

const rows: Row[] = [
  {
    name: 'kublr user decrypts directly',
    policy: kublrPolicy,
    caller: KUBLR,
    action: 'kms:Decrypt',
    allowed: true,
    by: 'key-policy',
    sid: 'Allow use of the key by Kublr',
  },
  {
    name: 'kms:ReEncrypt* covers ReEncryptFrom',
    policy: kublrPolicy,
    caller: KUBLR,
    action: 'kms:ReEncryptFrom',
    allowed: true,
    sid: 'Allow use of the key by Kublr',
  },
  {
    name: 'kms:GenerateDataKey* covers WithoutPlaintext',
    policy: kublrPolicy,
    caller: KUBLR,
    action: 'kms:GenerateDataKeyWithoutPlaintext',
    allowed: true,
  },
  {
    name: 'actions are case-insensitive',
    policy: kublrPolicy,
    caller: KUBLR,
    action: 'KMS:decrypt',
    allowed: true,
  },
  {
    name: 'kublr CreateGrant for an AWS resource',
    policy: kublrPolicy,
    caller: KUBLR,
    action: 'kms:CreateGrant',
    context: { 'kms:GrantIsForAWSResource': true },
    allowed: true,
    sid: 'Allow attachment of persistent resources by Kublr',
  },
  {
    name: 'kublr CreateGrant not for an AWS resource is not allowed by Bool',
    policy: kublrPolicy,
    caller: KUBLR,
    action: 'kms:CreateGrant',
    context: { 'kms:GrantIsForAWSResource': false },
    allowed: false,
    by: 'no-allow',
  },
  {
    name: 'Bool with the key missing is false',
    policy: kublrPolicy,
    caller: KUBLR,
    action: 'kms:CreateGrant',
    allowed: false,
  },
  {
    name: 'any principal of the account through EC2',
    policy: kublrPolicy,
    caller: ALICE,
    action: 'kms:CreateGrant',
    context: viaEc2,
    allowed: true,
    by: 'key-policy',
    sid: 'Allow access through EBS for all principals in the account that are authorized to use EBS',
  },
  {
    name: 'EC2 in another region does not match StringEquals',
    policy: kublrPolicy,
    caller: ALICE,
    action: 'kms:Decrypt',
    context: { ...viaEc2, 'kms:ViaService': 'ec2.eu-west-1.amazonaws.com' },
    allowed: false,
  },
  {
    name: 'not through EC2: the root statement delegates to IAM, which allows',
    policy: kublrPolicy,
    caller: ALICE,
    action: 'kms:Decrypt',
    iam: [ADMIN_IAM],
    allowed: true,
    by: 'key-policy-and-iam',
    sid: 'Enable IAM User Permissions',
  },
  {
    name: 'not through EC2 and no IAM policy: refused',
    policy: kublrPolicy,
    caller: ALICE,
    action: 'kms:Decrypt',
    allowed: false,
    by: 'no-allow',
  },
  {
    name: 'another account through EC2: CallerAccount does not match',
    policy: kublrPolicy,
    caller: `arn:aws:iam::${OTHER}:user/bob`,
    action: 'kms:Decrypt',
    context: { ...viaEc2, 'kms:CallerAccount': OTHER },
    iam: [ADMIN_IAM],
    allowed: false,
  },
  {
    name: 'the Auto Scaling role session matches the role ARN with its path',
    policy: kublrPolicy,
    caller: SLR_SESSION,
    action: 'kms:Decrypt',
    allowed: true,
    sid: 'Allow use of the key by AutoScaling',
  },
  {
    name: 'the Auto Scaling role CreateGrant for AWS resources',
    policy: kublrPolicy,
    caller: SLR_SESSION,
    action: 'kms:CreateGrant',
    context: { 'kms:GrantIsForAWSResource': 'true' },
    allowed: true,
    sid: 'Allow attachment of persistent resources by AutoScaling',
  },
  {
    name: 'default policy: the role has no KMS in IAM, so it is refused',
    policy: parsePolicyOrThrow(defaultKeyPolicy(ACCT)),
    caller: SLR_SESSION,
    action: 'kms:Decrypt',
    allowed: false,
    by: 'no-allow',
  },
  {
    name: 'default policy with admin IAM',
    policy: parsePolicyOrThrow(defaultKeyPolicy(ACCT)),
    caller: ALICE,
    action: 'kms:PutKeyPolicy',
    iam: [ADMIN_IAM],
    allowed: true,
    by: 'key-policy-and-iam',
  },
  {
    name: 'default policy: another account is not named',
    policy: parsePolicyOrThrow(defaultKeyPolicy(ACCT)),
    caller: `arn:aws:iam::${OTHER}:user/bob`,
    action: 'kms:Decrypt',
    iam: [ADMIN_IAM],
    allowed: false,
  },
  {
    name: 'aws/ebs: any principal of the account through EC2',
    policy: parsePolicyOrThrow(awsManagedKeyPolicy('ebs', ACCT, REGION)),
    caller: SLR_SESSION,
    action: 'kms:CreateGrant',
    context: viaEc2,
    allowed: true,
  },
  {
    name: 'aws/ebs: direct Decrypt is not allowed even with admin IAM',
    policy: parsePolicyOrThrow(awsManagedKeyPolicy('ebs', ACCT, REGION)),
    caller: ALICE,
    action: 'kms:Decrypt',
    iam: [ADMIN_IAM],
    allowed: false,
  },
  {
    name: 'aws/ebs: DescribeKey through kms:Describe* and IAM',
    policy: parsePolicyOrThrow(awsManagedKeyPolicy('ebs', ACCT, REGION)),
    caller: ALICE,
    action: 'kms:DescribeKey',
    iam: [ADMIN_IAM],
    allowed: true,
    sid: 'Allow direct access to key metadata to the account',
  },
  {
    name: 'explicit deny in the key policy wins over an allow',
    policy: parsePolicyOrThrow({
      Statement: [
        { Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'kms:*', Resource: '*' },
        { Sid: 'NoDecrypt', Effect: 'Deny', Principal: '*', Action: 'kms:Decrypt', Resource: '*' },
      ],
    }),
    caller: ALICE,
    action: 'kms:Decrypt',
    allowed: false,
    by: 'explicit-deny',
    sid: 'NoDecrypt',
  },
  {
    name: 'explicit deny in IAM wins over a key-policy allow',
    policy: parsePolicyOrThrow({
      Statement: { Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'kms:*', Resource: '*' },
    }),
    caller: ALICE,
    action: 'kms:ScheduleKeyDeletion',
    iam: [parsePolicyOrThrow({ Statement: [{ Effect: 'Deny', Action: 'kms:Schedule*', Resource: '*' }] })],
    allowed: false,
    by: 'explicit-deny',
  },
  {
    name: 'NotAction allows everything else',
    policy: parsePolicyOrThrow({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: ALICE },
          NotAction: ['kms:ScheduleKeyDeletion', 'kms:Disable*'],
          Resource: '*',
        },
      ],
    }),
    caller: ALICE,
    action: 'kms:Encrypt',
    allowed: true,
  },
  {
    name: 'NotAction excludes with a wildcard',
    policy: parsePolicyOrThrow({
      Statement: [{ Effect: 'Allow', Principal: { AWS: ALICE }, NotAction: ['kms:Disable*'], Resource: '*' }],
    }),
    caller: ALICE,
    action: 'kms:DisableKey',
    allowed: false,
  },
  {
    name: 'account id short form delegates like root',
    policy: parsePolicyOrThrow({
      Statement: [{ Effect: 'Allow', Principal: { AWS: ACCT }, Action: 'kms:*', Resource: '*' }],
    }),
    caller: ALICE,
    action: 'kms:Decrypt',
    iam: [ADMIN_IAM],
    allowed: true,
    by: 'key-policy-and-iam',
  },
  {
    name: 'StringLike on the via service, any region',
    policy: parsePolicyOrThrow({
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 'kms:Decrypt',
          Resource: '*',
          Condition: { StringLike: { 'kms:ViaService': 'ec2.*.amazonaws.com' } },
        },
      ],
    }),
    caller: ALICE,
    action: 'kms:Decrypt',
    context: { 'kms:ViaService': 'ec2.ap-south-1.amazonaws.com' },
    allowed: true,
  },
  {
    name: 'StringNotEquals with the key missing holds',
    policy: parsePolicyOrThrow({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: ALICE },
          Action: 'kms:Decrypt',
          Resource: '*',
          Condition: { StringNotEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } },
        },
      ],
    }),
    caller: ALICE,
    action: 'kms:Decrypt',
    allowed: true,
  },
  {
    name: 'ArnLike on aws:PrincipalArn',
    policy: parsePolicyOrThrow({
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 'kms:Decrypt',
          Resource: '*',
          Condition: { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${ACCT}:user/al*` } },
        },
      ],
    }),
    caller: ALICE,
    action: 'kms:Decrypt',
    context: { 'aws:PrincipalArn': ALICE },
    allowed: true,
  },
  {
    name: 'ArnEquals rejects another user',
    policy: parsePolicyOrThrow({
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 'kms:Decrypt',
          Resource: '*',
          Condition: { ArnEquals: { 'aws:PrincipalArn': KUBLR } },
        },
      ],
    }),
    caller: ALICE,
    action: 'kms:Decrypt',
    context: { 'aws:PrincipalArn': ALICE },
    allowed: false,
  },
  {
    name: 'Resource naming another key does not apply',
    policy: parsePolicyOrThrow({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: ALICE },
          Action: 'kms:*',
          Resource: `arn:aws:kms:${REGION}:${ACCT}:key/other`,
        },
      ],
    }),
    caller: ALICE,
    action: 'kms:Decrypt',
    allowed: false,
  },
  {
    name: 'a grant to the Auto Scaling role allows Decrypt',
    policy: parsePolicyOrThrow(defaultKeyPolicy(ACCT)),
    caller: SLR_SESSION,
    action: 'kms:Decrypt',
    grants: [
      {
        grantId: 'g1',
        granteePrincipal: SLR,
        operations: ['Decrypt', 'GenerateDataKeyWithoutPlaintext', 'CreateGrant'],
      },
    ],
    allowed: true,
    by: 'grant',
  },
  {
    name: 'a grant does not cover an operation it does not list',
    policy: parsePolicyOrThrow(defaultKeyPolicy(ACCT)),
    caller: SLR_SESSION,
    action: 'kms:Encrypt',
    grants: [{ grantId: 'g1', granteePrincipal: SLR, operations: ['Decrypt'] }],
    allowed: false,
  },
  {
    name: 'grant constraints: encryption context subset satisfied',
    policy: parsePolicyOrThrow(defaultKeyPolicy(ACCT)),
    caller: ALICE,
    action: 'kms:Decrypt',
    grants: [
      {
        grantId: 'g2',
        granteePrincipal: ALICE,
        operations: ['Decrypt'],
        constraints: { encryptionContextSubset: { Department: 'IT' } },
      },
    ],
    encryptionContext: { Department: 'IT', Project: 'x' },
    allowed: true,
    by: 'grant',
  },
  {
    name: 'grant constraints: encryption context equals not satisfied',
    policy: parsePolicyOrThrow(defaultKeyPolicy(ACCT)),
    caller: ALICE,
    action: 'kms:Decrypt',
    grants: [
      {
        grantId: 'g3',
        granteePrincipal: ALICE,
        operations: ['Decrypt'],
        constraints: { encryptionContextEquals: { Department: 'IT' } },
      },
    ],
    encryptionContext: { Department: 'IT', Project: 'x' },
    allowed: false,
  },
  {
    name: 'an explicit deny beats a grant',
    policy: parsePolicyOrThrow({
      Statement: [{ Effect: 'Deny', Principal: { AWS: ALICE }, Action: 'kms:Decrypt', Resource: '*' }],
    }),
    caller: ALICE,
    action: 'kms:Decrypt',
    grants: [{ grantId: 'g4', granteePrincipal: ALICE, operations: ['Decrypt'] }],
    allowed: false,
    by: 'explicit-deny',
  },
];

describe('evaluateKeyAccess: policy table', () => {
  it.each(rows)('$name', (row) => {
    const caller = awsCaller(row.caller);
    const decision = evaluateKeyAccess(
      { keyPolicy: row.policy, identityPolicies: row.iam ?? [], grants: row.grants ?? [] },
      {
        caller,
        action: row.action,
        keyArn: KEY,
        keyAccountId: ACCT,
        context: row.context ?? {},
        ...(row.encryptionContext ? { encryptionContext: row.encryptionContext } : {}),
      },
    );
    expect(decision.allowed).toBe(row.allowed);
    if (row.by) expect(decision.allowed ? decision.by : decision.reason).toBe(row.by);
    if (row.sid) {
      const statement = decision.allowed ? decision.keyPolicyStatement : decision.denyStatement;
      expect(statement?.sid).toBe(row.sid);
    }
  });
});

describe('condition operators', () => {
  const clause = (operator: string, key: string, values: string[]) => ({ operator, key, values });
  it.each([
    [
      'ForAnyValue:StringEquals matches one of many',
      clause('ForAnyValue:StringEquals', 'kms:GrantOperations', ['Decrypt']),
      { 'kms:GrantOperations': ['Encrypt', 'Decrypt'] },
      true,
    ],
    [
      'ForAllValues:StringEquals needs every value listed',
      clause('ForAllValues:StringEquals', 'kms:GrantOperations', ['Decrypt']),
      { 'kms:GrantOperations': ['Encrypt', 'Decrypt'] },
      false,
    ],
    [
      'ForAllValues with the key missing holds',
      clause('ForAllValues:StringEquals', 'kms:GrantOperations', ['Decrypt']),
      {},
      true,
    ],
    [
      'ForAnyValue with the key missing fails',
      clause('ForAnyValue:StringEquals', 'kms:GrantOperations', ['Decrypt']),
      {},
      false,
    ],
    [
      'StringEqualsIfExists with the key missing holds',
      clause('StringEqualsIfExists', 'kms:ViaService', ['ec2.us-east-1.amazonaws.com']),
      {},
      true,
    ],
    [
      'StringEqualsIfExists with another value fails',
      clause('StringEqualsIfExists', 'kms:ViaService', ['ec2.us-east-1.amazonaws.com']),
      { 'kms:ViaService': 's3.us-east-1.amazonaws.com' },
      false,
    ],
    [
      'keys are case-insensitive',
      clause('StringEquals', 'KMS:VIASERVICE', ['ec2.us-east-1.amazonaws.com']),
      { 'kms:ViaService': 'ec2.us-east-1.amazonaws.com' },
      true,
    ],
    [
      'StringEquals values are case-sensitive',
      clause('StringEquals', 'kms:ViaService', ['EC2.us-east-1.amazonaws.com']),
      { 'kms:ViaService': 'ec2.us-east-1.amazonaws.com' },
      false,
    ],
    [
      'StringEqualsIgnoreCase',
      clause('StringEqualsIgnoreCase', 'kms:ViaService', ['EC2.us-east-1.amazonaws.com']),
      { 'kms:ViaService': 'ec2.us-east-1.amazonaws.com' },
      true,
    ],
    [
      'StringNotLike with a match fails',
      clause('StringNotLike', 'kms:ViaService', ['ec2.*']),
      { 'kms:ViaService': 'ec2.us-east-1.amazonaws.com' },
      false,
    ],
    ['Null true with the key absent', clause('Null', 'kms:EncryptionContextKeys', ['true']), {}, true],
    [
      'Null false with the key present',
      clause('Null', 'kms:EncryptionContextKeys', ['false']),
      { 'kms:EncryptionContextKeys': ['a'] },
      true,
    ],
    [
      'Bool is case-insensitive on the value',
      clause('Bool', 'kms:GrantIsForAWSResource', ['True']),
      { 'kms:GrantIsForAWSResource': true },
      true,
    ],
    [
      'NumericLessThanEquals',
      clause('NumericLessThanEquals', 'kms:ScheduleKeyDeletionPendingWindowInDays', ['10']),
      { 'kms:ScheduleKeyDeletionPendingWindowInDays': 7 },
      true,
    ],
    [
      'DateGreaterThan',
      clause('DateGreaterThan', 'aws:CurrentTime', ['2020-01-01T00:00:00Z']),
      { 'aws:CurrentTime': '2024-05-01T00:00:00Z' },
      true,
    ],
    [
      'IpAddress in a CIDR',
      clause('IpAddress', 'aws:SourceIp', ['10.0.0.0/8']),
      { 'aws:SourceIp': '10.1.2.3' },
      true,
    ],
    [
      'NotIpAddress outside a CIDR',
      clause('NotIpAddress', 'aws:SourceIp', ['10.0.0.0/8']),
      { 'aws:SourceIp': '192.168.1.1' },
      true,
    ],
    [
      'several values are ORed',
      clause('StringEquals', 'kms:CallerAccount', [OTHER, ACCT]),
      { 'kms:CallerAccount': ACCT },
      true,
    ],
  ] as const)('%s', (_name, c, context, expected) => {
    expect(evaluateCondition(c, context)).toBe(expected);
  });
});

describe('parsePolicy', () => {
  it('accepts Statement as an object and single strings', () => {
    const result = parsePolicy(
      '{"Statement":{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*"}}',
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.policy.statements[0]?.action).toEqual(['kms:Decrypt']);
  });
  it.each([
    ['not JSON', '{'],
    ['no Statement', '{"Version":"2012-10-17"}'],
    ['bad Effect', '{"Statement":[{"Effect":"Maybe","Action":"*","Resource":"*"}]}'],
    [
      'unknown operator',
      '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringSortOf":{"a":"b"}}}]}',
    ],
    [
      'Action and NotAction together',
      '{"Statement":[{"Effect":"Allow","Action":"*","NotAction":"kms:*","Resource":"*"}]}',
    ],
    [
      'bad principal type',
      '{"Statement":[{"Effect":"Allow","Principal":{"Robot":"x"},"Action":"*","Resource":"*"}]}',
    ],
  ])('refuses %s', (_name, text) => {
    const result = parsePolicy(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeGreaterThan(5);
  });
});
