// S3 Object Ownership (S3 API reference: GetBucketOwnershipControls, PutBucketOwnershipControls;
// S3 user guide, "Controlling ownership of objects and disabling ACLs for your bucket"): "By
// default, S3 Object Ownership is set to the Bucket owner enforced setting, and ACLs are disabled
// for new buckets", the default since April 2023 ("Default settings for new S3 buckets FAQ"). A
// bucket created before then without the setting has no ownership controls, and S3 answers
// OwnershipControlsNotFoundError for it. CreateBucket takes the setting in x-amz-object-ownership.
import { AwsError, type CallContext, type RestRequest, type RestResponse } from '../context';
import type { Bucket, ObjectOwnership } from '../world';
import { authorizeS3 } from './access';
import { emptyAnswer, xmlAnswer } from './wire';
import { asRecord, asText, malformedXml, parseXmlBody } from './xml-body';

const SETTINGS: readonly ObjectOwnership[] = ['BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter'];
const ENFORCED_BY_DEFAULT_SINCE = Date.UTC(2023, 3, 1);

export function parseObjectOwnership(raw: string | undefined): ObjectOwnership | undefined {
  if (raw === undefined) return undefined;
  const setting = SETTINGS.find((s) => s === raw);
  if (!setting) throw new AwsError('InvalidArgument', 'Invalid x-amz-object-ownership header', 400);
  return setting;
}

export function objectOwnershipOf(bucket: Bucket): ObjectOwnership | undefined {
  if (bucket.objectOwnership) return bucket.objectOwnership;
  return bucket.creationDate >= ENFORCED_BY_DEFAULT_SINCE ? 'BucketOwnerEnforced' : undefined;
}

export function getBucketOwnershipControls(ctx: CallContext, bucket: Bucket): RestResponse {
  authorizeS3(ctx, 's3:GetBucketOwnershipControls', bucket);
  const setting = objectOwnershipOf(bucket);
  if (!setting)
    throw new AwsError('OwnershipControlsNotFoundError', 'The bucket ownership controls were not found', 404);
  return xmlAnswer('OwnershipControls', { Rule: { ObjectOwnership: setting } });
}

export function putBucketOwnershipControls(
  ctx: CallContext,
  bucket: Bucket,
  request: RestRequest,
): RestResponse {
  authorizeS3(ctx, 's3:PutBucketOwnershipControls', bucket);
  const controls = asRecord(parseXmlBody(request.body).OwnershipControls);
  const setting = SETTINGS.find((s) => s === asText(asRecord(controls?.Rule)?.ObjectOwnership));
  if (!setting) throw malformedXml();
  bucket.objectOwnership = setting;
  return emptyAnswer();
}
