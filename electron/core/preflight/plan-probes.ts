// Probes for the plans whose steps name their calls with the API's own parameters: the AMI copy
// (CopyImage per source and destination region, with the chosen key) and the diagnostics fixes
// (EBS encryption by default, the default key; PutKeyPolicy and the S3 bucket encryption calls
// have no DryRun and fall back to the simulation). Distinct calls are sent once.
import {
  CopyImageCommand,
  DeregisterImageCommand,
  DisableEbsEncryptionByDefaultCommand,
  EnableEbsEncryptionByDefaultCommand,
  ModifyEbsDefaultKmsKeyIdCommand,
} from '@aws-sdk/client-ec2';
import type { PreflightRow } from '../../../shared/domain/preflight';
import type { Plan, PlanStep } from '../../../shared/plans/plan-document';
import type { PreflightContext, Probe } from './preflight-context';

export interface StepChecks {
  readonly probes: Probe[];
  // Calls DryRun cannot make: simulated (simulate.ts) with this resource.
  readonly simulate: {
    readonly action: string;
    readonly resource: string;
    readonly region: string;
    readonly why: string;
  }[];
  readonly rows: PreflightRow[];
  // Keys EBS will use on the caller's behalf (kms-rows.ts), by region.
  readonly keys: { readonly region: string; readonly keyArn: string }[];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function stepChecks(ctx: PreflightContext, plan: Plan, step: PlanStep, out: StepChecks): void {
  const ec2 = ctx.ec2(step.region);
  const p = step.params;
  switch (step.action) {
    case 'ec2:CopyImage': {
      const key = str(p.KmsKeyId);
      out.probes.push({
        call: step.action,
        target: `${str(p.SourceImageId)} from ${str(p.SourceRegion)} to ${step.region}${key ? ` encrypted with ${key}` : ''}`,
        send: () =>
          ec2.send(
            new CopyImageCommand({
              SourceImageId: str(p.SourceImageId),
              SourceRegion: str(p.SourceRegion),
              Name: str(p.Name),
              Encrypted: true,
              ...(key ? { KmsKeyId: key } : {}),
              DryRun: true,
            }),
          ),
      });
      if (key) out.keys.push({ region: step.region, keyArn: key });
      return;
    }
    case 'ec2:DeregisterImage': {
      // The rollback deregisters the copy, which does not exist yet: probed on its source image.
      const copy = plan.steps.find(
        (s) => s.action === 'ec2:CopyImage' && s.params.ClientToken === p.clientToken,
      );
      const source = str(copy?.params.SourceImageId);
      const sourceRegion = str(copy?.params.SourceRegion) || step.region;
      out.probes.push({
        call: step.action,
        target: `${source} in ${sourceRegion}`,
        note: 'the copy does not exist until the plan runs: probed on its source image (DryRun changes nothing)',
        send: () => ctx.ec2(sourceRegion).send(new DeregisterImageCommand({ ImageId: source, DryRun: true })),
      });
      return;
    }
    case 'ec2:EnableEbsEncryptionByDefault':
      out.probes.push({
        call: step.action,
        target: step.region,
        send: () => ec2.send(new EnableEbsEncryptionByDefaultCommand({ DryRun: true })),
      });
      return;
    case 'ec2:DisableEbsEncryptionByDefault':
      out.probes.push({
        call: step.action,
        target: `${step.region} (undo)`,
        send: () => ec2.send(new DisableEbsEncryptionByDefaultCommand({ DryRun: true })),
      });
      return;
    case 'ec2:ModifyEbsDefaultKmsKeyId':
      if (!str(p.KmsKeyId)) return; // the undo of a key that was never set resets it
      out.probes.push({
        call: step.action,
        target: `${step.region}: ${str(p.KmsKeyId)}`,
        send: () =>
          ec2.send(new ModifyEbsDefaultKmsKeyIdCommand({ KmsKeyId: str(p.KmsKeyId), DryRun: true })),
      });
      return;
    case 'kms:PutKeyPolicy':
      out.simulate.push({
        action: step.action,
        resource: str(p.KeyId),
        region: step.region,
        why: 'PutKeyPolicy has no DryRun',
      });
      return;
    case 's3:PutBucketEncryption':
    case 's3:DeleteBucketEncryption':
      out.simulate.push({
        action: step.action,
        resource: `arn:aws:s3:::${str(p.Bucket)}`,
        region: step.region,
        why: 'S3 has no DryRun',
      });
      return;
    default:
      return;
  }
}

// The AMI copy and diagnostic-fix plans. (Migration plans are probed from their instances,
// migration-probes.ts. S3 re-encryption, once it exists, adds its plan kind here: S3 has no DryRun,
// so its PutObject/CopyObject calls go to `simulate` with the bucket and key ARNs.)
export function checksOfSteps(ctx: PreflightContext, plan: Plan): StepChecks {
  const out: StepChecks = { probes: [], simulate: [], rows: [], keys: [] };
  for (const step of [...plan.steps, ...plan.rollback]) stepChecks(ctx, plan, step, out);
  return out;
}
