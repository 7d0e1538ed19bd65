// EC2 over the sandbox world. Every action first brings the world up to the clock (refresh.ts).
// DryRun=true answers DryRunOperation (HTTP 412) only when the request would have succeeded, as
// EC2 checks permissions and parameters before saying so; other errors come back as they are.
import { AwsError, type CallContext, type QueryHandler, type QueryParams } from '../context';
import { attachVolume, detachVolume } from './attachments';
import { describeAvailabilityZones, describeRegions } from './describe-regions';
import {
  disableEbsEncryptionByDefault,
  enableEbsEncryptionByDefault,
  getEbsDefaultKmsKeyId,
  getEbsEncryptionByDefault,
  modifyEbsDefaultKmsKeyId,
  resetEbsDefaultKmsKeyId,
} from './encryption-defaults';
import { authorizeEc2 } from './dry-run';
import { dryRunSucceeded } from './errors';
import { describeImageAttribute, modifyImageAttribute } from './image-attributes';
import { copyImage, createImage } from './image-create';
import { deregisterImage, describeImages } from './images';
import { runInstances } from './instance-run';
import { startInstances, stopInstances } from './instance-state';
import { terminateInstances } from './instance-terminate';
import { describeInstanceTypes } from './instance-types';
import { describeInstances, describeInstanceStatus, modifyInstanceAttribute } from './instances';
import { describeLaunchTemplates, describeLaunchTemplateVersions } from './launch-templates';
import { refresh } from './refresh';
import { copySnapshot } from './snapshot-copy';
import { createSnapshot, deleteSnapshot, describeSnapshots } from './snapshots';
import { createTags, describeTags } from './tags';
import { createVolume, deleteVolume, describeVolumes } from './volumes';

const handlers: Record<string, QueryHandler> = {
  DescribeRegions: describeRegions,
  DescribeAvailabilityZones: describeAvailabilityZones,
  DescribeInstances: describeInstances,
  DescribeInstanceStatus: describeInstanceStatus,
  DescribeInstanceTypes: describeInstanceTypes,
  RunInstances: runInstances,
  StopInstances: stopInstances,
  StartInstances: startInstances,
  TerminateInstances: terminateInstances,
  ModifyInstanceAttribute: modifyInstanceAttribute,
  DescribeVolumes: describeVolumes,
  CreateVolume: createVolume,
  AttachVolume: attachVolume,
  DetachVolume: detachVolume,
  DeleteVolume: deleteVolume,
  DescribeSnapshots: describeSnapshots,
  CreateSnapshot: createSnapshot,
  CopySnapshot: copySnapshot,
  DeleteSnapshot: deleteSnapshot,
  DescribeImages: describeImages,
  CreateImage: createImage,
  CopyImage: copyImage,
  DeregisterImage: deregisterImage,
  DescribeImageAttribute: describeImageAttribute,
  ModifyImageAttribute: modifyImageAttribute,
  CreateTags: createTags,
  DescribeTags: describeTags,
  GetEbsEncryptionByDefault: getEbsEncryptionByDefault,
  EnableEbsEncryptionByDefault: enableEbsEncryptionByDefault,
  DisableEbsEncryptionByDefault: disableEbsEncryptionByDefault,
  GetEbsDefaultKmsKeyId: getEbsDefaultKmsKeyId,
  ModifyEbsDefaultKmsKeyId: modifyEbsDefaultKmsKeyId,
  ResetEbsDefaultKmsKeyId: resetEbsDefaultKmsKeyId,
  DescribeLaunchTemplates: describeLaunchTemplates,
  DescribeLaunchTemplateVersions: describeLaunchTemplateVersions,
};

// DryRun: the request is checked as far as reading what it names, without changing the world:
// the handler runs on a structured clone, and its success becomes DryRunOperation. DryRun checks
// permissions and the request ("Checks whether you have the required permissions for the action,
// without actually making the request", EC2 API reference), not the resources' current state, which
// only the request itself meets: a state conflict on the copy still answers DryRunOperation.
const STATE_CONFLICTS = new Set(['IncorrectState', 'IncorrectInstanceState', 'VolumeInUse']);

// The caller's identity policies are checked first (dry-run.ts), as EC2 does for every request.
function withDryRun(action: string, handler: QueryHandler): QueryHandler {
  return (ctx: CallContext, params: QueryParams) => {
    refresh(ctx);
    authorizeEc2(ctx, action, params);
    if (params.DryRun !== 'true') return handler(ctx, params);
    try {
      handler({ ...ctx, world: structuredClone(ctx.world) }, params);
    } catch (error) {
      if (!(error instanceof AwsError) || !STATE_CONFLICTS.has(error.code)) throw error;
    }
    throw dryRunSucceeded();
  };
}

export const ec2Handlers: Record<string, QueryHandler> = Object.fromEntries(
  Object.entries(handlers).map(([action, handler]) => [action, withDryRun(action, handler)]),
);
