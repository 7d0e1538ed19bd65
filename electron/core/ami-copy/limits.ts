// AWS limits an AMI copy run must stay within, per account and destination region:
// - CopyImage has its own request-token bucket: 100 tokens, refilled 1 per second (EC2 API
//   throttling table), so a burst of 100 copies goes at once and then one per second;
// - a destination region runs at most 50 concurrent AMI copies (EC2 "Copy an AMI" quotas; 25 from
//   one source region in older documentation), so further copies wait in a queue.
import { sleep } from './deps';

export const COPY_IMAGE_BUCKET = { capacity: 100, refillPerSecond: 1 } as const;
export const MAX_CONCURRENT_AMI_COPIES_PER_REGION = 50;

class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    private readonly now: () => number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now();
  }

  // Milliseconds to wait before a token is available (0 = taken now).
  take(): number {
    const now = this.now();
    this.tokens = Math.min(
      this.capacity,
      this.tokens + ((now - this.updatedAt) / 1000) * this.refillPerSecond,
    );
    this.updatedAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) / this.refillPerSecond) * 1000);
  }
}

class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  get queued(): number {
    return this.waiting.length;
  }

  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (this.active >= this.limit) {
      await new Promise<void>((resolve, reject) => {
        const wake = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = () => {
          const at = this.waiting.indexOf(wake);
          if (at >= 0) this.waiting.splice(at, 1);
          reject(signal?.reason as Error);
        };
        this.waiting.push(wake);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    }
    this.active += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active -= 1;
      this.waiting.shift()?.();
    };
  }
}

export class CopyLimits {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly slots = new Map<string, Semaphore>();

  constructor(
    private readonly maxConcurrent = MAX_CONCURRENT_AMI_COPIES_PER_REGION,
    private readonly now: () => number = Date.now,
  ) {}

  // How many copies wait for a slot in this region (for "queued behind N").
  queuedIn(region: string): number {
    return this.slots.get(region)?.queued ?? 0;
  }

  // A concurrency slot in the destination region; call the returned function when the copy ends.
  slot(region: string, signal?: AbortSignal): Promise<() => void> {
    let semaphore = this.slots.get(region);
    if (!semaphore) {
      semaphore = new Semaphore(this.maxConcurrent);
      this.slots.set(region, semaphore);
    }
    return semaphore.acquire(signal);
  }

  // Waits for a CopyImage request token in the destination region.
  async copyImageToken(region: string, signal?: AbortSignal): Promise<void> {
    let bucket = this.buckets.get(region);
    if (!bucket) {
      bucket = new TokenBucket(COPY_IMAGE_BUCKET.capacity, COPY_IMAGE_BUCKET.refillPerSecond, this.now);
      this.buckets.set(region, bucket);
    }
    for (let wait = bucket.take(); wait > 0; wait = bucket.take()) await sleep(wait, signal);
  }
}
