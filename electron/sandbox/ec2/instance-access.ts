// Looking up the caller's instances by id, with EC2's Malformed / NotFound errors.
import type { CallContext } from '../context';
import type { Instance } from '../world';
import { checkIdShape, instanceNotFound } from './errors';
import { isMine } from './scope';

export function findMyInstance(ctx: CallContext, instanceId: string): Instance {
  checkIdShape('instance', instanceId);
  const instance = ctx.world.instances.get(instanceId);
  if (!instance || !isMine(ctx, instance)) throw instanceNotFound(instanceId);
  return instance;
}
