// Whether Cloudscape's AppLayout is in its mobile layout: the viewport at most 688 px wide, the
// "xs" breakpoint of Cloudscape's internal/breakpoints (mobileBreakpoint), read with the same media
// query and refreshed on the same event (window resize) as AppLayout's own check.
import { useSyncExternalStore } from 'react';

const MOBILE_QUERY = '(max-width: 688px)';

export const isMobileLayoutNow = (): boolean => window.matchMedia(MOBILE_QUERY).matches;

const subscribe = (onChange: () => void) => {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
};

export function useIsMobileLayout(): boolean {
  return useSyncExternalStore(subscribe, isMobileLayoutNow);
}
