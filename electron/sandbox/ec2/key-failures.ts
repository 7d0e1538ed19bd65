// When EC2 shows that it cannot use a KMS key (kms/ebs-access.ts documents the sources):
// - a disabled or pending-deletion key, or a key EBS cannot use at all (asymmetric), fails the
//   call at once (InvalidKMSKey.InvalidState / InvalidParameterValue);
// - a key that does not resolve or that the caller may not use through EC2 is found out only
//   while the work runs: CreateVolume's volume goes 'creating' → 'deleted', a snapshot copy ends
//   in 'error' with a status message;
// - launches (RunInstances) go pending → terminated with the launch state reason;
// - StartInstances goes pending → stopped: "Client.InvalidKMSKey.InvalidState" for a key in the
//   wrong state, "Client.InternalError: Client error on launch" when KMS refuses the caller.
import type { CallContext } from '../context';
import { checkKeyForEbs, type EbsKeyCheck, type EbsKeyFailure, type EbsKeyPurpose } from './kms-port';

export interface KeyFailure {
  readonly code: string;
  readonly message: string;
}

export function checkKey(ctx: CallContext, keyRef: string | undefined, purpose: EbsKeyPurpose): EbsKeyCheck {
  return checkKeyForEbs(ctx, keyRef, purpose);
}

export function failsAtOnce(f: EbsKeyFailure): boolean {
  return f.kind === 'invalid-state' || f.kind === 'unsupported-key';
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
