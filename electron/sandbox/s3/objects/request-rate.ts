// S3's request rates per prefix ("Best practices design patterns: optimizing Amazon S3
// performance"): "your application can achieve at least 3,500 PUT/COPY/POST/DELETE or 5,500
// GET/HEAD requests per second per partitioned Amazon S3 prefix"; above that S3 answers 503
// SlowDown ("Please reduce your request rate.", S3 error responses list). Counted per simulated
// second, per bucket and prefix (the key up to its last '/').
import { AwsError, type CallContext } from '../../context';

export const RATES = { write: 3_500, read: 5_500 } as const;
export type RequestClass = keyof typeof RATES;

const windows = new WeakMap<object, Map<string, { second: number; count: number }>>();

export function prefixOf(key: string): string {
  const slash = key.lastIndexOf('/');
  return slash < 0 ? '' : key.slice(0, slash + 1);
}

export function countRequest(ctx: CallContext, bucket: string, key: string, kind: RequestClass): void {
  let counters = windows.get(ctx.world);
  if (!counters) windows.set(ctx.world, (counters = new Map<string, { second: number; count: number }>()));
  const id = `${bucket}\n${prefixOf(key)}\n${kind}`;
  const second = Math.floor(ctx.clock.now() / 1000);
  const window = counters.get(id);
  if (!window || window.second !== second) {
    counters.set(id, { second, count: 1 });
    return;
  }
  window.count += 1;
  if (window.count > RATES[kind]) throw new AwsError('SlowDown', 'Please reduce your request rate.', 503);
}
