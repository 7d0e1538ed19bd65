// The SSM runbook's failure path. Every main step from the stop on has `onFailure: step:<entry>`
// pointing into one chain of rollback steps placed after the main steps; each step's entry is the
// point of the chain that undoes exactly what was done before it, so the chain needs no branch and
// references only outputs that exist by then. The chain, from its top: stop the instance (it may
// have been started), then per device from the last swapped to the first: wait for the new volume's
// attachment to settle, detach it, wait, wait for the original to be free, attach it on its device,
// wait; then DeleteOnTermination back on the devices that had it; then start if it was running.
// The failed step stays critical (the default), so the execution ends Failed after the rollback.
//
// Sources (AWS Systems Manager User Guide): "Properties shared by all actions" (onFailure
// Abort | Continue | step:<name>, default Abort; nextStep; isEnd; isCritical default true;
// maxAttempts; timeoutSeconds), "Using conditional statements in runbooks" (isCritical: a failed
// critical step makes the final status Failed), "aws:changeInstanceState", and the API reference's
// StepExecution (IsEnd ends the automation "no matter whether the step succeeds or fails", so no
// step here has both isEnd and onFailure).
import type { InstanceLayout } from './migration-layout';
import {
  ATTACHMENT_STATE,
  STATE,
  createdOf,
  deleteOnTerminationStep,
  id,
  originalOf,
  powerStep,
  waitVolume,
  type Step,
} from './ssm-steps';

export const ROLLBACK_STOP_FAILED = 'RollbackAfterStopFailed';
const ROLLBACK_STOP = 'RollbackStop';
const ROLLBACK_START = 'RollbackStart';
const ROLLBACK_DOT = 'RollbackDeleteOnTermination';
const deviceEntry = (device: string) => `RollbackWaitNewAttached_${id(device)}`;
const originalFree = (device: string) => `RollbackWaitOriginalFree_${id(device)}`;

export function rollbackSteps(layout: InstanceLayout): Step[] {
  const steps: Step[] = [];
  if (layout.wasRunning) {
    // The stop itself failed: the instance may be running, stopping or stopped. Settle it stopped
    // (nothing else changed), then start it again.
    steps.push({ ...powerStep(ROLLBACK_STOP_FAILED, 'stopped'), nextStep: ROLLBACK_START });
    steps.push(powerStep(ROLLBACK_STOP, 'stopped'));
  }
  for (const v of [...layout.volumes].reverse()) {
    const d = id(v.device);
    steps.push(
      waitVolume(deviceEntry(v.device), createdOf(v), ATTACHMENT_STATE, 'attached'),
      {
        name: `RollbackDetachNew_${d}`,
        action: 'aws:executeAwsApi',
        inputs: { Service: 'ec2', Api: 'DetachVolume', VolumeId: createdOf(v), InstanceId: '{{InstanceId}}' },
      },
      waitVolume(`RollbackWaitNewDetached_${d}`, createdOf(v), STATE, 'available'),
      waitVolume(originalFree(v.device), originalOf(v), STATE, 'available'),
      {
        name: `RollbackAttachOriginal_${d}`,
        action: 'aws:executeAwsApi',
        inputs: {
          Service: 'ec2',
          Api: 'AttachVolume',
          VolumeId: originalOf(v),
          InstanceId: '{{InstanceId}}',
          Device: v.device,
        },
      },
      waitVolume(`RollbackWaitOriginalAttached_${d}`, originalOf(v), ATTACHMENT_STATE, 'attached'),
    );
  }
  // A reattached volume has DeleteOnTermination false (AttachVolume's default).
  if (layout.volumes.some((v) => v.deleteOnTermination))
    steps.push(deleteOnTerminationStep(ROLLBACK_DOT, layout));
  if (layout.wasRunning) steps.push(powerStep(ROLLBACK_START, 'running'));
  const last = steps[steps.length - 1];
  if (last) last.isEnd = true;
  return steps;
}

// Where each main step goes when it fails; undefined: nothing has changed yet (Abort, the default).
export function failureEntry(layout: InstanceLayout, stepName: string): string | undefined {
  const devices = layout.volumes.map((v) => v.device);
  const lastDevice = devices[devices.length - 1] ?? '';
  const nothingSwapped = layout.wasRunning ? ROLLBACK_START : undefined;
  const allSwapped = layout.wasRunning ? ROLLBACK_STOP : deviceEntry(lastDevice);
  if (stepName === 'StopInstance') return ROLLBACK_STOP_FAILED;
  if (/^(SnapshotFinal|WaitSnapshotFinal|CreateVolume|WaitCreated)_/.test(stepName)) return nothingSwapped;
  if (stepName === 'RestoreDeleteOnTermination') return deviceEntry(lastDevice);
  if (stepName === 'StartInstance' || stepName.startsWith('VerifyEncrypted_')) return allSwapped;
  const k = devices.findIndex((device) => stepName.endsWith(`_${id(device)}`));
  const device = devices[k] ?? '';
  if (stepName.startsWith('Detach_')) {
    const previous = devices[k - 1];
    return previous === undefined ? nothingSwapped : deviceEntry(previous);
  }
  if (stepName.startsWith('WaitDetached_') || stepName.startsWith('Attach_')) return originalFree(device);
  if (stepName.startsWith('WaitAttached_')) return deviceEntry(device);
  return undefined;
}
