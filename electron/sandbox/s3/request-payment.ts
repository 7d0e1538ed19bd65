// ?requestPayment: who pays for requests and downloads (S3 API reference, GetBucketRequestPayment
// and PutBucketRequestPayment: Payer is Requester or BucketOwner, BucketOwner by default; only the
// bucket owner may read or set it; S3 user guide, "Using Requester Pays buckets").
import type { CallContext, RestRequest, RestResponse } from '../context';
import type { Bucket } from '../world';
import { authorizeS3 } from './access';
import { asRecord, asText, malformedXml, parseXmlBody } from './xml-body';
import { accessDenied, emptyAnswer, xmlAnswer } from './wire';

function ownerOnly(ctx: CallContext, bucket: Bucket): void {
  if (bucket.accountId !== ctx.accountId) throw accessDenied();
}

export function getBucketRequestPayment(ctx: CallContext, bucket: Bucket): RestResponse {
  ownerOnly(ctx, bucket);
  authorizeS3(ctx, 's3:GetBucketRequestPayment', bucket);
  return xmlAnswer('RequestPaymentConfiguration', { Payer: bucket.requestPayer ?? 'BucketOwner' });
}

export function putBucketRequestPayment(
  ctx: CallContext,
  bucket: Bucket,
  request: RestRequest,
): RestResponse {
  ownerOnly(ctx, bucket);
  authorizeS3(ctx, 's3:PutBucketRequestPayment', bucket);
  const payer = asText(asRecord(parseXmlBody(request.body).RequestPaymentConfiguration)?.Payer);
  if (payer !== 'Requester' && payer !== 'BucketOwner') throw malformedXml();
  if (payer === 'Requester') bucket.requestPayer = 'Requester';
  else delete bucket.requestPayer;
  return emptyAnswer();
}
