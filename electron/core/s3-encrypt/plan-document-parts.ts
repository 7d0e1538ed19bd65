// The plan document's facts and steps for an S3 re-encryption: the key (its state is checked for
// drift before a run) and the bucket as read; one step per kind of call the engine makes, with the
// API's own parameter names, so the exports and the review read like the calls.
import type { S3EncryptPlanView } from '../../../shared/domain/s3-encrypt';
import type { PlanFact, PlanStep } from '../../../shared/plans/plan-document';
import { S3_BATCH_REPORT_PREFIX } from '../../../shared/plans/render/s3-batch-job';

export function planFacts(view: S3EncryptPlanView, readAt: string): PlanFact[] {
  return [
    {
      resource: 'bucket',
      id: view.bucket,
      region: view.region,
      attributes: {
        versioning: view.versioning,
        prefix: view.prefix ?? null,
        objectsToCopy: view.toCopy.objects,
      },
      readAt,
    },
    {
      resource: 'key',
      id: view.key.arn,
      region: view.key.region,
      attributes: {
        state: 'Enabled',
        aliases: view.key.aliases.join(','),
        manager: view.key.manager,
        chosen: view.key.chosen,
      },
      readAt,
    },
  ];
}

export function planSteps(view: S3EncryptPlanView, deletes: number): PlanStep[] {
  const where = view.prefix ? `s3://${view.bucket}/${view.prefix}` : `s3://${view.bucket}`;
  const encryption = {
    ServerSideEncryption: 'aws:kms',
    SSEKMSKeyId: view.key.arn,
    BucketKeyEnabled: view.bucketKey.enabled,
  };
  if (view.engine === 'batch')
    return [
      {
        id: 'batch-job',
        title: `Create an S3 Batch Operations job that copies the objects of ${where} over themselves under ${view.key.arn}`,
        action: 's3:CreateJob',
        region: view.region,
        params: {
          Operation: 'S3PutObjectCopy',
          Bucket: view.bucket,
          ...(view.prefix ? { Prefix: view.prefix } : {}),
          ...encryption,
          RoleArn: view.batchRole?.arn ?? null,
          ReportPrefix: S3_BATCH_REPORT_PREFIX,
        },
        dependsOn: [],
        phase: 'online',
        estimatedSeconds: 1,
      },
      {
        id: 'batch-job-wait',
        title: 'Follow the job until it is Complete and read its completion report',
        action: 'envelope:wait',
        region: view.region,
        params: { waiter: 'S3BatchJobComplete' },
        dependsOn: ['batch-job'],
        phase: 'online',
        estimatedSeconds: Math.round(view.toCopy.objects / 50),
      },
    ];
  const steps: PlanStep[] = [
    {
      id: 'copy-objects',
      title: `Copy ${view.toCopy.objects} objects of ${where} over themselves under ${view.key.arn}`,
      action: 's3:CopyObject',
      region: view.region,
      params: {
        Bucket: view.bucket,
        ...(view.prefix ? { Prefix: view.prefix } : {}),
        ...encryption,
        MetadataDirective: 'COPY',
        TaggingDirective: 'COPY',
        Objects: view.toCopy.objects,
      },
      dependsOn: [],
      phase: 'online',
      estimatedSeconds: Math.round(view.toCopy.objects / 50),
    },
  ];
  if (deletes > 0)
    steps.push({
      id: 'delete-original-versions',
      title: `Delete the ${deletes} original versions once all of their key's copies succeeded (permanent)`,
      action: 's3:DeleteObject',
      region: view.region,
      params: { Bucket: view.bucket, VersionIds: deletes },
      dependsOn: ['copy-objects'],
      phase: 'cleanup',
      estimatedSeconds: Math.round(deletes / 100),
    });
  return steps;
}
