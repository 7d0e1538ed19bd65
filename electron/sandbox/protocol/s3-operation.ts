// The S3 operation a REST request means, named as the API names it. The S3 handler does its own
// routing; the server needs the name only to match fault-injection rules and for logs.
const BUCKET_SUBRESOURCES: Record<string, string> = {
  encryption: 'BucketEncryption',
  versioning: 'BucketVersioning',
  policy: 'BucketPolicy',
  tagging: 'BucketTagging',
  location: 'BucketLocation',
  acl: 'BucketAcl',
  lifecycle: 'BucketLifecycleConfiguration',
  logging: 'BucketLogging',
  publicAccessBlock: 'PublicAccessBlock',
  ownershipControls: 'BucketOwnershipControls',
};

const VERBS: Record<string, string> = { GET: 'Get', PUT: 'Put', DELETE: 'Delete' };

export function s3OperationName(
  method: string,
  bucket: string | undefined,
  key: string,
  query: URLSearchParams,
  // x-amz-copy-source is present: a PUT is CopyObject (or UploadPartCopy), not PutObject.
  isCopy = false,
): string {
  if (!bucket) return method === 'GET' ? 'ListBuckets' : 'Unknown';
  if (key !== '' && key !== '/') return objectOperationName(method, query, isCopy);
  for (const [sub, name] of Object.entries(BUCKET_SUBRESOURCES)) {
    if (query.has(sub)) return `${VERBS[method] ?? method}${name}`;
  }
  if (query.has('versions')) return 'ListObjectVersions';
  switch (method) {
    case 'HEAD':
      return 'HeadBucket';
    case 'PUT':
      return 'CreateBucket';
    case 'DELETE':
      return 'DeleteBucket';
    case 'GET':
      return query.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects';
    default:
      return 'Unknown';
  }
}

// Object operations by method and sub-resource, as objects/index.ts routes them.
function objectOperationName(method: string, query: URLSearchParams, isCopy: boolean): string {
  if (method === 'PUT') {
    if (query.has('tagging')) return 'PutObjectTagging';
    if (query.has('uploadId')) return isCopy ? 'UploadPartCopy' : 'UploadPart';
    return isCopy ? 'CopyObject' : 'PutObject';
  }
  if (method === 'POST') return query.has('uploads') ? 'CreateMultipartUpload' : 'CompleteMultipartUpload';
  if (method === 'GET' && query.has('tagging')) return 'GetObjectTagging';
  if (method === 'GET' && query.has('acl')) return 'GetObjectAcl';
  if (method === 'DELETE' && query.has('uploadId')) return 'AbortMultipartUpload';
  return { GET: 'GetObject', HEAD: 'HeadObject', DELETE: 'DeleteObject' }[method] ?? 'Unknown';
}
