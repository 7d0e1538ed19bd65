// The dry run of a fix: read the current state, work out the change (for a key policy, the new
// document and its diff), and write it down as a sealed plan of kind 'diagnostic-fix' with its
// facts, its step, its rollback step and the executor's input. Nothing is changed here.
import { createHash, randomUUID } from 'node:crypto';
import type { DiagnosticFix, PolicyDiffLine } from '../../../../shared/domain/diagnostics';
import {
  PLAN_SCHEMA_ID,
  sealPlan,
  type Plan,
  type PlanFact,
  type PlanStep,
} from '../../../../shared/plans/plan-document';
import { addStatements } from '../policy-gaps';
import { diffLines, prettyPolicy } from './policy-diff';
import { readBefore, type Before, type FixClients } from './fix-state';

export interface PlanFixContext {
  readonly account: string;
  readonly callerArn: string;
  readonly clients: FixClients;
  readonly now?: () => Date;
}

export interface FixPreview {
  readonly plan: Plan;
  readonly diff?: PolicyDiffLine[];
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export function fixTitle(fix: DiagnosticFix): string {
  switch (fix.type) {
    case 'enable-ebs-default':
      return `Enable EBS encryption by default in ${fix.region}`;
    case 'set-ebs-default-key':
      return `Set the EBS default key of ${fix.region} to ${fix.keyId}`;
    case 'add-key-policy-statements':
      return `Add ${fix.statements.length} statement${fix.statements.length === 1 ? '' : 's'} to the policy of ${fix.keyArn}`;
    case 'set-bucket-encryption':
      return `Set default encryption of bucket ${fix.bucket} to ${fix.algorithm}${fix.kmsKeyId ? ` with ${fix.kmsKeyId}` : ''}`;
  }
}

// The fact a plan records about the state it starts from; apply compares it with a fresh read.
export function factOf(fix: DiagnosticFix, before: Before, readAt: string): PlanFact {
  const base = { region: fix.region, readAt };
  switch (before.type) {
    case 'enable-ebs-default':
      return {
        ...base,
        resource: 'account-setting',
        id: `ebs-encryption-by-default/${fix.region}`,
        attributes: { encryptionByDefault: before.encryptionByDefault },
      };
    case 'set-ebs-default-key':
      return {
        ...base,
        resource: 'account-setting',
        id: `ebs-default-kms-key/${fix.region}`,
        attributes: { defaultKmsKeyId: before.defaultKmsKeyId },
      };
    case 'add-key-policy-statements':
      return {
        ...base,
        resource: 'key',
        id: fix.type === 'add-key-policy-statements' ? fix.keyArn : '',
        attributes: { policySha256: sha256(before.policy), statements: countStatements(before.policy) },
      };
    case 'set-bucket-encryption':
      return {
        ...base,
        resource: 'bucket',
        id: fix.type === 'set-bucket-encryption' ? fix.bucket : '',
        attributes: {
          algorithm: before.encryption?.algorithm ?? null,
          kmsKeyId: before.encryption?.kmsKeyId ?? null,
          bucketKey: before.encryption?.bucketKey ?? null,
        },
      };
  }
}

function countStatements(policy: string): number {
  try {
    const s = (JSON.parse(policy) as { Statement?: unknown }).Statement;
    return Array.isArray(s) ? s.length : s ? 1 : 0;
  } catch {
    return 0;
  }
}

function steps(
  fix: DiagnosticFix,
  before: Before,
  newPolicy?: string,
): { step: PlanStep; rollback: PlanStep } {
  const common = { region: fix.region, dependsOn: [], estimatedSeconds: 2 };
  switch (fix.type) {
    case 'enable-ebs-default':
      return {
        step: {
          ...common,
          id: 'apply',
          title: fixTitle(fix),
          action: 'ec2:EnableEbsEncryptionByDefault',
          params: {},
          phase: 'online',
        },
        rollback: {
          ...common,
          id: 'undo',
          title: 'Disable EBS encryption by default again',
          action: 'ec2:DisableEbsEncryptionByDefault',
          params: {},
          phase: 'online',
        },
      };
    case 'set-ebs-default-key':
      return {
        step: {
          ...common,
          id: 'apply',
          title: fixTitle(fix),
          action: 'ec2:ModifyEbsDefaultKmsKeyId',
          params: { KmsKeyId: fix.keyId },
          phase: 'online',
        },
        rollback: {
          ...common,
          id: 'undo',
          title: 'Restore the previous EBS default key',
          action: 'ec2:ModifyEbsDefaultKmsKeyId',
          params: { KmsKeyId: before.type === 'set-ebs-default-key' ? before.defaultKmsKeyId : '' },
          phase: 'online',
        },
      };
    case 'add-key-policy-statements':
      return {
        step: {
          ...common,
          id: 'apply',
          title: fixTitle(fix),
          action: 'kms:PutKeyPolicy',
          params: { KeyId: fix.keyArn, PolicyName: 'default', Policy: newPolicy },
          phase: 'online',
        },
        rollback: {
          ...common,
          id: 'undo',
          title: 'Put the previous key policy back (kept in the fix journal)',
          action: 'kms:PutKeyPolicy',
          params: { KeyId: fix.keyArn, PolicyName: 'default' },
          phase: 'online',
        },
      };
    case 'set-bucket-encryption':
      return {
        step: {
          ...common,
          id: 'apply',
          title: fixTitle(fix),
          action: 's3:PutBucketEncryption',
          params: {
            Bucket: fix.bucket,
            SSEAlgorithm: fix.algorithm,
            KMSMasterKeyID: fix.kmsKeyId ?? null,
            BucketKeyEnabled: fix.bucketKey ?? null,
          },
          phase: 'online',
        },
        rollback: {
          ...common,
          id: 'undo',
          title: 'Restore the previous default encryption',
          action:
            before.type === 'set-bucket-encryption' && before.encryption === null
              ? 's3:DeleteBucketEncryption'
              : 's3:PutBucketEncryption',
          params: { Bucket: fix.bucket },
          phase: 'online',
        },
      };
  }
}

function warnings(fix: DiagnosticFix): string[] {
  switch (fix.type) {
    case 'enable-ebs-default':
      return [
        'Only volumes created from now on are encrypted; existing volumes, snapshots and AMIs stay as they are.',
        'Instance types without EBS encryption support can no longer launch in this region.',
      ];
    case 'set-ebs-default-key':
      return [
        'New volumes, snapshot copies and AMI copies that name no key will use this key; everyone who launches must be allowed to use it (key policy or IAM).',
      ];
    case 'add-key-policy-statements':
      return [
        'The key policy is replaced as a whole (PutKeyPolicy); the previous policy is kept in the fix journal for undo.',
      ];
    case 'set-bucket-encryption':
      return [
        'Applies to objects written from now on; existing objects keep their encryption until rewritten.',
      ];
  }
}

export async function planFix(fix: DiagnosticFix, ctx: PlanFixContext): Promise<FixPreview> {
  const now = (ctx.now?.() ?? new Date()).toISOString();
  const before = await readBefore(fix, ctx.clients);
  const newPolicy =
    fix.type === 'add-key-policy-statements' && before.type === 'add-key-policy-statements'
      ? addStatements(before.policy, fix.statements)
      : undefined;
  const { step, rollback } = steps(fix, before, newPolicy);
  const plan = await sealPlan({
    schema: PLAN_SCHEMA_ID,
    id: `fix-${randomUUID()}`,
    kind: 'diagnostic-fix',
    title: fixTitle(fix),
    accountId: ctx.account,
    regions: [fix.region],
    createdAt: now,
    createdBy: ctx.callerArn,
    source: 'live',
    facts: [factOf(fix, before, now)],
    steps: [step],
    rollback: [rollback],
    estimatedSeconds: 2,
    warnings: warnings(fix),
    input: { fix, ...(newPolicy ? { newPolicy } : {}) },
  });
  return {
    plan,
    ...(newPolicy && before.type === 'add-key-policy-statements'
      ? { diff: diffLines(prettyPolicy(before.policy), newPolicy) }
      : {}),
  };
}
