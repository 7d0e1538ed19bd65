// The migration's replace strategy as AWS CLI v2 commands, in the executor's order: every instance
// imaged without a reboot and copied encrypted with the plan's key (the copies run at once), then
// node by node: launch the replacement like the original (type, AZ, subnet, security groups,
// instance profile, key pair, the original's own tags), wait until it runs, verify every volume is
// under the key, ask the person at the terminal to confirm the swap, stop the original (kept).
// From the launch on, a failure terminates that node's replacement and brings the original back
// to the power state it had (bash-rollback.ts has the trap), as the executor's rollback does.
import type { Plan, PlanStep } from '../plan-document';
import { swapRollbackHelpers } from './bash-rollback';
import { sq, varName } from './shell-quote';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);

interface ReplaceLayout {
  readonly instanceId: string;
  readonly region: string;
  readonly kmsKeyArn: string;
  readonly launch: PlanStep['params'];
  // The original was stopped: its replacement is stopped too once confirmed.
  readonly stopReplacement: boolean;
}

export function isReplacePlan(plan: Plan): boolean {
  return plan.kind === 'migration' && plan.input.strategy === 'replace';
}

function layout(plan: Plan): ReplaceLayout[] {
  const step = (id: string, name: string) => plan.steps.find((s) => s.id === `${id}:${name}`);
  const ids = [...new Set(plan.steps.map((s) => str(s.params.instanceId)).filter(Boolean))];
  return ids.map((instanceId) => {
    const copy = step(instanceId, 'copy-encrypted');
    return {
      instanceId,
      region: copy?.region ?? plan.regions[0] ?? '',
      kmsKeyArn: str(copy?.params.kmsKeyId),
      launch: step(instanceId, 'launch')?.params ?? {},
      stopReplacement: step(instanceId, 'stop-original')?.params.stopReplacement === true,
    };
  });
}

const ourTags = (resource: string, instanceId: string) =>
  `'ResourceType=${resource},Tags=[{Key=envelope:migration,Value='"$PLAN_ID"'},{Key=envelope:replaces,Value=${instanceId.replace(/[^a-z0-9-]/g, '')}}]'`;

const USER_TAGS =
  'Reservations[0].Instances[0].Tags[?!starts_with(Key, `aws:`) && !starts_with(Key, `envelope:`)]';

function imageLines(i: ReplaceLayout): string[] {
  const r = `--region ${sq(i.region)}`;
  const img = varName('IMG', i.instanceId);
  const enc = varName('ENC', i.instanceId);
  return [
    `# ---- ${i.instanceId}: image without a reboot (crash-consistent), then an encrypted copy`,
    `${img}="$(aws ec2 create-image ${r} --instance-id ${sq(i.instanceId)} --name "envelope-$PLAN_ID-"${sq(i.instanceId)} --no-reboot --tag-specifications ${ourTags('image', i.instanceId)} --query ImageId --output text)"`,
    `aws ec2 wait image-available ${r} --image-ids "$${img}"`,
    `${enc}="$(aws ec2 copy-image ${r} --source-region ${sq(i.region)} --source-image-id "$${img}" --name "envelope-$PLAN_ID-"${sq(i.instanceId)}"-encrypted" --encrypted --kms-key-id ${sq(i.kmsKeyArn)} --copy-image-tags --query ImageId --output text)"`,
  ];
}

