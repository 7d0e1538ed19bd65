// Issue N, item 5: for every call in every plan kind, a principal lacking exactly that permission
// makes the preflight name exactly that call (denied), and the sandbox's world is unchanged.
// Principals are made through the sandbox's IAM (CreateUser, PutUserPolicy with NotAction,
// CreateAccessKey); the preflight runs with their keys through the real SDK clients.
import { EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import type { MigrationStrategy } from '../../../shared/domain/migration';
import type { Preflight } from '../../../shared/domain/preflight';
import { sealPlan, type PlanStep } from '../../../shared/plans/plan-document';
import { planAmiCopy } from '../../../electron/core/ami-copy/plan-ami-copy';
import { prepareMigration } from '../../../electron/core/migration/prepare';
import {
  migrationPreflight,
  planPreflight,
  type PreflightContext,
} from '../../../electron/core/preflight/index';
import { aviLab } from '../../../electron/sandbox/scenarios/avi-lab';
import { withSandbox } from '../../helpers/sandbox';
import { observableState } from './observable-state';

const sandbox = withSandbox({ scenario: 'avi-lab', speed: 0 });
const ACCOUNT = '123456789012';
const REGION = 'us-west-2';
const KMS_CALLS = ['kms:CreateGrant', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:Decrypt'];
const SWAP_CALLS = [
  'ec2:CreateSnapshot',
  'ec2:CreateTags',
  'ec2:StopInstances',
  'ec2:CreateVolume',
  'ec2:DetachVolume',
  'ec2:AttachVolume',
  'ec2:ModifyInstanceAttribute',
  'ec2:StartInstances',
  ...KMS_CALLS,
];
const REPLACE_CALLS = [
  'ec2:CreateImage',
  'ec2:CopyImage',
  'ec2:CreateTags',
  'ec2:RunInstances',
  'ec2:StopInstances',
  'ec2:TerminateInstances',
  'ec2:StartInstances',
  ...KMS_CALLS,
];
const FIX_CALLS = [
  'ec2:EnableEbsEncryptionByDefault',
  'ec2:DisableEbsEncryptionByDefault',
  'ec2:ModifyEbsDefaultKmsKeyId',
  'kms:PutKeyPolicy',
  's3:PutBucketEncryption',
];

interface Principal {
  readonly arn: string;
  readonly config: {
    endpoint: string;
    region: string;
    maxAttempts: number;
    credentials: { accessKeyId: string; secretAccessKey: string };
  };
}

let users = 0;
async function lacking(action: string): Promise<Principal> {
  const iam = new IAMClient({ ...sandbox.sdkConfig, region: REGION });
  const name = `lacks-${++users}`;
  await iam.send(new CreateUserCommand({ UserName: name }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: name,
      PolicyName: 'all-but-one',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', NotAction: action === '' ? 'none:None' : action, Resource: '*' }],
      }),
    }),
  );
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
  return {
    arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
    config: {
      endpoint: sandbox.endpoint,
      region: REGION,
      maxAttempts: 1,
      credentials: {
        accessKeyId: key.AccessKey?.AccessKeyId ?? '',
        secretAccessKey: key.AccessKey?.SecretAccessKey ?? '',
      },
    },
  };
}

function preflightContext(p: Principal): PreflightContext {
  return {
    ec2: (region) => new EC2Client({ ...p.config, region }),
    kms: (region) => new KMSClient({ ...p.config, region }),
    sts: () => new STSClient(p.config),
    iam: () => new IAMClient(p.config),
    callerArn: p.arn,
    accountId: ACCOUNT,
    now: () => sandbox.handle.clock.now(),
  };
}

