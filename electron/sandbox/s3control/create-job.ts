// CreateJob for S3 Batch Operations (S3 Control API reference, CreateJob; shapes checked against
// botocore's s3control 2018-08-20 service-2.json and @aws-sdk/client-s3-control's schema for the
// newer ManifestGenerator filters). The sandbox runs the S3PutObjectCopy operation; other
// operations are refused with NotImplemented. The caller needs s3:CreateJob and iam:PassRole on the
// role; whether S3 can assume the role is found out while the job prepares (job-run.ts), as on AWS.
import { randomUUID } from 'node:crypto';
import { requireAllowed } from '../authorize';
import { AwsError, type CallContext, type RestRequest, type RestResponse } from '../context';
import { asList, asRecord, asText, parseXmlBody } from '../s3/xml-body';
import { advanceJobs } from './job-run';
import { jobsOf, type BatchJob, type CopyOperation, type ReportConfig } from './job-model';
import { badRequest, controlAnswer } from './wire';

type Xml = Record<string, unknown>;

const BUCKET_ARN = /^arn:aws[\w-]*:s3:::([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$/;
const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

export function bucketOfArn(arn: string | undefined, field: string): string {
  const match = BUCKET_ARN.exec(arn ?? '');
  if (!match?.[1])
    throw badRequest(`${field} must be a bucket ARN (arn:aws:s3:::bucket-name), got "${arn ?? ''}".`);
  return match[1];
}

const text = (node: unknown): string | undefined => asText(node);
const bool = (node: unknown): boolean | undefined =>
  text(node) === undefined ? undefined : text(node)?.toLowerCase() === 'true';

function tagList(node: unknown): { Key: string; Value: string }[] | undefined {
  if (node === undefined) return undefined;
  return asList(asRecord(node)?.member).map((raw) => {
    const tag = asRecord(raw);
    const Key = text(tag?.Key);
    if (!Key) throw badRequest('Every tag needs a Key.');
    return { Key, Value: text(tag?.Value) ?? '' };
  });
}

function userMetadata(node: unknown): Record<string, string> | undefined {
  if (node === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const raw of asList(asRecord(node)?.entry)) {
    const entry = asRecord(raw);
    const key = text(entry?.key);
    if (key) out[key] = text(entry?.value) ?? '';
  }
  return out;
}

function copyOperation(xml: Xml): CopyOperation {
  const directive = text(xml.MetadataDirective) ?? 'COPY';
  if (directive !== 'COPY' && directive !== 'REPLACE')
    throw badRequest('MetadataDirective must be COPY or REPLACE.');
  const meta = asRecord(xml.NewObjectMetadata);
  const sse = text(meta?.SSEAlgorithm);
  if (sse !== undefined && sse !== 'AES256' && sse !== 'KMS')
    throw badRequest('NewObjectMetadata.SSEAlgorithm must be AES256 or KMS.');
  const kmsKeyId = text(xml.SSEAwsKmsKeyId);
  const targetKeyPrefix = text(xml.TargetKeyPrefix);
  const storageClass = text(xml.StorageClass);
  const bucketKeyEnabled = bool(xml.BucketKeyEnabled);
  const newMetadata = userMetadata(meta?.UserMetadata);
  const newContentType = text(meta?.ContentType);
  const newTags = tagList(xml.NewObjectTagging);
  const cannedAcl = text(xml.CannedAccessControlList);
  return {
    targetBucket: bucketOfArn(text(xml.TargetResource), 'S3PutObjectCopy.TargetResource'),
    metadataDirective: directive,
    ...(targetKeyPrefix ? { targetKeyPrefix } : {}),
    ...(kmsKeyId ? { kmsKeyId } : {}),
    ...(bucketKeyEnabled !== undefined ? { bucketKeyEnabled } : {}),
    ...(storageClass ? { storageClass } : {}),
    ...(newMetadata ? { newMetadata } : {}),
    ...(newContentType ? { newContentType } : {}),
    ...(sse ? { sseAlgorithm: sse } : {}),
    ...(newTags && newTags.length > 0 ? { newTags } : {}),
    ...(cannedAcl ? { cannedAcl } : {}),
  };
}

function reportConfig(xml: Xml | undefined): ReportConfig {
  if (!xml) throw badRequest('Report is required (set Enabled to false for no completion report).');
  const enabled = bool(xml.Enabled) ?? false;
  if (!enabled) return { enabled: false, scope: 'AllTasks' };
  const format = text(xml.Format);
  if (format !== 'Report_CSV_20180820') throw badRequest('Report.Format must be Report_CSV_20180820.');
  const scope = text(xml.ReportScope);
  if (scope !== 'AllTasks' && scope !== 'FailedTasksOnly')
    throw badRequest('Report.ReportScope must be AllTasks or FailedTasksOnly.');
  const prefix = text(xml.Prefix);
  return {
    enabled,
    bucket: bucketOfArn(text(xml.Bucket), 'Report.Bucket'),
    scope,
    ...(prefix ? { prefix } : {}),
  };
}

function checkManifest(manifest: Xml | undefined, generator: Xml | undefined): void {
  if (!manifest === !generator) throw badRequest('Specify exactly one of Manifest and ManifestGenerator.');
  if (manifest) {
    const spec = asRecord(manifest.Spec);
    const format = text(spec?.Format);
    if (format !== 'S3BatchOperations_CSV_20180820')
      throw badRequest('Manifest.Spec.Format: the sandbox reads S3BatchOperations_CSV_20180820 manifests.');
    const fields = asList(asRecord(spec?.Fields)?.member).map(text);
    if (
      fields[0] !== 'Bucket' ||
      fields[1] !== 'Key' ||
      fields.length > 3 ||
      (fields[2] && fields[2] !== 'VersionId')
    )
      throw badRequest('Manifest.Spec.Fields must be Bucket, Key and optionally VersionId, in that order.');
    const location = asRecord(manifest.Location);
    if (!text(location?.ObjectArn) || !text(location?.ETag))
      throw badRequest('Manifest.Location needs ObjectArn and ETag.');
  } else {
    const s3 = asRecord(generator?.S3JobManifestGenerator);
    if (!s3) throw badRequest('ManifestGenerator needs S3JobManifestGenerator.');
    bucketOfArn(text(s3.SourceBucket), 'S3JobManifestGenerator.SourceBucket');
    if (bool(s3.EnableManifestOutput) === undefined)
      throw badRequest('S3JobManifestGenerator.EnableManifestOutput is required.');
    // Refused rather than silently not written (AWS writes the list to ManifestOutputLocation).
    if (bool(s3.EnableManifestOutput))
      throw new AwsError(
        'NotImplemented',
        'The sandbox does not write generated manifests: set EnableManifestOutput to false.',
        501,
      );
  }
}

export function createJob(ctx: CallContext, request: RestRequest): RestResponse {
  const body = asRecord(parseXmlBody(request.body).CreateJobRequest);
  if (!body) throw badRequest('The body must be a CreateJobRequest document.');
  const token = text(body.ClientRequestToken);
  if (!token) throw badRequest('ClientRequestToken is required.');
  const jobs = jobsOf(ctx.world);
  advanceJobs(ctx);
  // The same token within the account answers with the job it made (idempotency).
  for (const job of jobs.values())
    if (job.accountId === ctx.accountId && job.clientRequestToken === token)
      return controlAnswer('CreateJobResult', { JobId: job.jobId });

  const operationXml = asRecord(body.Operation);
  const names = Object.keys(operationXml ?? {});
  if (names.length !== 1) throw badRequest('Operation must name exactly one operation.');
  if (names[0] !== 'S3PutObjectCopy')
    throw new AwsError('NotImplemented', `The sandbox runs only S3PutObjectCopy jobs, not ${names[0]}.`, 501);
  const operation = copyOperation(asRecord(operationXml?.S3PutObjectCopy) ?? {});
  const priority = Number(text(body.Priority));
  if (!Number.isInteger(priority) || priority < 0 || priority > 2_147_483_647)
    throw badRequest('Priority must be an integer from 0 to 2147483647.');
  const roleArn = text(body.RoleArn) ?? '';
  if (!ROLE_ARN.test(roleArn)) throw badRequest(`RoleArn must be an IAM role ARN, got "${roleArn}".`);
  const manifestXml = asRecord(body.Manifest);
  const generatorXml = asRecord(body.ManifestGenerator);
  checkManifest(manifestXml, generatorXml);
  const reportXml = asRecord(body.Report);
  const report = reportConfig(reportXml);
  requireAllowed(ctx, 's3:CreateJob', `arn:aws:s3:${ctx.region}:${ctx.accountId}:job/*`);
  // Passing the role to S3 (S3 user guide, "Granting permissions for Batch Operations").
  requireAllowed(ctx, 'iam:PassRole', roleArn);

  const jobId = randomUUID();
  const now = ctx.clock.now();
  const description = text(body.Description);
  const job: BatchJob = {
    jobId,
    accountId: ctx.accountId,
    region: ctx.region,
    arn: `arn:aws:s3:${ctx.region}:${ctx.accountId}:job/${jobId}`,
    ...(description ? { description } : {}),
    priority,
    confirmationRequired: bool(body.ConfirmationRequired) ?? false,
    roleArn,
    clientRequestToken: token,
    operation,
    ...(manifestXml ? { manifestXml } : {}),
    ...(generatorXml ? { generatorXml } : {}),
    operationXml: operationXml ?? {},
    reportXml: reportXml ?? {},
    report,
    creationTime: now,
    status: 'New',
    statusSince: now,
    results: [],
    activeMs: 0,
    failureReasons: [],
  };
  jobs.set(jobId, job);
  return controlAnswer('CreateJobResult', { JobId: jobId });
}
