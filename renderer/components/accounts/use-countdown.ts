// A live "expires in" text for credentials and SSO sessions, ticking every second.
import { useEffect, useState } from 'react';

export function formatRemaining(ms: number): string {
  if (ms <= 0) return 'expired';
  const minutes = Math.floor(ms / 60_000);
  if (minutes >= 120) return `${Math.floor(minutes / 60)} h`;
  if (minutes >= 1) return `${minutes} min`;
  return `${Math.ceil(ms / 1000)} s`;
}

// expiresAt in ms since epoch; undefined when the credentials do not expire.
export function useCountdown(expiresAt: number | undefined): string | undefined {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (expiresAt === undefined) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [expiresAt]);
  return expiresAt === undefined ? undefined : formatRemaining(expiresAt - now);
}
