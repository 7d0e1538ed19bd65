// P5's bound on a re-encryption's wall time, from the requests a path makes: no faster than its
// requests allow at its concurrency (each request waits the sandbox's latency), nor than S3's
// request rates per prefix allow ("your application can achieve at least 3,500 PUT/COPY/POST/
// DELETE or 5,500 GET/HEAD requests per second per partitioned Amazon S3 prefix", S3 user guide,
// "Best practices design patterns: optimizing Amazon S3 performance"; the sandbox answers 503
// SlowDown above them, electron/sandbox/s3/objects/request-rate.ts). Prefixes are served in
// parallel, so the busiest prefix sets the rate's bound.
import { prefixOf, RATES } from '../../electron/sandbox/s3/objects/request-rate';

export interface BoundInput {
  readonly requests: number; // every request the path made
  readonly concurrency: number; // requests in flight at once
  readonly latencyMs: number; // per request
  // The keys the path writes (one copy each) and reads (HEAD/GET each), for the per-prefix rates.
  readonly writtenKeys: readonly string[];
  readonly readKeys?: readonly string[];
}

export interface Bound {
  readonly ms: number;
  readonly latencyMs: number; // ceil(requests / concurrency) × latency
  readonly rateMs: number; // the busiest prefix at S3's rates
  readonly busiestPrefix: string;
  readonly binding: 'concurrency × latency' | 'request rate per prefix';
}

function perPrefix(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) {
    const prefix = prefixOf(key);
    counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  return counts;
}

export function boundOf(input: BoundInput): Bound {
  const latencyMs = Math.ceil(input.requests / Math.max(1, input.concurrency)) * input.latencyMs;
  const writes = perPrefix(input.writtenKeys);
  const reads = perPrefix(input.readKeys ?? []);
  let rateMs = 0;
  let busiestPrefix = '';
  for (const prefix of new Set([...writes.keys(), ...reads.keys()])) {
    const ms =
      Math.max((writes.get(prefix) ?? 0) / RATES.write, (reads.get(prefix) ?? 0) / RATES.read) * 1000;
    if (ms > rateMs) [rateMs, busiestPrefix] = [ms, prefix];
  }
  return {
    ms: Math.max(latencyMs, rateMs),
    latencyMs,
    rateMs,
    busiestPrefix,
    binding: latencyMs >= rateMs ? 'concurrency × latency' : 'request rate per prefix',
  };
}