function nodeLines(i: ReplaceLayout): string[] {
  const r = `--region ${sq(i.region)}`;
  const p = i.launch;
  const enc = varName('ENC', i.instanceId);
  const rep = varName('NEW', i.instanceId);
  const groups = strings(p.securityGroupIds);
  const launch = [
    `${rep}="$(aws ec2 run-instances ${r} --image-id "$${enc}" --instance-type ${sq(str(p.instanceType))}`,
    `--placement ${sq(`AvailabilityZone=${str(p.availabilityZone)}`)}`,
    str(p.subnetId) ? `--subnet-id ${sq(str(p.subnetId))}` : '',
    groups.length > 0 ? `--security-group-ids ${groups.map(sq).join(' ')}` : '',
    str(p.instanceProfileArn) ? `--iam-instance-profile ${sq(`Arn=${str(p.instanceProfileArn)}`)}` : '',
    str(p.keyName) ? `--key-name ${sq(str(p.keyName))}` : '',
    `--tag-specifications ${ourTags('instance', i.instanceId)} ${ourTags('volume', i.instanceId)}`,
    `--query 'Instances[0].InstanceId' --output text)"`,
  ];
  const tagsVar = varName('TAGS', i.instanceId);
  const rollback = varName('rollback', i.instanceId);
  return [
    `# ---- ${i.instanceId}: launch the replacement like the original, verify, confirm, stop the original`,
    `aws ec2 wait image-available ${r} --image-ids "$${enc}"`,
    // Found by its tags, not $NEW_…: a launch that failed after EC2 accepted it still has one.
    `${rollback}() {`,
    '  local ids',
    `  echo ${sq(`Rolling back ${i.instanceId}: its replacement is terminated${i.stopReplacement ? '' : ' and it runs as before'}.`)} >&2`,
    `  ids="$(aws ec2 describe-instances ${r} --filters ${sq(`Name=tag:envelope:replaces,Values=${i.instanceId.replace(/[^a-z0-9-]/g, '')}`)} "Name=tag:envelope:migration,Values=$PLAN_ID" Name=instance-state-name,Values=pending,running,stopping,stopped --query 'Reservations[].Instances[].InstanceId' --output text)" || return 1`,
    '  if [ -n "$ids" ] && [ "$ids" != None ]; then',
    `    aws ec2 terminate-instances ${r} --instance-ids $ids >/dev/null || return 1`,
    `    aws ec2 wait instance-terminated ${r} --instance-ids $ids || return 1`,
    '  fi',
    ...(i.stopReplacement
      ? []
      : [`  envelope_ensure_running ${sq(i.region)} ${sq(i.instanceId)} || return 1`]),
    '}',
    `ROLLBACK=${rollback}`,
    launch.filter(Boolean).join(' '),
    `${tagsVar}="$(aws ec2 describe-instances ${r} --instance-ids ${sq(i.instanceId)} --query ${sq(USER_TAGS)} --output json)"`,
    `[[ "$${tagsVar}" =~ ^(null|\\[\\])?$ ]] || aws ec2 create-tags ${r} --resources "$${rep}" --tags "$${tagsVar}"`,
    `aws ec2 wait instance-running ${r} --instance-ids "$${rep}"`,
    `bad="$(aws ec2 describe-volumes ${r} --filters Name=attachment.instance-id,Values="$${rep}" --query ${sq(`length(Volumes[?Encrypted==\`false\` || KmsKeyId!='${i.kmsKeyArn}'])`)} --output text)"`,
    `[ "$bad" = "0" ] || { echo "$${rep}: $bad volume(s) not encrypted with the plan's key." >&2; exit 1; }`,
    '# At the prompt Ctrl-C leaves both running, as it says: no rollback while waiting for the person.',
    "ROLLBACK=''",
    `read -r -p "Replacement $${rep} runs. Move the workload (cluster membership, Elastic IPs, DNS) to it, then press Enter to stop ${i.instanceId} (Ctrl-C leaves both running): " _`,
    `ROLLBACK=${rollback}`,
    // stop-instances on a stopped instance changes nothing, as the executor's step.
    `aws ec2 stop-instances ${r} --instance-ids ${sq(i.instanceId)} >/dev/null`,
    `aws ec2 wait instance-stopped ${r} --instance-ids ${sq(i.instanceId)}`,
    ...(i.stopReplacement
      ? [
          `aws ec2 stop-instances ${r} --instance-ids "$${rep}" >/dev/null`,
          `aws ec2 wait instance-stopped ${r} --instance-ids "$${rep}"`,
        ]
      : []),
    "ROLLBACK=''",
    `echo ${sq(`${i.instanceId} replaced by `)}"$${rep}"${sq('; the original and the images are kept until you clean up.')}`,
    '',
  ];
}

export function replaceScript(plan: Plan): string[] {
  const instances = layout(plan);
  return [...swapRollbackHelpers(), ...instances.flatMap(imageLines), '', ...instances.flatMap(nodeLines)];
}
