// DescribeInstances, DescribeInstanceStatus, ModifyInstanceAttribute.
import { AwsError, type QueryHandler } from '../context';
import { optionalBool, readStructList, requireParam } from '../protocol/query-params';
import type { Instance } from '../world';
import { describe } from './describe';
import { checkIdShape, instanceNotFound, invalidParameterValue } from './errors';
import type { FilterFields } from './filters';
import { findMyInstance } from './instance-access';
import { isKnownType } from './instance-types';
import { isMine, iso, itemList } from './scope';
import { reservationIdOf, reservationXml, stateXml } from './serialize-instance';

const INSTANCE_FILTERS: FilterFields<Instance> = {
  'instance-id': (i) => [i.instanceId],
  'instance-state-name': (i) => [i.state],
  'instance-state-code': (i) => [String(stateXml(i.state).code)],
  'instance-type': (i) => [i.instanceType],
  'image-id': (i) => [i.imageId],
  'availability-zone': (i) => [i.availabilityZone],
  'subnet-id': (i) => [i.subnetId],
  'vpc-id': (i) => [i.vpcId],
  'private-ip-address': (i) => [i.privateIpAddress],
  'key-name': (i) => [i.keyName],
  'launch-time': (i) => [iso(i.launchTime)],
  'root-device-name': (i) => [i.rootDeviceName],
  'root-device-type': (i) => [i.rootDeviceType],
  'reservation-id': (i) => [reservationIdOf(i.instanceId)],
  'iam-instance-profile.arn': (i) => [i.iamInstanceProfileArn],
  'instance.group-id': (i) => i.securityGroupIds,
  'block-device-mapping.volume-id': (i) => i.blockDevices.map((b) => b.volumeId),
  'block-device-mapping.device-name': (i) => i.blockDevices.map((b) => b.deviceName),
  'block-device-mapping.delete-on-termination': (i) =>
    i.blockDevices.map((b) => String(b.deleteOnTermination)),
};

function describeSpec(instances: Instance[], action: string) {
  return {
    action,
    visible: instances,
    idOf: (i: Instance) => i.instanceId,
    idParam: 'InstanceId',
    checkId: (id: string) => checkIdShape('instance', id),
    notFound: instanceNotFound,
    min: 5,
    max: 1000,
  };
}

export const describeInstances: QueryHandler = (ctx, params) => {
  // A just-launched instance is not known yet: NotFound by id, absent from lists (config.ts).
  const now = ctx.clock.now();
  const mine = [...ctx.world.instances.values()].filter(
    (i) => isMine(ctx, i) && (i.visibleAt === undefined || i.visibleAt <= now),
  );
  const page = describe(params, {
    ...describeSpec(mine, 'DescribeInstances'),
    setName: 'instancesSet',
    fields: INSTANCE_FILTERS,
  });
  return {
    reservationSet: itemList(page.items.map((i) => reservationXml(i.accountId, [i]))),
    nextToken: page.nextToken,
  };
};

const STATUS_FILTERS: FilterFields<Instance> = {
  'instance-state-name': (i) => [i.state],
  'instance-state-code': (i) => [String(stateXml(i.state).code)],
  'availability-zone': (i) => [i.availabilityZone],
  'instance-status.status': (i) => [i.state === 'running' ? 'ok' : 'not-applicable'],
  'system-status.status': (i) => [i.state === 'running' ? 'ok' : 'not-applicable'],
};

export const describeInstanceStatus: QueryHandler = (ctx, params) => {
  const includeAll = optionalBool(params, 'IncludeAllInstances') ?? false;
  const mine = [...ctx.world.instances.values()].filter(
    (i) => isMine(ctx, i) && (includeAll || i.state === 'running'),
  );
  const page = describe(params, { ...describeSpec(mine, 'DescribeInstanceStatus'), fields: STATUS_FILTERS });
  const status = (i: Instance) => {
    const ok = i.state === 'running';
    return {
      status: ok ? 'ok' : 'not-applicable',
      details: itemList([{ name: 'reachability', status: ok ? 'passed' : 'not-applicable' }]),
    };
  };
  return {
    instanceStatusSet: itemList(
      page.items.map((i) => ({
        instanceId: i.instanceId,
        availabilityZone: i.availabilityZone,
        instanceState: stateXml(i.state),
        instanceStatus: status(i),
        systemStatus: status(i),
      })),
    ),
    nextToken: page.nextToken,
  };
};

// DeleteOnTermination per device (BlockDeviceMapping.N), and the instance type of a stopped instance.
export const modifyInstanceAttribute: QueryHandler = (ctx, params) => {
  const instance = findMyInstance(ctx, requireParam(params, 'InstanceId'));
  const mappings = readStructList(params, 'BlockDeviceMapping');
  for (const m of mappings) {
    const bd = instance.blockDevices.find((b) => b.deviceName === m.DeviceName);
    if (!bd)
      throw invalidParameterValue(
        `Value (${m.DeviceName ?? ''}) for parameter blockDeviceMapping is invalid. No device is mapped at that name.`,
      );
    const value = m['Ebs.DeleteOnTermination'];
    if (value !== 'true' && value !== 'false') continue;
    bd.deleteOnTermination = value === 'true';
    const attachment = ctx.world.volumes
      .get(bd.volumeId)
      ?.attachments.find((a) => a.instanceId === instance.instanceId);
    if (attachment) attachment.deleteOnTermination = bd.deleteOnTermination;
  }
  const newType =
    params['InstanceType.Value'] ?? (params.Attribute === 'instanceType' ? params.Value : undefined);
  if (newType !== undefined) {
    if (instance.state !== 'stopped') {
      throw new AwsError(
        'IncorrectInstanceState',
        `The instance '${instance.instanceId}' is not in the 'stopped' state.`,
      );
    }
    if (!isKnownType(newType)) throw invalidParameterValue(`Invalid value '${newType}' for InstanceType.`);
    instance.instanceType = newType;
  } else if (mappings.length === 0) {
    throw new AwsError('MissingParameter', 'The request must contain the parameter attribute');
  }
  return { return: true };
};
