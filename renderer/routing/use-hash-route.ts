import { useSyncExternalStore } from 'react';
import { routeFromHash, type RouteId } from './routes';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export const useHashRoute = (): RouteId =>
  useSyncExternalStore(subscribe, () => routeFromHash(window.location.hash));
