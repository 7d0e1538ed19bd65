// What a fix touches, read and written through the SDK: encryption by default, the EBS default
// key, a key policy, a bucket's default encryption. read() gives the state a fix's undo restores.
import {
  DisableEbsEncryptionByDefaultCommand,
  EnableEbsEncryptionByDefaultCommand,
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
  ModifyEbsDefaultKmsKeyIdCommand,
  ResetEbsDefaultKmsKeyIdCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { PutKeyPolicyCommand, type KMSClient } from '@aws-sdk/client-kms';
import {
  DeleteBucketEncryptionCommand,
  GetBucketEncryptionCommand,
  PutBucketEncryptionCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { DiagnosticFix } from '../../../../shared/domain/diagnostics';
import { fetchKeyPolicy } from '../../kms/key-reference';

export interface FixClients {
  readonly ec2: EC2Client;
  readonly kms: KMSClient;
  readonly s3: S3Client;
}

export interface BucketEncryption {
  readonly algorithm: 'AES256' | 'aws:kms' | 'aws:kms:dsse';
  readonly kmsKeyId?: string;
  readonly bucketKey?: boolean;
}

// The state before: exactly what undo needs to put back.
export type Before =
  | { readonly type: 'enable-ebs-default'; readonly encryptionByDefault: boolean }
  | { readonly type: 'set-ebs-default-key'; readonly defaultKmsKeyId: string }
  | { readonly type: 'add-key-policy-statements'; readonly policy: string }
  | { readonly type: 'set-bucket-encryption'; readonly encryption: BucketEncryption | null };

async function bucketEncryption(s3: S3Client, bucket: string): Promise<BucketEncryption | null> {
  try {
    const answer = await s3.send(new GetBucketEncryptionCommand({ Bucket: bucket }));
    const rule = answer.ServerSideEncryptionConfiguration?.Rules?.[0];
    const apply = rule?.ApplyServerSideEncryptionByDefault;
    if (!rule || !apply?.SSEAlgorithm) return null;
    return {
      algorithm: apply.SSEAlgorithm as BucketEncryption['algorithm'],
      ...(apply.KMSMasterKeyID ? { kmsKeyId: apply.KMSMasterKeyID } : {}),
      ...(rule.BucketKeyEnabled !== undefined ? { bucketKey: rule.BucketKeyEnabled } : {}),
    };
  } catch (error) {
    if ((error as { name?: string }).name === 'ServerSideEncryptionConfigurationNotFoundError') return null;
    throw error;
  }
}

export async function readBefore(fix: DiagnosticFix, c: FixClients): Promise<Before> {
  switch (fix.type) {
    case 'enable-ebs-default': {
      const a = await c.ec2.send(new GetEbsEncryptionByDefaultCommand({}));
      return { type: fix.type, encryptionByDefault: a.EbsEncryptionByDefault === true };
    }
    case 'set-ebs-default-key': {
      const a = await c.ec2.send(new GetEbsDefaultKmsKeyIdCommand({}));
      return { type: fix.type, defaultKmsKeyId: a.KmsKeyId ?? 'alias/aws/ebs' };
    }
    case 'add-key-policy-statements':
      return { type: fix.type, policy: await fetchKeyPolicy(c.kms, fix.keyArn) };
    case 'set-bucket-encryption':
      return { type: fix.type, encryption: await bucketEncryption(c.s3, fix.bucket) };
  }
}

async function putBucketEncryption(s3: S3Client, bucket: string, e: BucketEncryption): Promise<void> {
  await s3.send(
    new PutBucketEncryptionCommand({
      Bucket: bucket,
      ServerSideEncryptionConfiguration: {
        Rules: [
          {
            ApplyServerSideEncryptionByDefault: {
              SSEAlgorithm: e.algorithm,
              ...(e.kmsKeyId && e.algorithm !== 'AES256' ? { KMSMasterKeyID: e.kmsKeyId } : {}),
            },
            ...(e.bucketKey !== undefined ? { BucketKeyEnabled: e.bucketKey } : {}),
          },
        ],
      },
    }),
  );
}

// Applies the fix. `newPolicy` is the policy the plan computed (its diff is what the user saw).
export async function writeFix(fix: DiagnosticFix, c: FixClients, newPolicy?: string): Promise<void> {
  switch (fix.type) {
    case 'enable-ebs-default':
      await c.ec2.send(new EnableEbsEncryptionByDefaultCommand({}));
      return;
    case 'set-ebs-default-key':
      await c.ec2.send(new ModifyEbsDefaultKmsKeyIdCommand({ KmsKeyId: fix.keyId }));
      return;
    case 'add-key-policy-statements':
      if (!newPolicy) throw new Error('The plan carries no new key policy.');
      await c.kms.send(
        new PutKeyPolicyCommand({ KeyId: fix.keyArn, PolicyName: 'default', Policy: newPolicy }),
      );
      return;
    case 'set-bucket-encryption':
      await putBucketEncryption(c.s3, fix.bucket, {
        algorithm: fix.algorithm,
        ...(fix.kmsKeyId ? { kmsKeyId: fix.kmsKeyId } : {}),
        ...(fix.bucketKey !== undefined ? { bucketKey: fix.bucketKey } : {}),
      });
  }
}

const isAwsDefaultKey = (id: string): boolean => /(^|:)alias\/aws\/ebs$/.test(id);

// Puts the state back as it was before the fix.
export async function restore(fix: DiagnosticFix, before: Before, c: FixClients): Promise<void> {
  switch (before.type) {
    case 'enable-ebs-default':
      if (!before.encryptionByDefault) await c.ec2.send(new DisableEbsEncryptionByDefaultCommand({}));
      return;
    case 'set-ebs-default-key':
      if (isAwsDefaultKey(before.defaultKmsKeyId)) await c.ec2.send(new ResetEbsDefaultKmsKeyIdCommand({}));
      else await c.ec2.send(new ModifyEbsDefaultKmsKeyIdCommand({ KmsKeyId: before.defaultKmsKeyId }));
      return;
    case 'add-key-policy-statements':
      if (fix.type !== 'add-key-policy-statements') return;
      await c.kms.send(
        new PutKeyPolicyCommand({ KeyId: fix.keyArn, PolicyName: 'default', Policy: before.policy }),
      );
      return;
    case 'set-bucket-encryption':
      if (fix.type !== 'set-bucket-encryption') return;
      if (before.encryption === null)
        await c.s3.send(new DeleteBucketEncryptionCommand({ Bucket: fix.bucket }));
      else await putBucketEncryption(c.s3, fix.bucket, before.encryption);
  }
}
