import SideNavigation, { type SideNavigationProps } from '@cloudscape-design/components/side-navigation';
import { hrefFor, routes, type RouteId } from '../routing/routes';

const link = (route: (typeof routes)[number]): SideNavigationProps.Link => ({
  type: 'link',
  text: route.title,
  href: hrefFor(route.id),
});

// Work pages first; Jobs and Accounts, which serve every page, after a divider.
const items: SideNavigationProps.Item[] = [
  ...routes.filter((r) => r.id !== 'jobs' && r.id !== 'accounts').map(link),
  { type: 'divider' },
  ...routes.filter((r) => r.id === 'jobs' || r.id === 'accounts').map(link),
];

export function SideNav({ active }: { readonly active: RouteId }) {
  return (
    <SideNavigation
      header={{ text: 'Envelope', href: hrefFor('overview') }}
      activeHref={hrefFor(active)}
      items={items}
    />
  );
}
