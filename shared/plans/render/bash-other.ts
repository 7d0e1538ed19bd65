// AMI copy and diagnostic-fix plans as AWS CLI v2 commands: each step's API call with the plan's
// parameters, and for a copy the same wait (image-available) and check (every snapshot encrypted
// with the plan's key) as the executor. A step with no CLI equivalent is written as a comment.
import type { Plan, PlanStep } from '../plan-document';
import { sq, varName } from './shell-quote';

const s = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : JSON.stringify(v));

function stepCommands(step: PlanStep): string[] {
  const r = `--region ${sq(step.region)}`;
  const p = step.params;
  const image = varName('IMAGE', step.id.replace(/-(wait|verify)$/, ''));
  switch (step.action) {
    case 'ec2:CopyImage':
      return [
        `${image}="$(aws ec2 copy-image ${r} --source-region ${sq(s(p.SourceRegion))} --source-image-id ${sq(s(p.SourceImageId))} --name ${sq(s(p.Name))} --description ${sq(s(p.Description))} --encrypted --kms-key-id ${sq(s(p.KmsKeyId))} ${p.CopyImageTags === true ? '--copy-image-tags' : '--no-copy-image-tags'} --client-token ${sq(s(p.ClientToken))} --query ImageId --output text)"`,
      ];
    case 'envelope:wait':
      if (p.waiter === 'ImageAvailable') return [`aws ec2 wait image-available ${r} --image-ids "$${image}"`];
      return [`# (wait: ${s(p.waiter).replace(/[\r\n]/g, ' ')})`];
    case 'envelope:verify':
      if (typeof p.kmsKeyArn === 'string') {
        // The key is read from the snapshots: describe-images never gives Ebs.KmsKeyId (EC2 API
        // reference, EbsBlockDevice: RunInstances/RequestSpotInstances only). $snaps unquoted on
        // purpose: one argument per snapshot id.
        const snaps = varName('SNAPS', step.id);
        return [
          `${snaps}="$(aws ec2 describe-images ${r} --image-ids "$${image}" --query 'Images[0].BlockDeviceMappings[?Ebs].Ebs.SnapshotId' --output text)"`,
          `bad="$(aws ec2 describe-snapshots ${r} --snapshot-ids $${snaps} --query ${sq(`length(Snapshots[?Encrypted==\`false\` || KmsKeyId!='${p.kmsKeyArn}'])`)} --output text)"`,
          `[ -n "$${snaps}" ] && [ "$bad" = "0" ] || { echo "$${image}: "'snapshot(s) not encrypted with the plan key' >&2; exit 1; }`,
        ];
      }
      return ['# (verification: see the plan)'];
    case 'ec2:EnableEbsEncryptionByDefault':
      return [`aws ec2 enable-ebs-encryption-by-default ${r}`];
    case 'ec2:DisableEbsEncryptionByDefault':
      return [`aws ec2 disable-ebs-encryption-by-default ${r}`];
    case 'ec2:ModifyEbsDefaultKmsKeyId':
      return [`aws ec2 modify-ebs-default-kms-key-id ${r} --kms-key-id ${sq(s(p.KmsKeyId))}`];
    case 'kms:PutKeyPolicy':
      return typeof p.Policy === 'string'
        ? [
            `aws kms put-key-policy ${r} --key-id ${sq(s(p.KeyId))} --policy-name default --policy ${sq(p.Policy)}`,
          ]
        : ['# (the policy to put back is in Envelope’s fix journal)'];
    case 's3:PutBucketEncryption': {
      const rule = {
        ApplyServerSideEncryptionByDefault: {
          SSEAlgorithm: p.SSEAlgorithm,
          ...(p.KMSMasterKeyID ? { KMSMasterKeyID: p.KMSMasterKeyID } : {}),
        },
        ...(typeof p.BucketKeyEnabled === 'boolean' ? { BucketKeyEnabled: p.BucketKeyEnabled } : {}),
      };
      return [
        `aws s3api put-bucket-encryption ${r} --bucket ${sq(s(p.Bucket))} --server-side-encryption-configuration ${sq(JSON.stringify({ Rules: [rule] }))}`,
      ];
    }
    default:
      return [`# ${step.action.replace(/[\r\n]/g, ' ')} has no AWS CLI equivalent here; see the plan.`];
  }
}

export function otherSteps(plan: Plan): string[] {
  return plan.steps.flatMap((step, i) => [
    `# Step ${i + 1}: ${step.title.replace(/[\r\n]/g, ' ')}`,
    ...stepCommands(step),
  ]);
}
