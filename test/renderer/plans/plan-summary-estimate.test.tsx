// The Plans page's summary shows durations in AWS time: on the sandbox account it says so, as the
// migration and AMI copy reviews do (issue L item 10, on every page that shows an estimate).
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlanSummaryPanel } from '../../../renderer/components/plans/plan-summary-panel';
import { useAccountsStore } from '../../../renderer/stores/accounts-store';
import { summarizePlan } from '../../../shared/plans/plan-summary';
import { plan } from '../migration/fixtures';
import { defaultHandlers, installFakeApi, uninstallFakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';

beforeEach(() => resetStores());
afterEach(() => uninstallFakeApi());

describe('Plan summary estimates', () => {
  it('are labelled as AWS time on the sandbox', async () => {
    const info = defaultHandlers()['app:info']!;
    installFakeApi({ 'app:info': (args) => ({ ...(info(args) as object), sandboxSpeed: 60 }) as never });
    useAccountsStore.setState({ selection: { profile: 'sandbox', region: 'us-west-2' } } as never);
    render(<PlanSummaryPanel plan={plan} summary={summarizePlan(plan)} />);
    expect(await screen.findByText(/Estimates are in AWS time; the sandbox runs 60× faster/)).toBeTruthy();
  });
});
