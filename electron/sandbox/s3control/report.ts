// The completion report S3 Batch Operations writes when a job ends (S3 user guide, "Examples: S3
// Batch Operations completion reports"): <prefix>/job-<id>/manifest.json naming one results CSV
// per task outcome under <prefix>/job-<id>/results/, always under SSE-S3. Rows are
// Bucket,Key,VersionId,TaskStatus,HTTP status,ErrorCode,ResultMessage as the guide's example rows
// show them ("awsexamplebucket1,image_1,,succeeded,200,,Successful"; the manifest's ReportSchema
// string names the fifth and sixth columns the other way round), keys URL-encoded.
import { createHash } from 'node:crypto';
import { csvField } from '../../../shared/csv';
import type { CallContext } from '../context';
import { storeVersion } from '../s3/objects/object-model';
import type { BatchJob, TaskResult } from './job-model';

const REPORT_SCHEMA = 'Bucket, Key, VersionId, TaskStatus, ErrorCode, HTTPStatusCode, ResultMessage';

function row(r: TaskResult): string {
  return [
    r.bucket,
    encodeURIComponent(r.key).replace(/%2F/g, '/'),
    r.versionId ?? '',
    r.succeeded ? 'succeeded' : 'failed',
    String(r.httpStatus),
    r.errorCode,
    r.message,
  ]
    .map(csvField)
    .join(',');
}

function put(ctx: CallContext, bucketName: string, key: string, body: string, contentType: string): string {
  const bucket = ctx.world.buckets.get(bucketName);
  const data = Buffer.from(body);
  const md5 = createHash('md5').update(data).digest('hex');
  if (!bucket) return md5;
  storeVersion(bucket, {
    key,
    deleteMarker: false,
    size: data.length,
    etag: `"${md5}"`,
    lastModified: ctx.clock.now(),
    owner: bucket.accountId,
    storageClass: 'STANDARD',
    encryption: { algorithm: 'AES256', bucketKeyEnabled: false },
    metadata: {},
    contentHeaders: { 'content-type': contentType },
    tags: [],
    body: data,
  });
  return md5;
}

// Written "as long as at least one task has been invoked".
export function writeReport(ctx: CallContext, job: BatchJob): void {
  const { report } = job;
  if (!report.enabled || !report.bucket || job.results.length === 0) return;
  const base = `${report.prefix ? `${report.prefix.replace(/\/$/, '')}/` : ''}job-${job.jobId}`;
  const results: Record<string, unknown>[] = [];
  for (const status of ['succeeded', 'failed'] as const) {
    if (status === 'succeeded' && report.scope === 'FailedTasksOnly') continue;
    const rows = job.results.filter((r) => r.succeeded === (status === 'succeeded'));
    if (rows.length === 0) continue;
    const name = createHash('sha1').update(`${job.jobId}/${status}`).digest('hex');
    const key = `${base}/results/${name}.csv`;
    const md5 = put(ctx, report.bucket, key, `${rows.map(row).join('\n')}\n`, 'text/csv');
    results.push({ TaskExecutionStatus: status, Bucket: report.bucket, MD5Checksum: md5, Key: key });
  }
  const manifest = {
    Format: 'Report_CSV_20180820',
    ReportCreationDate: new Date(ctx.clock.now()).toISOString(),
    Results: results,
    ReportSchema: REPORT_SCHEMA,
  };
  put(ctx, report.bucket, `${base}/manifest.json`, JSON.stringify(manifest, null, 2), 'application/json');
}
