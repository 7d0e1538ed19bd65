// The S3 objects page opened on a bucket (#/s3?bucket=B): Diagnostics' S3 findings and Inventory's
// bucket rows link here, and the address survives a reload.
import { useSyncExternalStore } from 'react';
import { hrefFor } from './routes';

export const hrefForBucket = (bucket: string): string =>
  `${hrefFor('s3')}?${new URLSearchParams({ bucket }).toString()}`;

export function bucketFromHash(hash: string): string | undefined {
  const match = /^#\/?s3\?(.*)$/.exec(hash);
  if (!match) return undefined;
  const bucket = new URLSearchParams(match[1]).get('bucket')?.trim();
  return bucket ? bucket : undefined;
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export const useBucketFromHash = (): string | undefined =>
  useSyncExternalStore(subscribe, () => bucketFromHash(window.location.hash));
