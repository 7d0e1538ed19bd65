// The EBS default key in every form AWS may answer it (GetEbsDefaultKmsKeyId's CLI examples show
// `alias/aws/ebs` and a key ARN; the member is documented as an ARN): the diagnostics resolve each
// to the key ARN through KMS, including alias/aws/ebs in a region where nothing was ever encrypted
// (DescribeKey creates the AWS managed key on first use).
import { IAMClient } from '@aws-sdk/client-iam';
import { EC2Client } from '@aws-sdk/client-ec2';
import { CreateAliasCommand, CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gather } from '../../../electron/core/diagnostics/gather';
import { checkEbsDefault } from '../../../electron/core/diagnostics/checks/ebs-default';
import { emptyRegionInventory } from '../../../shared/domain/inventory';
import { withSandbox } from '../../helpers/sandbox';

const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
const sandbox = withSandbox({ scenario: 'empty' });
let clients: { ec2: EC2Client; kms: KMSClient; iam: IAMClient };
let cmk: { id: string; arn: string };

beforeAll(async () => {
  const config = { ...sandbox.sdkConfig, region: REGION };
  clients = { ec2: new EC2Client(config), kms: new KMSClient(config), iam: new IAMClient(config) };
  const created = await clients.kms.send(new CreateKeyCommand({ Description: 'app key' }));
  cmk = { id: created.KeyMetadata?.KeyId ?? '', arn: created.KeyMetadata?.Arn ?? '' };
  await clients.kms.send(new CreateAliasCommand({ AliasName: 'alias/app', TargetKeyId: cmk.id }));
});
afterAll(() => {
  for (const c of Object.values(clients)) c.destroy();
});

async function evidenceFor(defaultKmsKeyId: string, intended: string) {
  const inventory = {
    ...emptyRegionInventory(ACCOUNT, REGION, 0),
    ebsDefaults: { encryptionByDefault: true, defaultKmsKeyId },
  };
  const { check } = await gather({
    account: ACCOUNT,
    callerArn: `arn:aws:iam::${ACCOUNT}:user/sandbox-admin`,
    inventory,
    intended: { ebsKey: intended },
    bucketPrefixes: [],
    repeatWindowHours: 24,
    clients,
  });
  return checkEbsDefault(check);
}

describe('the EBS default key in every documented form', () => {
  it('resolves alias/aws/ebs in a region where nothing was ever encrypted', async () => {
    const findings = await evidenceFor('alias/aws/ebs', 'alias/app');
    const mismatch = findings.find((f) => f.id.endsWith(':mismatch'));
    expect(mismatch?.evidence.defaultKeyArn).toMatch(new RegExp(`^arn:aws:kms:${REGION}:${ACCOUNT}:key/`));
    expect(mismatch?.evidence.intendedKeyArn).toBe(cmk.arn);
    expect(findings.some((f) => f.title.startsWith('Could not check'))).toBe(false);
  });

  it.each([
    ['key ARN', () => cmk.arn],
    ['key id', () => cmk.id],
    ['alias name', () => 'alias/app'],
    ['alias ARN', () => `arn:aws:kms:${REGION}:${ACCOUNT}:alias/app`],
  ])('treats a default given as its %s as the intended key, with no mismatch', async (_form, ref) => {
    const findings = await evidenceFor(ref(), cmk.arn);
    expect(findings.filter((f) => f.id.includes('mismatch'))).toEqual([]);
    expect(findings.some((f) => f.title.startsWith('Could not check'))).toBe(false);
  });
});
