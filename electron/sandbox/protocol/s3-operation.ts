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
): string {
  if (!bucket) return method === 'GET' ? 'ListBuckets' : 'Unknown';
  if (key !== '' && key !== '/') {
    return (
      { GET: 'GetObject', PUT: 'PutObject', HEAD: 'HeadObject', DELETE: 'DeleteObject' }[method] ?? 'Unknown'
    );
  }
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
