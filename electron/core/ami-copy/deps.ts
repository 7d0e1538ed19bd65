// What the AMI copy needs from the outside: one SDK client per (service, region) from the
// ClientFactory (or a test's sandbox clients), the caller's identity, a clock and a sleep that
// ends early on abort. The migration (replace strategy) passes the same shape.
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { KMSClient } from '@aws-sdk/client-kms';
import type { CopyLimits } from './limits';

export interface Caller {
  readonly accountId: string;
  readonly arn: string; // the principal as STS reports it (user, assumed-role session, root)
}

export interface AmiCopyDeps {
  ec2(region: string): EC2Client;
  kms(region: string): KMSClient;
  iam(): IAMClient;
  caller(): Promise<Caller>;
  readonly now?: () => number; // ms since epoch (real time: estimates are for people)
  // Between progress polls, ms. AWS: 15 s (the EC2 waiters' minimum delay); tests go faster.
  readonly pollMs?: number;
  readonly limits?: CopyLimits;
}

export const DEFAULT_POLL_MS = 15_000;

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
