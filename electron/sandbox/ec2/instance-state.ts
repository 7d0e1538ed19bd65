// StartInstances and StopInstances. Starting decrypts each encrypted volume's data key again, so
// an instance whose volumes use a disabled or pending-deletion key (or a key whose policy no longer
// lets EC2 act) is accepted, goes pending, then falls back to stopped with the state reason EC2
// reports; while it keeps running nothing changes (the data key stays in the hypervisor).
import { AwsError, type CallContext, type QueryHandler } from '../context';
import { readList } from '../protocol/query-params';
import type { Instance, InstanceState } from '../world';
import { failInstanceWhenPendingEnds } from './deferred-failures';
import { missingParameter } from './errors';
import { findMyInstance } from './instance-access';
import { checkKey, startFailure, type KeyFailure } from './key-failures';
import { itemList } from './scope';
import { stateXml } from './serialize-instance';

function stateChangeXml(instance: Instance, previous: InstanceState): Record<string, unknown> {
  return {
    instanceId: instance.instanceId,
    currentState: stateXml(instance.state),
    previousState: stateXml(previous),
  };
}

function readInstances(ctx: CallContext, params: Record<string, string>): Instance[] {
  const ids = readList(params, 'InstanceId');
  if (ids.length === 0) throw missingParameter('InstanceId');
  return ids.map((id) => findMyInstance(ctx, id));
}

// The first encrypted volume whose key cannot be used now, as the instance's failure.
export function volumeKeyFailure(ctx: CallContext, instance: Instance): KeyFailure | undefined {
  for (const bd of instance.blockDevices) {
    const volume = ctx.world.volumes.get(bd.volumeId);
    if (!volume?.encrypted) continue;
    const check = checkKey(ctx, volume.kmsKeyArn, 'decrypt');
    if (!check.ok) return startFailure(check.failure);
  }
  return undefined;
}

export const startInstances: QueryHandler = (ctx, params) => {
  const instances = readInstances(ctx, params);
  for (const i of instances) {
    if (i.state === 'stopping' || i.state === 'shutting-down' || i.state === 'terminated') {
      throw new AwsError(
        'IncorrectInstanceState',
        `The instance '${i.instanceId}' is not in a state from which it can be started.`,
      );
    }
  }
  const now = ctx.clock.now();
  const changes = instances.map((i) => {
    const previous = i.state;
    if (previous === 'stopped') {
      const failure = volumeKeyFailure(ctx, i);
      i.state = 'pending';
      i.stateEndsAt = now + ctx.rates.instanceStartMs;
      i.stateReason = undefined;
      i.launchTime = now;
      if (failure) failInstanceWhenPendingEnds(i, { failure, endState: 'stopped' });
    }
    return stateChangeXml(i, previous);
  });
  return { instancesSet: itemList(changes) };
};

export const stopInstances: QueryHandler = (ctx, params) => {
  const instances = readInstances(ctx, params);
  for (const i of instances) {
    if (i.state === 'pending' || i.state === 'shutting-down' || i.state === 'terminated') {
      throw new AwsError(
        'IncorrectInstanceState',
        `This instance '${i.instanceId}' is not in a state from which it can be stopped.`,
      );
    }
  }
  const now = ctx.clock.now();
  const changes = instances.map((i) => {
    const previous = i.state;
    if (previous === 'running') {
      i.state = 'stopping';
      i.stateEndsAt = now + ctx.rates.instanceStopMs;
    }
    return stateChangeXml(i, previous);
  });
  return { instancesSet: itemList(changes) };
};
