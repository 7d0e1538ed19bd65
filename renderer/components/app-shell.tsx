// The window: top bar above Cloudscape's AppLayout with the side navigation, the current page,
// notifications, and the jobs panel in the split panel.
import AppLayout from '@cloudscape-design/components/app-layout';
import { useState } from 'react';
import { useHashRoute } from '../routing/use-hash-route';
import { PageForRoute } from '../pages/page-for-route';
import { useUiStore } from '../stores/ui-store';
import { JobsPanel } from './jobs-panel';
import { Notifications } from './notifications';
import { SideNav } from './side-nav';
import { TopBar } from './top-bar';
import { isMobileLayoutNow, useIsMobileLayout } from './use-mobile-layout';
import { MfaModal } from './accounts/mfa-modal';

export function AppShell() {
  const route = useHashRoute();
  const jobsPanelOpen = useUiStore((state) => state.jobsPanelOpen);
  const setJobsPanelOpen = useUiStore((state) => state.setJobsPanelOpen);
  const navigationOpen = useUiStore((state) => state.navigationOpen);
  const setNavigationOpen = useUiStore((state) => state.setNavigationOpen);
  // AppLayout closes the navigation itself when the window becomes narrow (mobile layout), and
  // reports it as a change like the user's own. Kept as the user's choice, that close outlived
  // the narrow window: back at desktop width the navigation stayed collapsed. So the mobile
  // layout's open/closed state is kept apart, and the user's desktop choice is changed only by
  // changes made at desktop width.
  const isMobile = useIsMobileLayout();
  const [mobileNavigationOpen, setMobileNavigationOpen] = useState(false);
  return (
    <>
      <div id="top-bar" style={{ position: 'sticky', top: 0, zIndex: 1002 }}>
        <TopBar />
      </div>
      <AppLayout
        headerSelector="#top-bar"
        navigation={<SideNav active={route} />}
        navigationOpen={isMobile ? mobileNavigationOpen : navigationOpen}
        onNavigationChange={({ detail }) =>
          // Asked now, not from the last render: AppLayout reports its close as the window narrows.
          isMobileLayoutNow() ? setMobileNavigationOpen(detail.open) : setNavigationOpen(detail.open)
        }
        notifications={<Notifications />}
        content={<PageForRoute route={route} />}
        toolsHide
        // The page keeps 900 px beside the navigation: where the jobs panel set beside the page
        // would leave it less, AppLayout puts the panel below instead (its forced position), so
        // tables never scroll sideways at 1280 px and up (issue L).
        minContentWidth={900}
        splitPanel={<JobsPanel />}
        splitPanelOpen={jobsPanelOpen}
        onSplitPanelToggle={({ detail }) => setJobsPanelOpen(detail.open)}
        ariaLabels={{
          navigation: 'Side navigation',
          navigationClose: 'Close side navigation',
          navigationToggle: 'Open side navigation',
          notifications: 'Notifications',
        }}
      />
      <MfaModal />
    </>
  );
}
