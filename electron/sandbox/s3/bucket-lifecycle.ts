// CreateBucket, DeleteBucket, HeadBucket, GetBucketLocation.
import { AwsError, type CallContext, type RestRequest, type RestResponse } from '../context';
import type { Bucket } from '../world';
import { authorizeS3, isAllowed } from './access';
import { createBucket, isValidBucketName } from './factory';
import { parseObjectOwnership } from './ownership-controls';
import { asRecord, asText, parseXmlBody } from './xml-body';
import { emptyAnswer, xmlAnswer } from './wire';

// us-east-1 is written as an empty LocationConstraint, as S3 has done since the classic region.
export function getBucketLocation(ctx: CallContext, bucket: Bucket): RestResponse {
  authorizeS3(ctx, 's3:GetBucketLocation', bucket);
  return xmlAnswer('LocationConstraint', bucket.region === 'us-east-1' ? {} : { '#text': bucket.region });
}

// HeadBucket answers with headers only: 200 with the bucket's region, 403 when the caller may not
// list it (still telling the region), 404 when there is no such bucket.
export function headBucket(ctx: CallContext, name: string): RestResponse {
  const bucket = ctx.world.buckets.get(name);
  if (!bucket) return { status: 404 };
  if (!isAllowed(ctx, 's3:ListBucket', bucket))
    return { status: 403, headers: { 'x-amz-bucket-region': bucket.region } };
  return emptyAnswer(200, { 'x-amz-bucket-region': bucket.region, 'x-amz-access-point-alias': 'false' });
}

const MAX_BUCKETS_PER_ACCOUNT = 10_000;

export function createBucketOperation(ctx: CallContext, name: string, request: RestRequest): RestResponse {
  authorizeS3(ctx, 's3:CreateBucket');
  if (!isValidBucketName(name))
    throw new AwsError('InvalidBucketName', 'The specified bucket is not valid.', 400);
  const config = asRecord(parseXmlBody(request.body).CreateBucketConfiguration);
  const constraint = asText(config?.LocationConstraint);
  const region = constraint && constraint !== '' ? constraint : 'us-east-1';
  if (region !== ctx.region) {
    if (constraint === undefined) {
      throw new AwsError(
        'IllegalLocationConstraintException',
        `The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.`,
        400,
      );
    }
    throw new AwsError(
      'IllegalLocationConstraintException',
      `The ${constraint} location constraint is incompatible for the region specific endpoint this request was sent to.`,
      400,
    );
  }
  if (constraint === 'us-east-1') {
    throw new AwsError('InvalidLocationConstraint', 'The specified location-constraint is not valid', 400);
  }
  if (!ctx.world.regions.some((r) => r.name === region)) {
    throw new AwsError('InvalidLocationConstraint', 'The specified location-constraint is not valid', 400);
  }
  const existing = ctx.world.buckets.get(name);
  if (existing) {
    if (existing.accountId !== ctx.accountId) {
      throw new AwsError(
        'BucketAlreadyExists',
        'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
        409,
      );
    }
    // In us-east-1 re-creating your own bucket succeeds (legacy behaviour); elsewhere it fails.
    if (existing.region === 'us-east-1' && region === 'us-east-1')
      return emptyAnswer(200, { location: `/${name}` });
    throw new AwsError(
      'BucketAlreadyOwnedByYou',
      'Your previous request to create the named bucket succeeded and you already own it.',
      409,
    );
  }
  const owned = [...ctx.world.buckets.values()].filter((b) => b.accountId === ctx.accountId).length;
  if (owned >= MAX_BUCKETS_PER_ACCOUNT) {
    throw new AwsError('TooManyBuckets', 'You have attempted to create more buckets than allowed', 400);
  }
  const ownership = parseObjectOwnership(request.headers['x-amz-object-ownership']);
  const bucket = createBucket(ctx.world, { name, accountId: ctx.accountId, region, now: ctx.clock.now() });
  if (ownership) bucket.objectOwnership = ownership;
  return emptyAnswer(200, {
    location: region === 'us-east-1' ? `/${name}` : `http://${name}.s3.amazonaws.com/`,
  });
}

export function deleteBucketOperation(ctx: CallContext, bucket: Bucket): RestResponse {
  authorizeS3(ctx, 's3:DeleteBucket', bucket);
  // The sandbox holds no objects, so every bucket is empty and can go.
  ctx.world.buckets.delete(bucket.name);
  return emptyAnswer(204);
}
