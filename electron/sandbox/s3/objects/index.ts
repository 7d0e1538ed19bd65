// Routing S3's object requests (a key in the path) to their operations by method and
// sub-resource, with the per-prefix request rate counted first.
import { AwsError, type CallContext, type RestRequest, type RestResponse } from '../../context';
import type { Bucket } from '../../world';
import {
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  uploadPart,
  uploadPartCopy,
} from './multipart';
import { getObject, getObjectAcl, getObjectTagging, headObject } from './object-read';
import { copyObject, deleteObject, putObject, putObjectTagging } from './object-write';
import { countRequest } from './request-rate';

export { listObjectsV2, listObjectVersions } from './object-list';

function methodNotAllowed(): AwsError {
  return new AwsError('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405);
}

export function objectOperation(ctx: CallContext, bucket: Bucket, request: RestRequest): RestResponse {
  const key = request.path.replace(/^\//, '');
  const q = request.query;
  const { method } = request;
  countRequest(ctx, bucket.name, key, method === 'GET' || method === 'HEAD' ? 'read' : 'write');
  const copy = request.headers['x-amz-copy-source'] !== undefined;
  switch (method) {
    case 'HEAD':
      return headObject(ctx, bucket, key, request);
    case 'GET':
      if (q.has('tagging')) return getObjectTagging(ctx, bucket, key, request);
      if (q.has('acl')) return getObjectAcl(ctx, bucket, key, request);
      return getObject(ctx, bucket, key, request);
    case 'PUT':
      if (q.has('tagging')) return putObjectTagging(ctx, bucket, key, request);
      if (q.has('uploadId'))
        return copy ? uploadPartCopy(ctx, bucket, key, request) : uploadPart(ctx, bucket, key, request);
      return copy ? copyObject(ctx, bucket, key, request) : putObject(ctx, bucket, key, request);
    case 'POST':
      if (q.has('uploads')) return createMultipartUpload(ctx, bucket, key, request);
      if (q.has('uploadId')) return completeMultipartUpload(ctx, bucket, key, request);
      throw methodNotAllowed();
    case 'DELETE':
      if (q.has('uploadId')) return abortMultipartUpload(ctx, bucket, key, request);
      return deleteObject(ctx, bucket, key, request);
    default:
      throw methodNotAllowed();
  }
}
