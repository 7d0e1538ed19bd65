// Instances as DescribeInstances / RunInstances write them: one reservation per launch, the
// instance with its state { code, name }, placement, block device mappings and tags.
import { createHash } from 'node:crypto';
import type { Instance, InstanceState } from '../world';
import { iso, itemList } from './scope';
import { tagSetXml } from './serialize';

// EC2's documented state codes (the high byte is internal and always 0 here).
const STATE_CODES: Record<InstanceState, number> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

export function stateXml(state: InstanceState): { code: number; name: InstanceState } {
  return { code: STATE_CODES[state], name: state };
}

// Reservation ids are stable per instance (the sandbox launches one reservation per instance id set).
export function reservationIdOf(instanceId: string): string {
  return `r-${createHash('sha256').update(instanceId).digest('hex').slice(0, 17)}`;
}

// StateTransitionReason: "User initiated" for a stop the user asked for, else the state reason.
function transitionReason(code: string, message: string): string {
  return code === 'Client.UserInitiatedShutdown' ? 'User initiated' : message;
}

export function instanceXml(i: Instance, launchIndex = 0): Record<string, unknown> {
  const transitional = i.state === 'pending' || i.state === 'stopping';
  const reason = transitional ? undefined : i.stateReason;
  const privateDns = `ip-${i.privateIpAddress.replace(/\./g, '-')}.ec2.internal`;
  return {
    instanceId: i.instanceId,
    imageId: i.imageId,
    instanceState: stateXml(i.state),
    privateDnsName: privateDns,
    dnsName: '',
    reason: reason ? transitionReason(reason.code, reason.message) : '',
    keyName: i.keyName,
    amiLaunchIndex: launchIndex,
    productCodes: '',
    instanceType: i.instanceType,
    launchTime: iso(i.launchTime),
    placement: { availabilityZone: i.availabilityZone, groupName: '', tenancy: 'default' },
    monitoring: { state: 'disabled' },
    subnetId: i.subnetId,
    vpcId: i.vpcId,
    privateIpAddress: i.privateIpAddress,
    groupSet: itemList(i.securityGroupIds.map((groupId) => ({ groupId, groupName: groupId }))),
    stateReason: reason ? { code: reason.code, message: reason.message } : undefined,
    architecture: 'x86_64',
    rootDeviceType: i.rootDeviceType,
    rootDeviceName: i.rootDeviceName,
    blockDeviceMapping: itemList(
      i.blockDevices.map((b) => ({
        deviceName: b.deviceName,
        ebs: {
          volumeId: b.volumeId,
          status: 'attached',
          attachTime: iso(b.attachTime),
          deleteOnTermination: b.deleteOnTermination,
        },
      })),
    ),
    virtualizationType: 'hvm',
    iamInstanceProfile: i.iamInstanceProfileArn
      ? { arn: i.iamInstanceProfileArn, id: 'AIPASANDBOXPROFILE01' }
      : undefined,
    tagSet: i.tags.length > 0 ? tagSetXml(i.tags) : undefined,
    hypervisor: 'xen',
    ebsOptimized: false,
    enaSupport: true,
  };
}

export function reservationXml(ownerId: string, instances: readonly Instance[]): Record<string, unknown> {
  const first = instances[0];
  return {
    reservationId: first ? reservationIdOf(first.instanceId) : 'r-00000000000000000',
    ownerId,
    groupSet: '',
    instancesSet: itemList(instances.map((i, n) => instanceXml(i, n))),
  };
}