async function migration(p: Principal, strategy: MigrationStrategy): Promise<Preflight> {
  const ctx = {
    ec2: new EC2Client(p.config),
    kms: new KMSClient(p.config),
    iam: new IAMClient(p.config),
    profile: 'sandbox',
    region: REGION,
    accountId: ACCOUNT,
    callerArn: p.arn,
    waits: { minDelay: 0.01, maxDelay: 0.04, timeScale: 0.01 },
    now: () => sandbox.handle.clock.now(),
    dataDir: '/nonexistent',
  };
  const instanceId = aviLab.ids.controllerInstanceIds[0] ?? '';
  const prepared = await prepareMigration(ctx, {
    instanceIds: [instanceId],
    kmsKeyRef: 'alias/lab-ebs',
    strategy,
  });
  return migrationPreflight(preflightContext(p), {
    region: REGION,
    strategy,
    keyArn: prepared.keyArn,
    instances: prepared.instances,
  });
}

async function amiCopy(p: Principal): Promise<Preflight> {
  const deps = {
    ec2: (region: string) => new EC2Client({ ...p.config, region }),
    kms: (region: string) => new KMSClient({ ...p.config, region }),
    iam: () => new IAMClient(p.config),
    caller: () => Promise.resolve({ accountId: ACCOUNT, arn: p.arn }),
  };
  const { plan } = await planAmiCopy(deps, {
    imageIds: [aviLab.ids.seImageIds[0] ?? ''],
    sourceRegion: REGION,
    kmsKeyRef: 'alias/lab-ebs',
  });
  return planPreflight(preflightContext(p), plan);
}

const step = (action: string, params: Record<string, unknown>): PlanStep => ({
  id: action,
  title: action,
  action,
  region: REGION,
  params,
  dependsOn: [],
  phase: 'online',
  estimatedSeconds: 1,
});

async function fixes(p: Principal): Promise<Preflight> {
  const plan = await sealPlan({
    schema: 'envelope.plan/v1',
    id: 'fix-test',
    kind: 'diagnostic-fix',
    title: 'fixes',
    accountId: ACCOUNT,
    regions: [REGION],
    createdAt: new Date(0).toISOString(),
    createdBy: p.arn,
    source: 'live',
    facts: [],
    steps: [
      step('ec2:EnableEbsEncryptionByDefault', {}),
      step('ec2:ModifyEbsDefaultKmsKeyId', { KmsKeyId: aviLab.ids.labKeyArn }),
      step('kms:PutKeyPolicy', { KeyId: aviLab.ids.labKeyArn, PolicyName: 'default' }),
      step('s3:PutBucketEncryption', { Bucket: aviLab.ids.seBucket }),
    ],
    rollback: [step('ec2:DisableEbsEncryptionByDefault', {})],
    estimatedSeconds: 2,
    warnings: [],
    input: {},
  });
  return planPreflight(preflightContext(p), plan);
}

const denied = (preflight: Preflight) =>
  preflight.rows.filter((r) => r.result === 'denied').map((r) => r.call);

describe('preflight: a principal lacking exactly one permission', () => {
  it('an allowed principal passes every plan kind, nothing unchecked', async () => {
    const p = await lacking('');
    for (const preflight of [
      await migration(p, 'swap'),
      await migration(p, 'replace'),
      await amiCopy(p),
      await fixes(p),
    ]) {
      expect(preflight.rows.filter((r) => r.result !== 'allowed')).toEqual([]);
    }
  });

  const kinds: [string, readonly string[], (p: Principal) => Promise<Preflight>][] = [
    ['migration (swap)', SWAP_CALLS, (p) => migration(p, 'swap')],
    ['migration (replace)', REPLACE_CALLS, (p) => migration(p, 'replace')],
    ['AMI copy', ['ec2:CopyImage', 'ec2:DeregisterImage', ...KMS_CALLS], amiCopy],
    ['diagnostics fixes', FIX_CALLS, fixes],
  ];
  for (const [kind, calls, run] of kinds) {
    it.each(calls)(`${kind}: lacking %s names exactly that call and changes nothing`, async (call) => {
      const p = await lacking(call);
      const before = await observableState(sandbox.handle);
      const preflight = await run(p);
      expect(new Set(denied(preflight))).toEqual(new Set([call]));
      const row = preflight.rows.find((r) => r.call === call && r.result === 'denied');
      expect(row?.reason).toBeTruthy();
      expect(await observableState(sandbox.handle)).toBe(before);
    });
  }
});
