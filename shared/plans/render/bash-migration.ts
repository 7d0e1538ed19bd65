// The migration's swap, per instance, as AWS CLI v2 commands in the executor's order: online
// snapshots (tagged), wait, stop, wait stopped, final snapshots, wait, encrypted volumes with the
// same type/IOPS/throughput and the originals' own tags, wait, detach, wait available, attach on the same device, wait in use,
// DeleteOnTermination, start, wait running, verify with describe-volumes. From the stop on, a
// failure rolls the instance back (bash-rollback.ts) before the script exits non-zero.
import type { Plan } from '../plan-document';
import { swapRollbackFunction, swapRollbackHelpers, swapRollbackName } from './bash-rollback';
import { migrationLayout, type InstanceLayout } from './migration-layout';
import { sq, varName } from './shell-quote';

// The executor's three tags (electron/core/migration/tags.ts), so its --resume and clean-up
// tooling recognise what the script made.
const tags = (resource: string, step: string, volumeId: string) =>
  sq(
    `ResourceType=${resource},Tags=[{Key=envelope:migration,Value=$PLAN_ID},{Key=envelope:step,Value=${step}},{Key=envelope:origin-volume,Value=${volumeId}}]`,
  ).replace('$PLAN_ID', `'"$PLAN_ID"'`);

const USER_TAGS = 'Volumes[0].Tags[?!starts_with(Key, `aws:`) && !starts_with(Key, `envelope:`)]';

