// A job's result has its own address (#/jobs/<id>): the Jobs table and the jobs panel link to it,
// and it stays reachable after the page that started the job is left or the app restarts.
import { useSyncExternalStore } from 'react';
import { hrefFor } from './routes';

export const hrefForJob = (id: string): string => `${hrefFor('jobs')}/${encodeURIComponent(id)}`;

export function jobIdFromHash(hash: string): string | undefined {
  const match = /^#\/?jobs\/([^/?]+)/.exec(hash);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined; // a malformed address opens the plain Jobs page
  }
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export const useOpenedJobId = (): string | undefined =>
  useSyncExternalStore(subscribe, () => jobIdFromHash(window.location.hash));
