// AttachVolume and DetachVolume. Attach: the volume turns in-use at once with its attachment
// 'attaching' until rates.attachMs; detach: 'detaching' until rates.detachMs, then available.
import { AwsError, type QueryHandler } from '../context';
import { optionalBool, requireParam } from '../protocol/query-params';
import { findMyInstance } from './instance-access';
import { attachmentXml } from './serialize';
import { findMyVolume } from './volumes';

export const attachVolume: QueryHandler = (ctx, params) => {
  const volume = findMyVolume(ctx, requireParam(params, 'VolumeId'));
  const instance = findMyInstance(ctx, requireParam(params, 'InstanceId'));
  const device = requireParam(params, 'Device');
  if (volume.availabilityZone !== instance.availabilityZone) {
    throw new AwsError(
      'InvalidVolume.ZoneMismatch',
      `The volume '${volume.volumeId}' is not in the same availability zone as instance '${instance.instanceId}'`,
    );
  }
  if (volume.state === 'in-use' && !volume.multiAttachEnabled) {
    throw new AwsError('VolumeInUse', `${volume.volumeId} is already attached to an instance`);
  }
  if (volume.state !== 'available' && volume.state !== 'in-use') {
    throw new AwsError('IncorrectState', `${volume.volumeId} is not 'available'.`);
  }
  if (instance.state !== 'running' && instance.state !== 'stopped') {
    throw new AwsError('IncorrectInstanceState', `Instance '${instance.instanceId}' is not 'running'.`);
  }
  if (instance.blockDevices.some((b) => b.deviceName === device)) {
    throw new AwsError(
      'InvalidParameterValue',
      `Invalid value '${device}' for unixDevice. Attachment point ${device} is already in use`,
    );
  }
  const now = ctx.clock.now();
  const attachment = {
    instanceId: instance.instanceId,
    device,
    state: 'attaching' as const,
    stateEndsAt: now + ctx.rates.attachMs,
    attachTime: now,
    deleteOnTermination: false,
  };
  volume.attachments.push(attachment);
  volume.state = 'in-use';
  instance.blockDevices.push({
    deviceName: device,
    volumeId: volume.volumeId,
    deleteOnTermination: false,
    attachTime: now,
  });
  return attachmentXml(volume.volumeId, attachment);
};

export const detachVolume: QueryHandler = (ctx, params) => {
  const volume = findMyVolume(ctx, requireParam(params, 'VolumeId'));
  const wantedInstance = params.InstanceId;
  const attachment = volume.attachments.find(
    (a) => wantedInstance === undefined || a.instanceId === wantedInstance,
  );
  if (!attachment || volume.state !== 'in-use') {
    if (wantedInstance !== undefined && volume.attachments.length > 0) {
      throw new AwsError(
        'InvalidAttachment.NotFound',
        `Volume '${volume.volumeId}' is not attached to instance '${wantedInstance}'`,
      );
    }
    throw new AwsError('IncorrectState', `Volume '${volume.volumeId}' is in the '${volume.state}' state.`);
  }
  if (attachment.state === 'detaching') return attachmentXml(volume.volumeId, attachment);
  const instance = ctx.world.instances.get(attachment.instanceId);
  // Force only unsticks a failed detach; it never detaches a running instance's root volume.
  void optionalBool(params, 'Force');
  if (instance && instance.rootDeviceName === attachment.device && instance.state !== 'stopped') {
    throw new AwsError(
      'IncorrectState',
      `Unable to detach root volume '${volume.volumeId}' from instance '${instance.instanceId}'`,
    );
  }
  attachment.state = 'detaching';
  attachment.stateEndsAt = ctx.clock.now() + ctx.rates.detachMs;
  return attachmentXml(volume.volumeId, attachment);
};
