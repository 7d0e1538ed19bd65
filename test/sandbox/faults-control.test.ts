// Fault injection, throttling and the control API against a running server, with the real SDK.
import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { EnableKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it } from 'vitest';
import { aviLab } from '../../electron/sandbox/scenarios/avi-lab';
import { withSandbox } from '../helpers/sandbox';

// speed 0: simulated time moves only when a test advances it.
const sandbox = withSandbox({ scenario: 'avi-lab', speed: 0 });

afterEach(() => {
  sandbox.control.clearFaults();
  sandbox.control.setThrottling(false);
  sandbox.control.setLatency(0);
});

async function control(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await sandbox.controlFetch(path, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('fault injection', () => {
  it('fails the nth call of an action with the given error', async () => {
    const { status } = await control('POST', 'faults', {
      kind: 'fail',
      service: 'sts',
      action: 'GetCallerIdentity',
      nth: 2,
      code: 'InternalFailure',
      message: 'boom',
      status: 500,
    });
    expect(status).toBe(200);
    const sts = new STSClient(sandbox.sdkConfig);
    await expect(sts.send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();
    await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'InternalFailure',
      message: 'boom',
    });
    await expect(sts.send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();
  });

  it('drops the connection', async () => {
    sandbox.control.addFault({ kind: 'drop', service: 'sts' });
    const sts = new STSClient(sandbox.sdkConfig);
    const error = await sts.send(new GetCallerIdentityCommand({})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBeUndefined();
    await expect(sts.send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();
  });

  it('adds latency and still answers', async () => {
    sandbox.control.addFault({ kind: 'latency', action: 'GetCallerIdentity', ms: 20 });
    sandbox.control.setLatency(5);
    await expect(
      new STSClient(sandbox.sdkConfig).send(new GetCallerIdentityCommand({})),
    ).resolves.toMatchObject({ Account: '123456789012' });
  });

  it('is unavailable for a while of simulated time', async () => {
    sandbox.control.addFault({ kind: 'unavailable', service: 'ec2', forMs: 60_000 });
    const ec2 = new EC2Client({ ...sandbox.sdkConfig, region: 'us-west-2' });
    await expect(ec2.send(new DescribeInstancesCommand({}))).rejects.toMatchObject({
      name: 'Unavailable',
      $metadata: { httpStatusCode: 503 },
    });
    sandbox.control.advanceClock(60_000);
    await expect(ec2.send(new DescribeInstancesCommand({}))).resolves.toBeDefined();
  });

  it('disables a key at a simulated time', async () => {
    await control('POST', 'faults', [{ kind: 'key-state', keyId: 'alias/avi-cmk', afterMs: 10_000 }]);
    const key = sandbox.handle.world.kmsKeys.get(aviLab.ids.cmkArn);
    expect(key?.state).toBe('Enabled');
    await control('POST', 'clock', { advanceMs: 10_000 });
    expect(key?.state).toBe('Disabled');
    sandbox.control.reset();
  });

  it('has no fault that makes an instance type refuse encryption (AWS no longer does)', async () => {
    const refused = await control('POST', 'faults', { kind: 'refuse-encryption', instanceType: 'm6i.large' });
    expect(refused.status).toBe(400);
    expect(sandbox.control.listFaults()).toEqual([]);
  });
});

describe('throttling', () => {
  it('refuses the 51st unfiltered DescribeInstances with RequestLimitExceeded until the clock refills', async () => {
    sandbox.control.setThrottling(true);
    const ec2 = new EC2Client({ ...sandbox.sdkConfig, region: 'eu-west-1' });
    for (let i = 0; i < 50; i++) await ec2.send(new DescribeInstancesCommand({}));
    await expect(ec2.send(new DescribeInstancesCommand({}))).rejects.toMatchObject({
      name: 'RequestLimitExceeded',
      message: 'Request limit exceeded.',
      $metadata: { httpStatusCode: 503 },
    });
    // The paginated call draws from its own, larger bucket.
    await expect(ec2.send(new DescribeInstancesCommand({ MaxResults: 5 }))).resolves.toBeDefined();
    sandbox.control.advanceClock(1_000); // 10 tokens per simulated second
    await expect(ec2.send(new DescribeInstancesCommand({}))).resolves.toBeDefined();
  });

  it('answers ThrottlingException past a KMS operation quota', async () => {
    sandbox.control.setThrottling(true);
    const kms = new KMSClient({ ...sandbox.sdkConfig, region: 'eu-central-1' });
    for (let i = 0; i < 5; i++) {
      await kms
        .send(new EnableKeyCommand({ KeyId: '00000000-0000-4000-8000-000000000000' }))
        .catch(() => undefined);
    }
    await expect(
      kms.send(new EnableKeyCommand({ KeyId: '00000000-0000-4000-8000-000000000000' })),
    ).rejects.toMatchObject({
      name: 'ThrottlingException',
      message: 'Rate exceeded',
    });
  });
});

describe('control API', () => {
  it('reports health, loads scenarios, moves the clock and dumps state without secrets', async () => {
    expect((await control('GET', 'health')).json).toMatchObject({
      status: 'ok',
      scenario: 'avi-lab',
      speed: 0,
    });
    const before = sandbox.handle.clock.now();
    await control('POST', 'clock', { advanceMs: 3_600_000 });
    expect(sandbox.handle.clock.now()).toBe(before + 3_600_000);

    await control('POST', 'scenario', { name: 'kublr-cluster' });
    const state = (await control('GET', 'state')).json;
    expect(state.scenario).toBe('kublr-cluster');
    const text = JSON.stringify(state);
    expect(text).not.toContain(sandbox.credentials.secretAccessKey);
    expect(text).not.toContain('secretAccessKey');
    expect((await control('POST', 'scenario', { name: 'nope' })).status).toBe(400);

    await control('POST', 'reset');
    expect(sandbox.handle.world.autoScalingGroups.size).toBe(2);
    await control('POST', 'scenario', { name: 'avi-lab' });
  });

  it('lists and deletes faults', async () => {
    await control('POST', 'faults', { kind: 'latency', ms: 1 });
    expect(((await control('GET', 'faults')).json.faults as unknown[]).length).toBe(1);
    await control('DELETE', 'faults');
    expect(((await control('GET', 'faults')).json.faults as unknown[]).length).toBe(0);
    expect((await control('POST', 'faults', { kind: 'explode' })).status).toBe(400);
  });

  it('approves an SSO device code only when one exists', async () => {
    expect((await control('POST', 'sso/approve', { userCode: 'ABCD-EFGH' })).status).toBe(400);
  });
});
