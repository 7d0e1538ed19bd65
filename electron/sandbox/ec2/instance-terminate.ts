// TerminateInstances: the instance goes shutting-down, then terminated (refresh.ts), when its
// DeleteOnTermination volumes are deleted and the others detached. Terminating an instance that is
// already terminated succeeds and changes nothing, as in EC2. Termination protection is not modeled.
import type { QueryHandler } from '../context';
import { readList } from '../protocol/query-params';
import { missingParameter } from './errors';
import { findMyInstance } from './instance-access';
import { itemList } from './scope';
import { stateXml } from './serialize-instance';

export const terminateInstances: QueryHandler = (ctx, params) => {
  const ids = readList(params, 'InstanceId');
  if (ids.length === 0) throw missingParameter('InstanceId');
  const instances = ids.map((id) => findMyInstance(ctx, id));
  const now = ctx.clock.now();
  const changes = instances.map((i) => {
    const previous = i.state;
    if (previous !== 'terminated' && previous !== 'shutting-down') {
      i.state = 'shutting-down';
      // Shutting down takes about as long as a stop (the OS shuts down, EBS detaches).
      i.stateEndsAt = now + ctx.rates.instanceStopMs;
      i.stateReason = {
        code: 'Client.UserInitiatedShutdown',
        message: 'Client.UserInitiatedShutdown: User initiated shutdown',
      };
    }
    return {
      instanceId: i.instanceId,
      currentState: stateXml(i.state),
      previousState: stateXml(previous),
    };
  });
  return { instancesSet: itemList(changes) };
};
