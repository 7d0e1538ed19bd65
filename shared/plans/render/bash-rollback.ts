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

// Shell helpers for the swap's rollback (migration plans only). Batched: one describe, one wait
// per phase for all devices, since every AWS CLI command costs about a second to start.
export function swapRollbackHelpers(): string[] {
  return [
    '# Rollback helpers: put originals back on their devices; bring an instance to a power state.',
    '# envelope_swap_back REGION INSTANCE VOLUME=DEVICE…: for each pair, whatever else is on DEVICE',
    '# comes off, then VOLUME (once free: it may still be detaching) goes back on DEVICE.',
    'envelope_swap_back() {',
    '  local region="$1" instance="$2" pair vol dev try attached new=() origs=()',
    '  shift 2',
    '  for pair in "$@"; do origs+=("${pair%%=*}"); done',
    `  attached="$(aws ec2 describe-volumes --region "$region" --filters "Name=attachment.instance-id,Values=$instance" --query 'Volumes[].[VolumeId,Attachments[0].Device]' --output text)" || return 1`,
    '  while read -r vol dev; do',
    '    for pair in "$@"; do',
    '      [ -n "$vol" ] && [ "${pair#*=}" = "$dev" ] && [ "${pair%%=*}" != "$vol" ] && new+=("$vol")',
    '    done',
    '  done <<<"$attached"',
    '  for vol in "${new[@]}"; do',
    '    for try in 1 2 3 4 5 6; do',
    '      aws ec2 detach-volume --region "$region" --volume-id "$vol" --instance-id "$instance" >/dev/null && break',
    '      [ "$try" = 6 ] && return 1',
    '      sleep 5 # an attachment still settling refuses a detach for a moment',
    '    done',
    '  done',
    '  aws ec2 wait volume-available --region "$region" --volume-ids "${new[@]}" "${origs[@]}" || return 1',
    '  for pair in "$@"; do',
    '    aws ec2 attach-volume --region "$region" --volume-id "${pair%%=*}" --instance-id "$instance" --device "${pair#*=}" >/dev/null || return 1',
    '  done',
    '  aws ec2 wait volume-in-use --region "$region" --volume-ids "${origs[@]}"',
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
  const expected = (volumeId: string, device: string) =>
    [volumeId, i.instanceId, device, 'attached'].map(sq).join("$'\\t'");
  const dot = i.volumes.filter((v) => v.deleteOnTermination);
  return [
    `${swapRollbackName(i)}() {`,
    '  local at todo=()',
    `  echo ${sq(`Rolling back ${i.instanceId}: the original volumes go back on their devices.`)} >&2`,
    `  at="$(aws ec2 describe-volumes --region ${r} --volume-ids ${i.volumes.map((v) => sq(v.volumeId)).join(' ')} --query 'Volumes[].[VolumeId,Attachments[0].InstanceId,Attachments[0].Device,Attachments[0].State]' --output text)" || return 1`,
    ...i.volumes.map(
      (v) =>
        `  grep -qFx ${expected(v.volumeId, v.device)} <<<"$at" || todo+=(${sq(`${v.volumeId}=${v.device}`)})`,
    ),
    '  if [ "${#todo[@]}" -gt 0 ]; then',
    `    envelope_ensure_stopped ${r} ${inst} || return 1`,
    `    envelope_swap_back ${r} ${inst} "\${todo[@]}" || return 1`,
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
