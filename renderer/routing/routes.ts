// Hash routes (#/overview, #/inventory, ...): the page works from Electron's packaged files and
// from the preview alike, and needs no router dependency for eight flat pages. The page ids come
// from the contract, where main's menu and tray name them too (app:navigate).
import { pageIds, type PageId } from '../../shared/ipc/channels/app';
import { pageTitles } from '../../shared/page-titles';

export type RouteId = PageId;

export const routes: readonly { readonly id: RouteId; readonly title: string }[] = pageIds.map((id) => ({
  id,
  title: pageTitles[id],
}));

export const defaultRoute: RouteId = 'overview';

export const hrefFor = (id: RouteId): string => `#/${id}`;

export function routeFromHash(hash: string): RouteId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return routes.find((route) => route.id === id)?.id ?? defaultRoute;
}

export const titleOf = (id: RouteId): string => pageTitles[id];

export function navigate(id: RouteId): void {
  window.location.hash = hrefFor(id);
}
