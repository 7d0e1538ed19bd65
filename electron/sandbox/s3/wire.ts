// S3 answers: XML documents in S3's namespace, empty answers, and errors S3 writes itself
// (PermanentRedirect carries the endpoint and the bucket's region). Ordinary errors are thrown as
// AwsError and written by the server.
import { AwsError, type CallContext, type RestResponse } from '../context';
import { buildXml, S3_NAMESPACE, s3ErrorResponse } from '../protocol/xml';
import type { Bucket } from '../world';

export function xmlAnswer(
  rootName: string,
  content: Record<string, unknown>,
  headers: Record<string, string> = {},
): RestResponse {
  return { status: 200, headers, body: buildXml({ [rootName]: { '@_xmlns': S3_NAMESPACE, ...content } }) };
}

export function emptyAnswer(status = 200, headers: Record<string, string> = {}): RestResponse {
  return { status, headers };
}

// S3 timestamps in XML: ISO 8601 with milliseconds, UTC.
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

export function noSuchBucket(): AwsError {
  return new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404);
}

export function accessDenied(): AwsError {
  return new AwsError('AccessDenied', 'Access Denied', 403);
}

// A bucket addressed through another region's endpoint (the request was signed for another
// region): S3 answers 301 PermanentRedirect with x-amz-bucket-region. The AWS CLI and SDK v3 with
// followRegionRedirects re-sign for that region and retry.
export function permanentRedirect(ctx: CallContext, bucket: Bucket, method: string): RestResponse {
  const headers = { 'x-amz-bucket-region': bucket.region, 'content-type': 'application/xml' };
  if (method === 'HEAD') return { status: 301, headers: { 'x-amz-bucket-region': bucket.region } };
  return {
    status: 301,
    headers,
    body: s3ErrorResponse(
      'PermanentRedirect',
      'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
      ctx.requestId,
      '',
      { Endpoint: `${bucket.name}.s3.${bucket.region}.amazonaws.com`, Bucket: bucket.name },
    ),
  };
}
