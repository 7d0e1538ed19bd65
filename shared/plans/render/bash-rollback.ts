// The bash export's failure path. `set -e` alone stops at the first error, which after the stop
// would leave the instance stopped with its originals detached. So an EXIT trap runs the rollback
// of the instance being changed ($ROLLBACK names its function; empty when nothing needs undoing)
// and then exits non-zero with what it did. Each rollback looks at the instance as it is now, not
// at how far the script got, so it is right whichever command failed (including a refused call
// that changed nothing, a detach still in progress, or a failure after the start).
import type { InstanceLayout } from './migration-layout';
import { sq, varName } from './shell-quote';

// For every plan: the trap itself. Ctrl-C and TERM exit through it too.
export function trapLines(): string[] {
  return [
    '# On any failure the EXIT trap below rolls back the instance being changed (see ROLLBACK).',
    "ROLLBACK=''",
    'envelope_exit() {',
    '  local code=$?',
    '  trap - EXIT',
    '  if [ "$code" -ne 0 ] && [ -n "$ROLLBACK" ]; then',
    '    set +e',
    '    echo "A step failed (exit $code); rolling back ($ROLLBACK)." >&2',
    '    if "$ROLLBACK"; then',
    `      echo "Rolled back. What this run made so far (snapshots, volumes, images, tagged envelope:migration=$PLAN_ID) is kept for you to inspect or delete." >&2`,
    '    else',
    '      echo "The rollback did not finish: check the instance by hand (the plan lists its original volumes and devices)." >&2',
    '    fi',
    '  fi',
    '  exit "$code"',
    '}',
    'trap envelope_exit EXIT',
    "trap 'exit 130' INT",
    "trap 'exit 143' TERM",
    '',
  ];
}

// Shell helpers for the swap's rollback (migration plans only).
export function swapRollbackHelpers(): string[] {
  return [
    '# Rollback helpers: put an original volume back on its device; bring an instance back to running.',
    'envelope_restore_device() {',
    '  local region="$1" instance="$2" orig="$3" device="$4" at cur try',
    `  at="$(aws ec2 describe-volumes --region "$region" --volume-ids "$orig" --query 'Volumes[0].Attachments[0].[InstanceId,Device,State]' --output text)" || return 1`,
    `  [ "$at" = "$instance"$'\\t'"$device"$'\\t'attached ] && return 0`,
    '  # Whatever else is on the device (the new volume) comes off first.',
    `  cur="$(aws ec2 describe-volumes --region "$region" --filters "Name=attachment.instance-id,Values=$instance" "Name=attachment.device,Values=$device" --query 'Volumes[0].VolumeId' --output text)" || return 1`,
    '  if [ "$cur" != None ] && [ "$cur" != "$orig" ]; then',
    '    for try in 1 2 3 4 5 6; do',
    '      aws ec2 detach-volume --region "$region" --volume-id "$cur" --instance-id "$instance" >/dev/null && break',
    '      [ "$try" = 6 ] && return 1',
    '      sleep 5 # an attachment still settling refuses a detach for a moment',
    '    done',
    '    aws ec2 wait volume-available --region "$region" --volume-ids "$cur" || return 1',
    '  fi',
    '  # The original may still be detaching: wait until it is free, then attach it where it was.',
    '  aws ec2 wait volume-available --region "$region" --volume-ids "$orig" || return 1',
    '  aws ec2 attach-volume --region "$region" --volume-id "$orig" --instance-id "$instance" --device "$device" >/dev/null || return 1',
    '  aws ec2 wait volume-in-use --region "$region" --volume-ids "$orig"',
    '}',
    'envelope_instance_state() {',
    `  aws ec2 describe-instances --region "$1" --instance-ids "$2" --query 'Reservations[0].Instances[0].State.Name' --output text`,
    '}',
    'envelope_ensure_stopped() {',
    '  local st',
    '  st="$(envelope_instance_state "$1" "$2")" || return 1',
    '  [ "$st" = pending ] && { aws ec2 wait instance-running --region "$1" --instance-ids "$2" || return 1; }',
    '  [ "$st" = stopped ] && return 0',
    '  [ "$st" = stopping ] || aws ec2 stop-instances --region "$1" --instance-ids "$2" >/dev/null || return 1',
    '  aws ec2 wait instance-stopped --region "$1" --instance-ids "$2"',
    '}',
    'envelope_ensure_running() {',
    '  local st',
    '  st="$(envelope_instance_state "$1" "$2")" || return 1',
    '  [ "$st" = running ] && return 0',
    '  [ "$st" = stopping ] && { aws ec2 wait instance-stopped --region "$1" --instance-ids "$2" || return 1; }',
    '  [ "$st" = pending ] || aws ec2 start-instances --region "$1" --instance-ids "$2" >/dev/null || return 1',
    '  aws ec2 wait instance-running --region "$1" --instance-ids "$2"',
    '}',
    '',
  ];
}

export const swapRollbackName = (i: InstanceLayout): string => varName('rollback', i.instanceId);

// One instance's rollback: if any original is off its device, stop the instance (it may have been
// started or be mid-stop), put every original back on its device, restore DeleteOnTermination
// (a reattached volume has it false), and start the instance if the plan found it running.
export function swapRollbackFunction(i: InstanceLayout): string[] {
  const r = sq(i.region);
  const inst = sq(i.instanceId);
  const expected = (device: string) => `${inst}$'\\t'${sq(device)}$'\\t'attached`;
  const dot = i.volumes.filter((v) => v.deleteOnTermination);
  return [
    `${swapRollbackName(i)}() {`,
    '  local swapped=0',
    `  echo ${sq(`Rolling back ${i.instanceId}: the original volumes go back on their devices.`)} >&2`,
    ...i.volumes.map(
      (v) =>
        `  [ "$(aws ec2 describe-volumes --region ${r} --volume-ids ${sq(v.volumeId)} --query 'Volumes[0].Attachments[0].[InstanceId,Device,State]' --output text)" = ${expected(v.device)} ] || swapped=1`,
    ),
    '  if [ "$swapped" = 1 ]; then',
    `    envelope_ensure_stopped ${r} ${inst} || return 1`,
    ...i.volumes.map(
      (v) => `    envelope_restore_device ${r} ${inst} ${sq(v.volumeId)} ${sq(v.device)} || return 1`,
    ),
    '  fi',
    ...(dot.length > 0
      ? [
          `  aws ec2 modify-instance-attribute --region ${r} --instance-id ${inst} --block-device-mappings ${sq(JSON.stringify(dot.map((d) => ({ DeviceName: d.device, Ebs: { DeleteOnTermination: true } }))))} || return 1`,
        ]
      : []),
    ...(i.wasRunning ? [`  envelope_ensure_running ${r} ${inst} || return 1`] : []),
    `  echo ${sq(`${i.instanceId} is back on its original volumes${i.wasRunning ? ' and running' : ''}.`)} >&2`,
    '}',
  ];
}
