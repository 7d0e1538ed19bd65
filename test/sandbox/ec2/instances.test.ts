import { describe, expect, it } from 'vitest';
import { defaultRates } from '../../../electron/sandbox/config';
import { ec2Fixture, field, items, launch } from './fixture';

function instance(f: ReturnType<typeof ec2Fixture>, id: string): Record<string, unknown> {
  const reservation = items(f.call('DescribeInstances', { 'InstanceId.1': id }).reservationSet)[0];
  const i = items(reservation?.instancesSet)[0];
  if (!i) throw new Error(`no instance ${id}`);
  return i;
}

const stateName = (i: Record<string, unknown>): string => field<string>(i, 'instanceState', 'name');

describe('instances', () => {
  it('goes pending → running → stopping → stopped → pending → running', () => {
    const f = ec2Fixture();
    const id = launch(f);
    expect(instance(f, id).instanceState).toEqual({ code: 0, name: 'pending' });
    f.advance(defaultRates.instanceStartMs);
    expect(instance(f, id).instanceState).toEqual({ code: 16, name: 'running' });
    const stop = items(f.call('StopInstances', { 'InstanceId.1': id }).instancesSet)[0];
    expect(stop).toMatchObject({
      currentState: { code: 64, name: 'stopping' },
      previousState: { code: 16, name: 'running' },
    });
    f.advance(defaultRates.instanceStopMs);
    expect(instance(f, id)).toMatchObject({
      instanceState: { code: 80, name: 'stopped' },
      stateReason: { code: 'Client.UserInitiatedShutdown' },
    });
    f.call('StartInstances', { 'InstanceId.1': id });
    expect(stateName(instance(f, id))).toBe('pending');
    f.advance(defaultRates.instanceStartMs);
    expect(stateName(instance(f, id))).toBe('running');
  });

  it('refuses to start a stopping instance and to stop a pending one', () => {
    const f = ec2Fixture();
    const id = launch(f);
    expect(f.fail('StopInstances', { 'InstanceId.1': id }).code).toBe('IncorrectInstanceState');
    f.advance(defaultRates.instanceStartMs);
    f.call('StopInstances', { 'InstanceId.1': id });
    expect(f.fail('StartInstances', { 'InstanceId.1': id })).toMatchObject({
      code: 'IncorrectInstanceState',
      message: `The instance '${id}' is not in a state from which it can be started.`,
    });
    expect(f.fail('DescribeInstances', { 'InstanceId.1': 'i-0123456789abcdef0' }).code).toBe(
      'InvalidInstanceID.NotFound',
    );
    expect(f.fail('DescribeInstances', { 'InstanceId.1': 'i-zz' }).code).toBe('InvalidInstanceID.Malformed');
  });

  // "Eventual consistency in the Amazon EC2 API": a new instance id may be unknown to
  // DescribeInstances for a moment after RunInstances.
  it('does not know a just-launched instance for idPropagationMs, then does', () => {
    const f = ec2Fixture({ idPropagationMs: defaultRates.idPropagationMs });
    const id = launch(f);
    expect(f.fail('DescribeInstances', { 'InstanceId.1': id }).code).toBe('InvalidInstanceID.NotFound');
    expect(items(f.call('DescribeInstances').reservationSet)).toEqual([]);
    f.advance(defaultRates.idPropagationMs);
    expect(stateName(instance(f, id))).toBe('pending');
  });

  // EBS user guide, "Supported instance types": encryption is available on every current and
  // previous generation type, so an m1.small launches on, takes and restarts with encrypted volumes.
  it('gives a previous-generation type encrypted volumes like any other', () => {
    const f = ec2Fixture();
    const old = launch(f, {
      InstanceType: 'm1.small',
      'BlockDeviceMapping.1.DeviceName': '/dev/xvda',
      'BlockDeviceMapping.1.Ebs.Encrypted': 'true',
    });
    f.advance(defaultRates.instanceStartMs);
    expect(stateName(instance(f, old))).toBe('running');
    const volumeId = field<string>(
      f.call('CreateVolume', { AvailabilityZone: 'us-east-1a', Size: '5', Encrypted: 'true' }),
      'volumeId',
    );
    f.advance(defaultRates.volumeCreateMs);
    expect(f.call('AttachVolume', { VolumeId: volumeId, InstanceId: old, Device: '/dev/sdf' })).toMatchObject(
      {
        status: 'attaching',
      },
    );
    f.call('StopInstances', { 'InstanceId.1': old });
    f.advance(defaultRates.instanceStopMs);
    f.call('StartInstances', { 'InstanceId.1': old });
    f.advance(defaultRates.instanceStartMs);
    expect(stateName(instance(f, old))).toBe('running');
  });

  it('keeps running on a disabled key but falls back to stopped when started again', () => {
    const f = ec2Fixture();
    const cmk = f.key();
    const id = launch(f, {
      'BlockDeviceMapping.1.DeviceName': '/dev/xvda',
      'BlockDeviceMapping.1.Ebs.Encrypted': 'true',
      'BlockDeviceMapping.1.Ebs.KmsKeyId': cmk.arn,
    });
    f.advance(defaultRates.instanceStartMs);
    cmk.state = 'Disabled';
    f.advance(3_600_000);
    expect(stateName(instance(f, id))).toBe('running');
    f.call('StopInstances', { 'InstanceId.1': id });
    f.advance(defaultRates.instanceStopMs);
    f.call('StartInstances', { 'InstanceId.1': id });
    expect(stateName(instance(f, id))).toBe('pending');
    f.advance(defaultRates.instanceStartMs);
    expect(instance(f, id)).toMatchObject({
      instanceState: { name: 'stopped' },
      stateReason: {
        code: 'Client.InvalidKMSKey.InvalidState',
        message: 'Client.InvalidKMSKey.InvalidState: The KMS key provided is in an incorrect state',
      },
    });
  });

  it('terminates a launch whose key is pending deletion and deletes its volumes', () => {
    const f = ec2Fixture();
    const doomed = f.key('PendingDeletion');
    const id = launch(f, {
      'BlockDeviceMapping.1.DeviceName': '/dev/xvda',
      'BlockDeviceMapping.1.Ebs.Encrypted': 'true',
      'BlockDeviceMapping.1.Ebs.KmsKeyId': doomed.arn,
    });
    f.advance(defaultRates.instanceStartMs);
    expect(instance(f, id)).toMatchObject({
      instanceState: { code: 48, name: 'terminated' },
      stateReason: { code: 'Client.InvalidKMSKey.InvalidState' },
    });
    expect(f.world.volumes.size).toBe(0);
  });

  it('terminates: shutting-down → terminated, DeleteOnTermination volumes deleted, others kept', () => {
    const f = ec2Fixture();
    const id = launch(f);
    f.advance(defaultRates.instanceStartMs);
    const root = f.world.instances.get(id)?.blockDevices[0];
    const kept = f.world.instances.get(id)?.blockDevices[1];
    if (kept) kept.deleteOnTermination = false;
    const change = items(f.call('TerminateInstances', { 'InstanceId.1': id }).instancesSet)[0];
    expect(change).toMatchObject({
      currentState: { code: 32, name: 'shutting-down' },
      previousState: { code: 16, name: 'running' },
    });
    f.advance(defaultRates.instanceStopMs);
    expect(stateName(instance(f, id))).toBe('terminated');
    expect(f.world.volumes.has(root?.volumeId ?? '')).toBe(false);
    if (kept) expect(f.world.volumes.get(kept.volumeId)?.state).toBe('available');
    // Again: EC2 answers terminated → terminated and changes nothing.
    const again = items(f.call('TerminateInstances', { 'InstanceId.1': id }).instancesSet)[0];
    expect(again).toMatchObject({
      currentState: { name: 'terminated' },
      previousState: { name: 'terminated' },
    });
    expect(f.fail('TerminateInstances', {}).code).toBe('MissingParameter');
  });

  it('changes DeleteOnTermination, honours ClientToken and DryRun', () => {
    const f = ec2Fixture();
    const id = launch(f, { ClientToken: 'once' });
    expect(
      f.call('ModifyInstanceAttribute', {
        InstanceId: id,
        'BlockDeviceMapping.1.DeviceName': '/dev/xvda',
        'BlockDeviceMapping.1.Ebs.DeleteOnTermination': 'false',
      }),
    ).toEqual({ return: true });
    const root = f.world.instances.get(id)?.blockDevices[0];
    expect(root?.deleteOnTermination).toBe(false);
    expect(f.world.volumes.get(root?.volumeId ?? '')?.attachments[0]?.deleteOnTermination).toBe(false);
    const again = f.call('RunInstances', {
      ImageId: f.world.instances.get(id)?.imageId ?? '',
      MinCount: '1',
      MaxCount: '1',
      ClientToken: 'once',
    });
    expect(field(items(again.instancesSet)[0], 'instanceId')).toBe(id);
    // DryRun checks permissions and the request, not the instance's state (still pending here).
    expect(f.fail('StopInstances', { 'InstanceId.1': id, DryRun: 'true' }).code).toBe('DryRunOperation');
    expect(f.fail('StopInstances', { 'InstanceId.1': 'i-0123456789abcdef0', DryRun: 'true' }).code).toBe(
      'InvalidInstanceID.NotFound',
    );
    f.advance(defaultRates.instanceStartMs);
    const dry = f.fail('StopInstances', { 'InstanceId.1': id, DryRun: 'true' });
    expect(dry).toMatchObject({
      code: 'DryRunOperation',
      status: 412,
      message: 'Request would have succeeded, but DryRun flag is set.',
    });
    expect(f.world.instances.get(id)?.state).toBe('running');
  });

  it('filters by state and paginates reservations', () => {
    const f = ec2Fixture();
    for (let n = 0; n < 6; n++) launch(f);
    f.advance(defaultRates.instanceStartMs);
    const running = f.call('DescribeInstances', {
      'Filter.1.Name': 'instance-state-name',
      'Filter.1.Value.1': 'running',
      MaxResults: '5',
    });
    expect(items(running.reservationSet)).toHaveLength(5);
    expect(running.nextToken).toBeTruthy();
    const status = f.call('DescribeInstanceStatus');
    expect(items(status.instanceStatusSet)).toHaveLength(6);
  });
});
