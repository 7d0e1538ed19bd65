// The top bar: the account selector (profiles, sandbox always among them) with the caller
// identity, the region selector, and the button that opens the jobs panel.
import TopNavigation, { type TopNavigationProps } from '@cloudscape-design/components/top-navigation';
import type { Identity } from '../../shared/domain/accounts';
import { profileKindLabels } from '../../shared/labels/accounts';
import { hrefFor } from '../routing/routes';
import { useAccountsStore } from '../stores/accounts-store';
import { selectActiveJobCount, useJobsStore } from '../stores/jobs-store';
import type { LoadState } from '../stores/load-state';
import { useUiStore } from '../stores/ui-store';
import { useCountdown } from './accounts/use-countdown';

const identityText = (identity: LoadState<Identity>): string => {
  switch (identity.status) {
    case 'ready':
      return `Account ${identity.value.accountId} · ${identity.value.arn}`;
    case 'error':
      return identity.error.message;
    default:
      return 'Reading the caller identity…';
  }
};

export function TopBar() {
  const profiles = useAccountsStore((state) => state.profiles);
  const selection = useAccountsStore((state) => state.selection);
  const identity = useAccountsStore((state) => state.identity);
  const regions = useAccountsStore((state) => state.regions);
  const select = useAccountsStore((state) => state.select);
  const activeJobs = useJobsStore(selectActiveJobCount);
  const jobsPanelOpen = useUiStore((state) => state.jobsPanelOpen);
  const setJobsPanelOpen = useUiStore((state) => state.setJobsPanelOpen);

  const profile = selection?.profile;
  const accountId = identity.status === 'ready' ? identity.value.accountId : undefined;
  // Temporary credentials (SSO, assumed roles, MFA sessions): how long until they expire.
  const expiresIn = useCountdown(identity.status === 'ready' ? identity.value.expiresAt : undefined);

  const account: TopNavigationProps.MenuDropdownUtility = {
    type: 'menu-dropdown',
    text: accountId
      ? `${profile} · ${accountId}${expiresIn ? ` · expires in ${expiresIn}` : ''}`
      : (profile ?? 'Account'),
    ariaLabel: `Account: ${profile ?? 'none selected'}`,
    iconName: 'user-profile',
    title: profile ?? 'Account',
    description: identityText(identity),
    disableUtilityCollapse: true,
    items:
      profiles.status === 'ready'
        ? profiles.value.profiles.map((p) => ({
            id: p.name,
            text: p.name,
            secondaryText: [profileKindLabels[p.kind], p.region].filter(Boolean).join(' · '),
            ...(p.name === profile ? { iconName: 'check' as const } : {}),
          }))
        : [{ id: 'loading', text: 'Loading profiles…', disabled: true }],
    onItemClick: ({ detail }) => {
      if (detail.id !== profile) void select(detail.id);
    },
  };

  const region: TopNavigationProps.MenuDropdownUtility = {
    type: 'menu-dropdown',
    text: selection?.region ?? 'Region',
    ariaLabel: `Region: ${selection?.region ?? 'none selected'}`,
    iconName: 'globe',
    title: 'Region',
    disableUtilityCollapse: true,
    items:
      regions.status === 'ready'
        ? regions.value.map((r) => ({
            id: r.name,
            text: r.name,
            ...(r.name === selection?.region ? { iconName: 'check' as const } : {}),
            ...(r.optInStatus === 'not-opted-in'
              ? { disabled: true, disabledReason: 'This region is not enabled for the account.' }
              : {}),
          }))
        : [
            {
              id: 'loading',
              text: regions.status === 'error' ? regions.error.message : 'Loading regions…',
              disabled: true,
            },
          ],
    onItemClick: ({ detail }) => {
      if (profile && detail.id !== selection?.region) void select(profile, detail.id);
    },
  };

  const jobs: TopNavigationProps.ButtonUtility = {
    type: 'button',
    text: activeJobs > 0 ? `Jobs (${activeJobs} running)` : 'Jobs',
    iconName: 'status-in-progress',
    badge: activeJobs > 0,
    ariaLabel: jobsPanelOpen ? 'Hide the jobs panel' : 'Show the jobs panel',
    disableUtilityCollapse: true,
    onClick: () => setJobsPanelOpen(!jobsPanelOpen),
  };

  return (
    <TopNavigation
      identity={{ href: hrefFor('overview'), title: 'Envelope' }}
      utilities={[account, region, jobs]}
      i18nStrings={{ overflowMenuTriggerText: 'More', overflowMenuTitleText: 'All' }}
    />
  );
}
