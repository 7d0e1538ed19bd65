// The sandbox's KMS (JSON 1.1, X-Amz-Target: TrentService.<Operation>): handlers by operation name.
import type { JsonHandler } from '../context';
import { createAlias_, listAliases } from './alias-handlers';
import {
  cancelKeyDeletion,
  createKey,
  describeKey,
  disableKey,
  enableKey,
  listKeys,
  scheduleKeyDeletion,
} from './key-handlers';
import { purgeDeletedKeys } from './metadata';
import { createGrant, getKeyPolicy, listGrants, putKeyPolicy } from './policy-handlers';
import {
  disableKeyRotation,
  enableKeyRotation,
  getKeyRotationStatus,
  listResourceTags,
} from './rotation-handlers';

// Every operation first removes keys whose deletion date has passed, as KMS would have.
function withPurge(handler: JsonHandler): JsonHandler {
  return (ctx, body) => {
    purgeDeletedKeys(ctx.world, ctx.clock.now());
    return handler(ctx, body);
  };
}

const handlers: Record<string, JsonHandler> = {
  ListKeys: listKeys,
  ListAliases: listAliases,
  DescribeKey: describeKey,
  CreateKey: createKey,
  CreateAlias: createAlias_,
  GetKeyPolicy: getKeyPolicy,
  PutKeyPolicy: putKeyPolicy,
  ListGrants: listGrants,
  CreateGrant: createGrant,
  GetKeyRotationStatus: getKeyRotationStatus,
  EnableKeyRotation: enableKeyRotation,
  DisableKeyRotation: disableKeyRotation,
  EnableKey: enableKey,
  DisableKey: disableKey,
  ScheduleKeyDeletion: scheduleKeyDeletion,
  CancelKeyDeletion: cancelKeyDeletion,
  ListResourceTags: listResourceTags,
};

export const kmsHandlers: Record<string, JsonHandler> = Object.fromEntries(
  Object.entries(handlers).map(([name, handler]) => [name, withPurge(handler)]),
);

export { createKmsKey, createAlias, createKmsKeyWithAlias, kmsKeyArn, kmsAliasArn } from './factory';
export { ensureAwsManagedKey, ensureAwsManagedKeyIn, findAwsManagedKey } from './aws-managed';
export {
  useKeyForEbs,
  checkKeyForEbs,
  checkKeyForAutoScaling,
  resolveEbsKey,
  autoScalingServiceLinkedRoleArn,
} from './ebs-access';
export { resolveKey } from './resolve';
export { purgeDeletedKeys } from './metadata';
