// The sandbox's S3 (REST-XML): bucket operations the app uses. The server has already split the
// bucket from the host (virtual-host style) or the path (path style); sub-resources are query keys.
import {
  AwsError,
  type CallContext,
  type RestHandler,
  type RestRequest,
  type RestResponse,
} from '../context';
import type { Bucket } from '../world';
import {
  deleteBucketEncryption,
  deleteBucketTagging,
  getBucketEncryption,
  getBucketPolicy,
  getBucketTagging,
  getBucketVersioning,
  putBucketEncryption,
  putBucketPolicy,
  putBucketTagging,
  putBucketVersioning,
} from './bucket-config';
import {
  createBucketOperation,
  deleteBucketOperation,
  getBucketLocation,
  headBucket,
} from './bucket-lifecycle';
import { advanceJobs } from '../s3control/job-run';
import { listBuckets } from './list-buckets';
import { getBucketOwnershipControls, putBucketOwnershipControls } from './ownership-controls';
import { getBucketRequestPayment, putBucketRequestPayment } from './request-payment';
import { listObjectVersions, listObjectsV2, objectOperation } from './objects/index';
import { accessDenied, noSuchBucket, permanentRedirect } from './wire';

type BucketOperation = (ctx: CallContext, bucket: Bucket, request: RestRequest) => RestResponse;

const SUBRESOURCES: Record<string, Partial<Record<string, BucketOperation>>> = {
  encryption: { GET: getBucketEncryption, PUT: putBucketEncryption, DELETE: deleteBucketEncryption },
  versioning: { GET: getBucketVersioning, PUT: putBucketVersioning },
  policy: { GET: getBucketPolicy, PUT: putBucketPolicy },
  tagging: { GET: getBucketTagging, PUT: putBucketTagging, DELETE: deleteBucketTagging },
  location: { GET: getBucketLocation },
  requestPayment: { GET: getBucketRequestPayment, PUT: putBucketRequestPayment },
  ownershipControls: { GET: getBucketOwnershipControls, PUT: putBucketOwnershipControls },
};

function notImplemented(): AwsError {
  return new AwsError(
    'NotImplemented',
    'A header you provided implies functionality that is not implemented',
    501,
  );
}

function ownedBucket(ctx: CallContext, name: string): Bucket {
  const bucket = ctx.world.buckets.get(name);
  if (!bucket) throw noSuchBucket();
  // Another account's bucket: S3 never says more than Access Denied unless its policy allows.
  return bucket;
}

// An object's bucket must be addressed in its own region (else PermanentRedirect, which the SDK
// and the CLI follow), like the bucket operations.
function objectRequest(ctx: CallContext, name: string, request: RestRequest): RestResponse {
  const bucket = ownedBucket(ctx, name);
  if (bucket.region !== ctx.region) {
    if (bucket.accountId !== ctx.accountId && !bucket.policy) throw accessDenied();
    return permanentRedirect(ctx, bucket, request.method);
  }
  return objectOperation(ctx, bucket, request);
}

// x-amz-expected-bucket-owner: "If the account ID that you provide does not match the actual owner
// of the bucket, the request fails with the HTTP status code 403 Forbidden (access denied)" (S3 API
// reference, on every bucket and object operation that takes ExpectedBucketOwner).
function assertExpectedOwner(ctx: CallContext, name: string | undefined, request: RestRequest): void {
  const expected = request.headers['x-amz-expected-bucket-owner'];
  if (!name || expected === undefined) return;
  const bucket = ctx.world.buckets.get(name);
  if (bucket && bucket.accountId !== expected) throw accessDenied();
}

export const s3Handler: RestHandler = (ctx, request) => {
  // Batch Operations jobs write their reports into buckets as the clock passes.
  advanceJobs(ctx);
  const { method, bucket: name } = request;
  assertExpectedOwner(ctx, name, request);
  if (!name) {
    if (method === 'GET') return listBuckets(ctx, request);
    throw new AwsError('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405);
  }
  if (request.path !== '' && request.path !== '/') return objectRequest(ctx, name, request);
  if (method === 'HEAD') {
    const bucket = ctx.world.buckets.get(name);
    if (bucket && bucket.region !== ctx.region) return permanentRedirect(ctx, bucket, method);
    return headBucket(ctx, name);
  }
  if (method === 'PUT' && [...request.query.keys()].length === 0)
    return createBucketOperation(ctx, name, request);

  const bucket = ownedBucket(ctx, name);
  const subresource = Object.keys(SUBRESOURCES).find((key) => request.query.has(key));
  // GetBucketLocation is the one call S3 answers from any region.
  if (subresource !== 'location' && bucket.region !== ctx.region) {
    if (bucket.accountId !== ctx.accountId && !bucket.policy) throw accessDenied();
    return permanentRedirect(ctx, bucket, method);
  }
  if (subresource) {
    const operation = SUBRESOURCES[subresource]?.[method];
    if (!operation)
      throw new AwsError(
        'MethodNotAllowed',
        'The specified method is not allowed against this resource.',
        405,
      );
    return operation(ctx, bucket, request);
  }
  if (method === 'DELETE') return deleteBucketOperation(ctx, bucket);
  if (method === 'GET' && request.query.has('versions')) return listObjectVersions(ctx, bucket, request);
  if (method === 'GET' && request.query.get('list-type') === '2') return listObjectsV2(ctx, bucket, request);
  throw notImplemented();
};

export { createBucket, isValidBucketName } from './factory';
