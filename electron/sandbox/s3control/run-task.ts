// One S3PutObjectCopy task: the CopyObject S3 makes for the job, as the job's role ("S3 Batch
// Operations Copy": each task is a CopyObject with the operation's settings; objects over 5 GB are
// refused like CopyObject refuses them). The answer is the task's row in the completion report.
import { randomBytes } from 'node:crypto';
import { AwsError, type CallContext, type RestRequest } from '../context';
import { copyObject } from '../s3/objects/object-write';
import type { BatchJob, ManifestTask, TaskResult } from './job-model';

export function roleSession(ctx: CallContext, job: BatchJob): CallContext {
  const roleName = job.roleArn.slice(job.roleArn.lastIndexOf('/') + 1);
  return {
    ...ctx,
    accountId: job.accountId,
    region: job.region,
    principalArn: `arn:aws:sts::${job.accountId}:assumed-role/${roleName}/s3-batch-operations`,
    accessKeyId: 'ASIA-S3-BATCH-OPERATIONS',
  };
}

function copyHeaders(job: BatchJob, task: ManifestTask): Record<string, string> {
  const op = job.operation;
  const source = `${task.bucket}/${encodeURIComponent(task.key)}${task.versionId ? `?versionId=${encodeURIComponent(task.versionId)}` : ''}`;
  const headers: Record<string, string> = {
    'x-amz-copy-source': source,
    'x-amz-metadata-directive': op.metadataDirective,
  };
  if (op.kmsKeyId || op.sseAlgorithm === 'KMS') {
    headers['x-amz-server-side-encryption'] = 'aws:kms';
    if (op.kmsKeyId) headers['x-amz-server-side-encryption-aws-kms-key-id'] = op.kmsKeyId;
  } else if (op.sseAlgorithm === 'AES256') headers['x-amz-server-side-encryption'] = 'AES256';
  if (op.bucketKeyEnabled !== undefined)
    headers['x-amz-server-side-encryption-bucket-key-enabled'] = String(op.bucketKeyEnabled);
  if (op.storageClass) headers['x-amz-storage-class'] = op.storageClass;
  if (op.metadataDirective === 'REPLACE') {
    for (const [k, v] of Object.entries(op.newMetadata ?? {})) headers[`x-amz-meta-${k}`] = v;
    if (op.newContentType) headers['content-type'] = op.newContentType;
  }
  // Tags are copied unless the operation gives new ones.
  if (op.newTags) {
    headers['x-amz-tagging-directive'] = 'REPLACE';
    headers['x-amz-tagging'] = new URLSearchParams(
      op.newTags.map((t): [string, string] => [t.Key, t.Value]),
    ).toString();
  }
  if (op.cannedAcl) headers['x-amz-acl'] = op.cannedAcl;
  return headers;
}

export function runTask(role: CallContext, job: BatchJob, task: ManifestTask): TaskResult {
  const target = role.world.buckets.get(job.operation.targetBucket);
  const ctx = { ...role, requestId: randomBytes(8).toString('hex').toUpperCase() };
  try {
    if (!target) throw new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404);
    const request: RestRequest = {
      method: 'PUT',
      path: task.key,
      query: new URLSearchParams(),
      headers: copyHeaders(job, task),
      body: Buffer.alloc(0),
    };
    copyObject(ctx, target, `${job.operation.targetKeyPrefix ?? ''}${task.key}`, request);
    return { ...task, succeeded: true, httpStatus: 200, errorCode: '', message: 'Successful' };
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    return {
      ...task,
      succeeded: false,
      httpStatus: error.status,
      errorCode: error.code,
      message: error.message,
    };
  }
}
