// Bucket configuration sub-resources: ?encryption, ?versioning, ?policy, ?tagging.
import { AwsError, type CallContext, type RestRequest, type RestResponse } from '../context';
import { parsePolicy } from '../policy';
import type { Bucket, SseAlgorithm } from '../world';
import { authorizeS3 } from './access';
import { asList, asRecord, asText, malformedXml, parseXmlBody } from './xml-body';
import { emptyAnswer, xmlAnswer } from './wire';

// Since January 2023 S3 applies SSE-S3 to every bucket that has no other default encryption, and
// GetBucketEncryption reports it. A scenario can still model a pre-2023 bucket with no
// configuration by setting `encryption: { rules: [] }`, which answers
// ServerSideEncryptionConfigurationNotFoundError as S3 did then.
const DEFAULT_SSE_S3 = { sseAlgorithm: 'AES256' as SseAlgorithm, bucketKeyEnabled: false };

export function getBucketEncryption(ctx: CallContext, bucket: Bucket): RestResponse {
  authorizeS3(ctx, 's3:GetEncryptionConfiguration', bucket);
  const rules = bucket.encryption ? bucket.encryption.rules : [DEFAULT_SSE_S3];
  if (rules.length === 0) {
    throw new AwsError(
      'ServerSideEncryptionConfigurationNotFoundError',
      'The server side encryption configuration was not found',
      404,
    );
  }
  return xmlAnswer('ServerSideEncryptionConfiguration', {
    Rule: rules.map((rule) => ({
      ApplyServerSideEncryptionByDefault: {
        SSEAlgorithm: rule.sseAlgorithm,
        ...('kmsMasterKeyId' in rule && rule.kmsMasterKeyId ? { KMSMasterKeyID: rule.kmsMasterKeyId } : {}),
      },
      BucketKeyEnabled: rule.bucketKeyEnabled,
    })),
  });
}

const SSE_ALGORITHMS: readonly string[] = ['AES256', 'aws:kms', 'aws:kms:dsse'];

export function putBucketEncryption(ctx: CallContext, bucket: Bucket, request: RestRequest): RestResponse {
  authorizeS3(ctx, 's3:PutEncryptionConfiguration', bucket);
  const config = asRecord(parseXmlBody(request.body).ServerSideEncryptionConfiguration);
  const rules = asList(config?.Rule);
  if (!config || rules.length === 0) throw malformedXml();
  const parsed = rules.map((raw) => {
    const rule = asRecord(raw);
    const apply = asRecord(rule?.ApplyServerSideEncryptionByDefault);
    const algorithm = asText(apply?.SSEAlgorithm);
    if (!algorithm || !SSE_ALGORITHMS.includes(algorithm)) throw malformedXml();
    const keyId = asText(apply?.KMSMasterKeyID);
    if (keyId && algorithm === 'AES256') {
      throw new AwsError(
        'InvalidArgument',
        'a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse',
        400,
      );
    }
    const bucketKey = asText(rule?.BucketKeyEnabled);
    return {
      sseAlgorithm: algorithm as SseAlgorithm,
      ...(keyId ? { kmsMasterKeyId: keyId } : {}),
      bucketKeyEnabled: bucketKey === 'true',
    };
  });
  bucket.encryption = { rules: parsed };
  return emptyAnswer();
}

export function deleteBucketEncryption(ctx: CallContext, bucket: Bucket): RestResponse {
  authorizeS3(ctx, 's3:PutEncryptionConfiguration', bucket);
  // Removing the configuration brings back the SSE-S3 default.
  delete bucket.encryption;
  return emptyAnswer(204);
}

export function getBucketVersioning(ctx: CallContext, bucket: Bucket): RestResponse {
  authorizeS3(ctx, 's3:GetBucketVersioning', bucket);
  if (bucket.versioning === 'Unversioned') return xmlAnswer('VersioningConfiguration', {});
  return xmlAnswer('VersioningConfiguration', {
    Status: bucket.versioning,
    ...(bucket.mfaDelete ? { MfaDelete: bucket.mfaDelete } : {}),
  });
}

export function putBucketVersioning(ctx: CallContext, bucket: Bucket, request: RestRequest): RestResponse {
  authorizeS3(ctx, 's3:PutBucketVersioning', bucket);
  const config = asRecord(parseXmlBody(request.body).VersioningConfiguration);
  if (!config) throw malformedXml();
  const status = asText(config.Status);
  const mfaDelete = asText(config.MfaDelete);
  if (status !== undefined && status !== 'Enabled' && status !== 'Suspended') throw malformedXml();
  if (mfaDelete !== undefined) {
    if (mfaDelete !== 'Enabled' && mfaDelete !== 'Disabled') throw malformedXml();
    // Changing MFA delete needs the root user's MFA device in the x-amz-mfa header.
    if (!request.headers['x-amz-mfa']) {
      throw new AwsError(
        'InvalidRequest',
        'DevPay and Mfa are mutually exclusive authorization methods.',
        400,
      );
    }
    bucket.mfaDelete = mfaDelete;
  }
  // Once enabled, versioning can be suspended but never turned off again.
  if (status) bucket.versioning = status;
  return emptyAnswer();
}

export function getBucketPolicy(ctx: CallContext, bucket: Bucket): RestResponse {
  authorizeS3(ctx, 's3:GetBucketPolicy', bucket);
  if (!bucket.policy) throw new AwsError('NoSuchBucketPolicy', 'The bucket policy does not exist', 404);
  return { status: 200, headers: { 'content-type': 'application/json' }, body: bucket.policy };
}

export function putBucketPolicy(ctx: CallContext, bucket: Bucket, request: RestRequest): RestResponse {
  authorizeS3(ctx, 's3:PutBucketPolicy', bucket);
  const text = request.body.toString('utf8');
  const parsed = parsePolicy(text);
  if (!parsed.ok) throw new AwsError('MalformedPolicy', parsed.message, 400);
  bucket.policy = text;
  return emptyAnswer(204);
}

export function getBucketTagging(ctx: CallContext, bucket: Bucket): RestResponse {
  authorizeS3(ctx, 's3:GetBucketTagging', bucket);
  if (bucket.tags.length === 0) throw new AwsError('NoSuchTagSet', 'The TagSet does not exist', 404);
  return xmlAnswer('Tagging', { TagSet: { Tag: bucket.tags.map((t) => ({ Key: t.Key, Value: t.Value })) } });
}

export function putBucketTagging(ctx: CallContext, bucket: Bucket, request: RestRequest): RestResponse {
  authorizeS3(ctx, 's3:PutBucketTagging', bucket);
  const tagging = asRecord(parseXmlBody(request.body).Tagging);
  if (!tagging) throw malformedXml();
  const tags = asList(asRecord(tagging.TagSet)?.Tag).map((raw) => {
    const tag = asRecord(raw);
    const key = asText(tag?.Key);
    if (!key) throw malformedXml();
    return { Key: key, Value: asText(tag?.Value) ?? '' };
  });
  if (new Set(tags.map((t) => t.Key)).size !== tags.length) {
    throw new AwsError('InvalidTag', 'Cannot provide multiple Tags with the same key', 400);
  }
  if (tags.length > 50) throw new AwsError('BadRequest', 'Object tags cannot be greater than 50', 400);
  bucket.tags = tags;
  return emptyAnswer(204);
}

export function deleteBucketTagging(ctx: CallContext, bucket: Bucket): RestResponse {
  authorizeS3(ctx, 's3:PutBucketTagging', bucket);
  bucket.tags = [];
  return emptyAnswer(204);
}
