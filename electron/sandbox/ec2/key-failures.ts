// When EC2 shows that it cannot use a KMS key (kms/ebs-access.ts finds the cause).
//
// CreateVolume, CopySnapshot and CopyImage never refuse a key at the call. The EC2 API reference
// says of KmsKeyId on all three (and the service model, botocore data/ec2/2016-11-15, carries the
// same text): "Amazon Web Services authenticates the KMS key asynchronously. Therefore, if you
// specify an ID, alias, or ARN that is not valid, the action can appear to complete, but
// eventually fails." No AWS document names an error these calls return at once for a key that is
// disabled, pending deletion, asymmetric or unusable under its policy or grants, so every such key
// is accepted and the work fails afterwards:
// - CreateVolume: the volume is 'creating', then 'deleted', then gone (kubernetes#48936 and
//   aws-sdk-ruby#1222 report that a volume whose key EBS cannot use vanishes after creating);
// - CopySnapshot (and each snapshot of CopyImage): the copy ends in 'error' with a StateMessage
//   (Snapshot.StateMessage: "Encrypted Amazon EBS snapshots are copied asynchronously. If a
//   snapshot copy operation fails (for example, if the proper KMS permissions are not obtained)
//   this field displays error state details");
// - CopyImage: the image goes 'failed' with a StateReason once one of its snapshot copies errs.
// Instances are already modelled this way, unchanged:
// - RunInstances goes pending → terminated with the launch state reason
//   ("If you delete or disable the customer managed KMS key that you specified for use with
//   encryption by default, your instances will fail to launch", API reference,
//   ModifyEbsDefaultKmsKeyId);
// - StartInstances goes pending → stopped: "Client.InvalidKMSKey.InvalidState" for a key in the
//   wrong state, "Client.InternalError: Client error on launch" when KMS refuses the caller
//   (AWS knowledge center, kms-iam-ec2-permission).
import type { CallContext } from '../context';
import { checkKeyForEbs, type EbsKeyCheck, type EbsKeyFailure, type EbsKeyPurpose } from './kms-port';

export interface KeyFailure {
  readonly code: string;
  readonly message: string;
}

export function checkKey(ctx: CallContext, keyRef: string | undefined, purpose: EbsKeyPurpose): EbsKeyCheck {
  return checkKeyForEbs(ctx, keyRef, purpose);
}

export function launchFailure(f: EbsKeyFailure): KeyFailure {
  return f.launchStateReason;
}

export function startFailure(f: EbsKeyFailure): KeyFailure {
  return f.kind === 'invalid-state'
    ? f.launchStateReason
    : { code: 'Client.InternalError', message: 'Client.InternalError: Client error on launch' };
}

// Copies record why they failed in the snapshot's status message.
export function copyFailureMessage(f: EbsKeyFailure): string {
  return f.kind === 'not-found' ? 'Given key ID is not accessible' : f.error.message;
}
