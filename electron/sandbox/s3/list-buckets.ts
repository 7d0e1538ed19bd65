// ListBuckets: the account's buckets in every region, by name. Page size rules (S3 API reference):
// MaxBuckets 1–10,000; when prefix, bucket-region or continuation-token come without max-buckets,
// S3 pages by 10,000 and returns a token; with none of them, every bucket in one answer.
import { createHash } from 'node:crypto';
import { AwsError, type CallContext, type RestRequest, type RestResponse } from '../context';
import { authorizeS3 } from './access';
import { isoTime, xmlAnswer } from './wire';

export function canonicalUserId(accountId: string): string {
  return createHash('sha256').update(`canonical:${accountId}`).digest('hex');
}

function decodeToken(token: string): string {
  const invalid = new AwsError('InvalidArgument', 'The continuation token provided is incorrect', 400);
  if (token.length > 1024) throw invalid;
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as unknown;
    if (
      typeof decoded === 'object' &&
      decoded !== null &&
      typeof (decoded as { after?: unknown }).after === 'string'
    ) {
      return (decoded as { after: string }).after;
    }
  } catch {
    // fall through to the S3 error
  }
  throw invalid;
}

function encodeToken(after: string): string {
  return Buffer.from(JSON.stringify({ after }), 'utf8').toString('base64');
}

export function listBuckets(ctx: CallContext, request: RestRequest): RestResponse {
  authorizeS3(ctx, 's3:ListAllMyBuckets');
  const q = request.query;
  const maxText = q.get('max-buckets');
  const prefix = q.get('prefix') ?? undefined;
  const bucketRegion = q.get('bucket-region') ?? undefined;
  const token = q.get('continuation-token') ?? undefined;
  let pageSize: number | undefined;
  if (maxText !== null) {
    const max = Number(maxText);
    if (!Number.isInteger(max) || max < 1 || max > 10_000) {
      throw new AwsError(
        'InvalidArgument',
        'Argument max-buckets must be an integer between 1 and 10000.',
        400,
      );
    }
    pageSize = max;
  } else if (prefix !== undefined || bucketRegion !== undefined || token !== undefined) {
    pageSize = 10_000;
  }
  const after = token === undefined ? undefined : decodeToken(token);
  const all = [...ctx.world.buckets.values()]
    .filter((b) => b.accountId === ctx.accountId)
    .filter((b) => prefix === undefined || b.name.startsWith(prefix))
    .filter((b) => bucketRegion === undefined || b.region === bucketRegion)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const start = after === undefined ? all : all.filter((b) => b.name > after);
  const page = pageSize === undefined ? start : start.slice(0, pageSize);
  const last = page[page.length - 1];
  const more = pageSize !== undefined && start.length > pageSize && last !== undefined;
  const bucketList = page.map((b) => ({
    Name: b.name,
    CreationDate: isoTime(b.creationDate),
    BucketRegion: b.region,
  }));
  return xmlAnswer('ListAllMyBucketsResult', {
    Buckets: bucketList.length > 0 ? { Bucket: bucketList } : '',
    Owner: { ID: canonicalUserId(ctx.accountId) },
    ...(more ? { ContinuationToken: encodeToken(last.name) } : {}),
    ...(prefix !== undefined ? { Prefix: prefix } : {}),
  });
}
