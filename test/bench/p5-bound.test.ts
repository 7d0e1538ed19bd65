// P5's yardsticks: the bound a re-encryption's requests impose (concurrency × latency, or S3's
// per-prefix request rates), and the proxy's naming of the S3 requests it counts for the AWS CLI.
import { describe, expect, it } from 'vitest';
import { s3OperationOf } from '../../bench/s3/counting-proxy';
import { boundOf } from '../../bench/s3/p5-bound';

const keys = (n: number, prefixes: number) =>
  Array.from({ length: n }, (_, i) => `data/p${i % prefixes}/object-${i}`);

describe('P5 bound', () => {
  it('is concurrency × latency for 100,000 copies in 20 prefixes at 32 in flight', () => {
    const bound = boundOf({
      requests: 100_000,
      concurrency: 32,
      latencyMs: 25,
      writtenKeys: keys(100_000, 20),
    });
    expect(bound).toMatchObject({ ms: 3125 * 25, binding: 'concurrency × latency' });
    // 5,000 copies in the busiest prefix at 3,500 writes per second.
    expect(bound.rateMs).toBeCloseTo((5000 / 3500) * 1000);
  });

  it('is the busiest prefix at 3,500 writes per second when everything is in one prefix', () => {
    const bound = boundOf({
      requests: 100_000,
      concurrency: 1000,
      latencyMs: 25,
      writtenKeys: keys(100_000, 1),
    });
    expect(bound).toMatchObject({ binding: 'request rate per prefix', busiestPrefix: 'data/p0/' });
    expect(bound.ms).toBeCloseTo((100_000 / 3500) * 1000);
  });

  it('counts reads against 5,500 per second', () => {
    const bound = boundOf({
      requests: 1,
      concurrency: 1,
      latencyMs: 0,
      writtenKeys: [],
      readKeys: keys(11_000, 1),
    });
    expect(bound.rateMs).toBeCloseTo(2000);
  });
});

describe('the counting proxy names S3 requests', () => {
  const op = (method: string, url: string, headers: Record<string, string> = {}) =>
    s3OperationOf({ method, url, headers });

  it('tells listings, copies, reads and ACL reads apart', () => {
    expect(op('GET', '/b?list-type=2&prefix=a')).toBe('ListObjectsV2');
    expect(op('PUT', '/b/k/x', { 'x-amz-copy-source': 'b/k/x' })).toBe('CopyObject');
    expect(op('PUT', '/b/k?partNumber=1&uploadId=u', { 'x-amz-copy-source': 'b/k' })).toBe('UploadPartCopy');
    expect(op('HEAD', '/b/k')).toBe('HeadObject');
    expect(op('GET', '/b/k?acl')).toBe('GetObjectAcl');
    expect(op('PUT', '/b/k')).toBe('PutObject');
  });
});
