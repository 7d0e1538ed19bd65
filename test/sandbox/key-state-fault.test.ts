// The key-state fault tied to a call: the key changes state just before the nth matching call is
// handled, so a test can disable a key "when the migration stops the instance" at any clock speed.
import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { aviLab } from '../../electron/sandbox/scenarios/avi-lab';
import { withSandbox } from '../helpers/sandbox';

const sandbox = withSandbox({ scenario: 'avi-lab', speed: 0 });

describe('key-state fault on a call', () => {
  it('schedules the key for deletion just before the 2nd DescribeInstances, not before', async () => {
    const config = { ...sandbox.sdkConfig, region: 'us-west-2' };
    const ec2 = new EC2Client(config);
    const kms = new KMSClient(config);
    sandbox.control.addFault({
      kind: 'key-state',
      keyId: 'alias/lab-ebs',
      state: 'PendingDeletion',
      service: 'ec2',
      action: 'DescribeInstances',
      nth: 2,
    });
    const state = async () =>
      (await kms.send(new DescribeKeyCommand({ KeyId: aviLab.ids.labKeyArn }))).KeyMetadata?.KeyState;
    await ec2.send(new DescribeInstancesCommand({}));
    expect(await state()).toBe('Enabled');
    await ec2.send(new DescribeInstancesCommand({}));
    expect(await state()).toBe('PendingDeletion');
    ec2.destroy();
    kms.destroy();
    sandbox.control.reset();
  });
});