function instanceScript(i: InstanceLayout): string[] {
  const r = `--region ${sq(i.region)}`;
  const inst = sq(i.instanceId);
  const v = (prefix: string, volumeId: string) => varName(prefix, volumeId);
  const snapshots = (step: string, prefix: string) =>
    i.volumes.map(
      (vol) =>
        `${v(prefix, vol.volumeId)}="$(aws ec2 create-snapshot ${r} --volume-id ${sq(vol.volumeId)} --description ${sq(`Envelope ${step} of ${vol.volumeId} (${vol.device})`)} --tag-specifications ${tags('snapshot', step, vol.volumeId)} --query SnapshotId --output text)"`,
    );
  const all = (prefix: string) => i.volumes.map((vol) => `"$${v(prefix, vol.volumeId)}"`).join(' ');
  const lines: string[] = [
    `# ---- Instance ${i.instanceId} (${i.availabilityZone}), key ${i.kmsKeyArn}`,
    ...swapRollbackFunction(i),
    `echo "Migrating ${i.instanceId}"`,
    '# Check: the planned volumes are still attached on the planned devices.',
    ...i.volumes.map(
      (vol) =>
        `[ "$(aws ec2 describe-volumes ${r} --volume-ids ${sq(vol.volumeId)} --query 'Volumes[0].Attachments[0].Device' --output text)" = ${sq(vol.device)} ] || { echo ${sq(`${vol.volumeId} is no longer attached as ${vol.device}`)} >&2; exit 1; }`,
    ),
    '# The originals’ tags, less aws:* (reserved) and envelope:* (the migration’s own).',
    ...i.volumes.map(
      (vol) =>
        `${v('TAGS', vol.volumeId)}="$(aws ec2 describe-volumes ${r} --volume-ids ${sq(vol.volumeId)} --query ${sq(USER_TAGS)} --output json)"`,
    ),
    '# Step 1: online snapshots (the instance keeps running), then wait until they complete.',
    ...snapshots('snapshot-online', 'SNAP_ONLINE'),
    `aws ec2 wait snapshot-completed ${r} --snapshot-ids ${all('SNAP_ONLINE')}`,
  ];
  lines.push(
    '# From here on a failure puts the originals back on their devices and restores the power state.',
    `ROLLBACK=${swapRollbackName(i)}`,
  );
  if (i.wasRunning) {
    lines.push(
      '# Step 2: stop the instance (downtime starts) and wait until it is stopped.',
      `aws ec2 stop-instances ${r} --instance-ids ${inst} >/dev/null`,
      `aws ec2 wait instance-stopped ${r} --instance-ids ${inst}`,
      '# Step 3: final (incremental) snapshots: after the stop nothing writes.',
      ...snapshots('snapshot-final', 'SNAP_FINAL'),
      `aws ec2 wait snapshot-completed ${r} --snapshot-ids ${all('SNAP_FINAL')}`,
    );
  } else {
    lines.push(
      '# Steps 2-3: the instance is stopped already, so the online snapshots are final.',
      ...i.volumes.map((vol) => `${v('SNAP_FINAL', vol.volumeId)}="$${v('SNAP_ONLINE', vol.volumeId)}"`),
    );
  }
  lines.push(
    '# Step 4: encrypted volumes from the final snapshots, same size/type/IOPS/throughput, with the plan’s key.',
    ...i.volumes.map((vol) =>
      [
        `${v('NEW', vol.volumeId)}="$(aws ec2 create-volume ${r} --availability-zone ${sq(i.availabilityZone)}`,
        `--snapshot-id "$${v('SNAP_FINAL', vol.volumeId)}" --size ${vol.sizeGiB} --volume-type ${sq(vol.volumeType)}`,
        vol.iops !== null ? `--iops ${vol.iops}` : '',
        vol.throughput !== null ? `--throughput ${vol.throughput}` : '',
        `--encrypted --kms-key-id ${sq(i.kmsKeyArn)}`,
        `--tag-specifications ${tags('volume', 'create-volumes', vol.volumeId)}`,
        '--query VolumeId --output text)"',
      ]
        .filter(Boolean)
        .join(' '),
    ),
    '# The originals’ own tags (Name, cost centre…) go to the new volumes, as the executor copies them.',
    ...i.volumes.map(
      (vol) =>
        `[[ "$${v('TAGS', vol.volumeId)}" =~ ^(null|\\[\\])?$ ]] || aws ec2 create-tags ${r} --resources "$${v('NEW', vol.volumeId)}" --tags "$${v('TAGS', vol.volumeId)}"`,
    ),
    `aws ec2 wait volume-available ${r} --volume-ids ${all('NEW')}`,
    '# Step 5: detach the originals (kept for rollback) and wait until they are available.',
    ...i.volumes.map(
      (vol) => `aws ec2 detach-volume ${r} --volume-id ${sq(vol.volumeId)} --instance-id ${inst} >/dev/null`,
    ),
    `aws ec2 wait volume-available ${r} --volume-ids ${i.volumes.map((vol) => sq(vol.volumeId)).join(' ')}`,
    '# Step 6: attach the encrypted volumes on the same devices.',
    ...i.volumes.map(
      (vol) =>
        `aws ec2 attach-volume ${r} --volume-id "$${v('NEW', vol.volumeId)}" --instance-id ${inst} --device ${sq(vol.device)} >/dev/null`,
    ),
    `aws ec2 wait volume-in-use ${r} --volume-ids ${all('NEW')}`,
  );
  const dot = i.volumes.filter((vol) => vol.deleteOnTermination);
  if (dot.length > 0) {
    lines.push(
      '# Step 7: restore DeleteOnTermination on the devices that had it.',
      `aws ec2 modify-instance-attribute ${r} --instance-id ${inst} --block-device-mappings ${sq(JSON.stringify(dot.map((d) => ({ DeviceName: d.device, Ebs: { DeleteOnTermination: true } }))))}`,
    );
  }
  if (i.wasRunning) {
    lines.push(
      '# Step 8: start the instance (downtime ends) and wait until it runs.',
      `aws ec2 start-instances ${r} --instance-ids ${inst} >/dev/null`,
      `aws ec2 wait instance-running ${r} --instance-ids ${inst}`,
    );
  }
  lines.push(
    '# Step 9: verify every new volume is encrypted with the plan’s key.',
    `bad="$(aws ec2 describe-volumes ${r} --volume-ids ${all('NEW')} --query ${sq(`length(Volumes[?Encrypted==\`false\` || KmsKeyId!='${i.kmsKeyArn}'])`)} --output text)"`,
    `[ "$bad" = "0" ] || { echo ${sq(`${i.instanceId}: `)}"$bad"${sq(" volume(s) not encrypted with the plan's key")} >&2; exit 1; }`,
    "ROLLBACK=''",
    `echo ${sq(`${i.instanceId} migrated; the originals and snapshots are kept until you clean up.`)}`,
    '',
  );
  return lines;
}

export function migrationSteps(plan: Plan): string[] {
  return [...swapRollbackHelpers(), ...migrationLayout(plan).flatMap(instanceScript)];
}
