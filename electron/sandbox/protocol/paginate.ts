// One pagination helper for every sandbox list operation (EC2 MaxResults/NextToken, KMS
// Limit/Marker, S3 MaxBuckets/ContinuationToken, Auto Scaling MaxRecords/NextToken). Handlers pass
// the full, deterministically ordered list; the token is opaque to clients (base64 of a small
// JSON record) and bound to a scope (the operation) so a token from one call is refused by another.
import { AwsError } from '../context';

export interface PageBounds {
  // Operation the token belongs to, e.g. 'ec2:DescribeVolumes'.
  readonly scope: string;
  readonly min: number;
  readonly max: number;
  // Above `max`: EC2 Describe* calls return `max` items ("larger values return 1,000"), others reject.
  readonly aboveMax?: 'clamp' | 'reject';
  // Page size when the client sends no page size. Undefined = everything in one page (EC2 describe
  // without MaxResults); KMS uses 100, S3 ListBuckets with a token or prefix uses 10,000.
  readonly defaultSize?: number;
  // Wire name of the page-size parameter, for the error message ('maxResults', 'Limit', 'MaxRecords').
  readonly sizeName?: string;
  // The error for an out-of-range page size and a bad token, per service.
  readonly sizeErrorCode?: string; // default InvalidParameterValue (EC2)
  readonly tokenErrorCode?: string; // default InvalidPaginationToken (EC2)
  readonly tokenErrorMessage?: string;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

interface TokenRecord {
  s: string; // scope
  o: number; // offset of the next item
}

export function paginate<T>(
  items: readonly T[],
  pageSize: number | undefined,
  nextToken: string | undefined,
  bounds: PageBounds,
): Page<T> {
  const size = checkedPageSize(pageSize, bounds);
  const offset = nextToken ? decodeToken(nextToken, bounds) : 0;
  if (size === undefined) return { items: items.slice(offset) };
  const end = offset + size;
  const page = items.slice(offset, end);
  return end < items.length
    ? { items: page, nextToken: encodeToken({ s: bounds.scope, o: end }) }
    : { items: page };
}

function checkedPageSize(pageSize: number | undefined, bounds: PageBounds): number | undefined {
  if (pageSize === undefined) return bounds.defaultSize;
  const name = bounds.sizeName ?? 'maxResults';
  const code = bounds.sizeErrorCode ?? 'InvalidParameterValue';
  if (!Number.isInteger(pageSize) || pageSize < bounds.min) {
    throw new AwsError(
      code,
      `Value ( ${pageSize} ) for parameter ${name} is invalid. Expecting a value greater than ${bounds.min}.`,
    );
  }
  if (pageSize > bounds.max) {
    if ((bounds.aboveMax ?? 'clamp') === 'clamp') return bounds.max;
    throw new AwsError(
      code,
      `Value ( ${pageSize} ) for parameter ${name} is invalid. Expecting a value between ${bounds.min} and ${bounds.max}.`,
    );
  }
  return pageSize;
}

function encodeToken(record: TokenRecord): string {
  return Buffer.from(JSON.stringify(record), 'utf8').toString('base64');
}

function decodeToken(token: string, bounds: PageBounds): number {
  const invalid = new AwsError(
    bounds.tokenErrorCode ?? 'InvalidPaginationToken',
    bounds.tokenErrorMessage ??
      `The specified pagination token is not valid or is expired. (${token.slice(0, 40)})`,
  );
  let record: unknown;
  try {
    record = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (
    typeof record !== 'object' ||
    record === null ||
    (record as TokenRecord).s !== bounds.scope ||
    !Number.isInteger((record as TokenRecord).o) ||
    (record as TokenRecord).o < 0
  ) {
    throw invalid;
  }
  return (record as TokenRecord).o;
}
