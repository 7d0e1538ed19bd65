// An empty sandbox world: one account, AWS's commercial regions (one of them not opted in, like
// af-south-1 on a new account), three AZs each, the sandbox-admin user with an
// AdministratorAccess-like policy, its well-known access key, SSO roles, and the instance types
// that lack EBS encryption.
import {
  SANDBOX_ACCESS_KEY_ID,
  SANDBOX_ACCOUNT_ID,
  SANDBOX_REGION,
  SANDBOX_SECRET_ACCESS_KEY,
  SANDBOX_USER_NAME,
} from './config';
import type { IamPrincipal, SandboxWorld } from './world';

export const SANDBOX_REGIONS: SandboxWorld['regions'] = [
  { name: 'us-east-1', optInStatus: 'opt-in-not-required' },
  { name: 'us-east-2', optInStatus: 'opt-in-not-required' },
  { name: 'us-west-1', optInStatus: 'opt-in-not-required' },
  { name: 'us-west-2', optInStatus: 'opt-in-not-required' },
  { name: 'ca-central-1', optInStatus: 'opt-in-not-required' },
  { name: 'eu-west-1', optInStatus: 'opt-in-not-required' },
  { name: 'eu-west-2', optInStatus: 'opt-in-not-required' },
  { name: 'eu-central-1', optInStatus: 'opt-in-not-required' },
  { name: 'eu-north-1', optInStatus: 'opt-in-not-required' },
  { name: 'ap-south-1', optInStatus: 'opt-in-not-required' },
  { name: 'ap-southeast-1', optInStatus: 'opt-in-not-required' },
  { name: 'ap-southeast-2', optInStatus: 'opt-in-not-required' },
  { name: 'ap-northeast-1', optInStatus: 'opt-in-not-required' },
  { name: 'sa-east-1', optInStatus: 'opt-in-not-required' },
  // Regions launched after March 2019 are opt-in; a fresh account has not enabled them.
  { name: 'af-south-1', optInStatus: 'not-opted-in' },
];

// AdministratorAccess, as AWS's managed policy writes it.
export const ADMINISTRATOR_ACCESS_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
});

// A read-only role for SSO and AssumeRole scenarios: describes and lists, nothing that changes state.
export const READ_ONLY_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: [
        'ec2:Describe*',
        'ec2:Get*',
        'kms:Describe*',
        'kms:Get*',
        'kms:List*',
        's3:Get*',
        's3:List*',
        'autoscaling:Describe*',
        'iam:Simulate*',
        'sts:GetCallerIdentity',
      ],
      Resource: '*',
    },
  ],
});

export interface CreateWorldOptions {
  readonly accountId?: string;
  readonly scenario?: string;
}

export function createWorld(options: CreateWorldOptions = {}): SandboxWorld {
  const accountId = options.accountId ?? SANDBOX_ACCOUNT_ID;
  const availabilityZones: Record<string, string[]> = {};
  for (const region of SANDBOX_REGIONS)
    availabilityZones[region.name] = ['a', 'b', 'c'].map((s) => `${region.name}${s}`);

  const userArn = `arn:aws:iam::${accountId}:user/${SANDBOX_USER_NAME}`;
  const principals: IamPrincipal[] = [
    { arn: userArn, accountId, userId: 'AIDASANDBOXADMIN00001', policies: [ADMINISTRATOR_ACCESS_POLICY] },
    {
      arn: `arn:aws:iam::${accountId}:role/AdministratorAccess`,
      accountId,
      userId: 'AROASANDBOXADMINROLE1',
      policies: [ADMINISTRATOR_ACCESS_POLICY],
    },
    {
      arn: `arn:aws:iam::${accountId}:role/ReadOnly`,
      accountId,
      userId: 'AROASANDBOXREADONLY01',
      policies: [READ_ONLY_POLICY],
    },
  ];

  return {
    scenario: options.scenario ?? 'empty',
    partition: 'aws',
    defaultAccountId: accountId,
    regions: SANDBOX_REGIONS.map((r) => ({ ...r })),
    availabilityZones,
    instances: new Map(),
    volumes: new Map(),
    snapshots: new Map(),
    images: new Map(),
    deregisteredImages: new Map(),
    launchTemplates: new Map(),
    autoScalingGroups: new Map(),
    ebsEncryptionByDefault: new Map(),
    kmsKeys: new Map(),
    kmsAliases: new Map(),
    buckets: new Map(),
    principals: new Map(principals.map((p) => [p.arn, p])),
    accessKeys: new Map([
      [
        SANDBOX_ACCESS_KEY_ID,
        {
          accessKeyId: SANDBOX_ACCESS_KEY_ID,
          secretAccessKey: SANDBOX_SECRET_ACCESS_KEY,
          principalArn: userArn,
        },
      ],
    ]),
    sso: {
      startUrl: 'https://sandbox.awsapps.com/start',
      region: SANDBOX_REGION,
      // The simulated user approves a device code 10 simulated seconds after it is issued.
      approveAfterMs: 10_000,
      accounts: [
        {
          accountId,
          accountName: 'Sandbox',
          emailAddress: 'sandbox@example.com',
          roles: ['AdministratorAccess', 'ReadOnly'],
        },
      ],
      clients: new Map(),
      deviceAuthorizations: new Map(),
      tokens: new Map(),
      refreshTokens: new Map(),
    },
    idCounter: 0,
  };
}
