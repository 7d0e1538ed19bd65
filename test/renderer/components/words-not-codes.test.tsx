// What a person reads is words and one time format: job kinds, migration states (status
// indicators), a finding's evidence and a plan's facts, never the internal code; times as local
// time with the zone. TZ is set here so the expected times do not depend on the machine.
import { render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../../shared/domain/diagnostics';
import { JobsPage } from '../../../renderer/pages/jobs-page';
import { FindingDetail } from '../../../renderer/components/diagnostics/finding-detail';
import { instanceColumns } from '../../../renderer/components/inventory/ec2-columns';
import { MigrationStatusIndicator } from '../../../renderer/components/migration/migration-status-indicator';
import { useJobsStore } from '../../../renderer/stores/jobs-store';
import { fakeJob, installFakeApi, uninstallFakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';

// vi.stubEnv sets process.env.TZ, which Node applies to Date and Intl at once.
beforeAll(() => {
  vi.stubEnv('TZ', 'Europe/Berlin');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe('words instead of codes', () => {
  beforeEach(() => resetStores());
  afterEach(() => uninstallFakeApi());

  it('shows a job’s times in the one format and never its kind’s code', () => {
    const scan = fakeJob({
      id: 'job-1',
      kind: 'inventory-scan',
      title: 'Inventory of us-west-2',
      state: 'done',
      progress: { value: 1, title: 'Done' },
      createdAt: Date.UTC(2026, 11, 4, 0, 23, 45),
      endedAt: Date.UTC(2026, 11, 4, 0, 24, 5),
    });
    installFakeApi({ 'jobs:list': () => ({ jobs: [scan] }) });
    useJobsStore.getState().replaceAll([scan]);
    render(<JobsPage />);
    // The Kind column is hidden by default; when shown it says jobKindLabel's words (labels test).
    expect(screen.queryByText('inventory-scan')).toBeNull();
    expect(screen.getByText('4 Dec 2026, 01:23:45 CET')).toBeTruthy();
    expect(screen.getByText('4 Dec 2026, 01:24:05 CET')).toBeTruthy();
  });

  it('draws a migration’s state as a status indicator with words', () => {
    const { container } = render(<MigrationStatusIndicator status="rolled-back" />);
    expect(within(container).getByText('Rolled back')).toBeTruthy();
    expect(container.textContent).not.toContain('rolled-back');
  });

  it('labels a finding’s evidence in words and names a related finding by its title', () => {
    const related: Finding = {
      id: 'ebs-default:us-west-2:ebs-default/us-west-2:mismatch',
      check: 'ebs-default',
      severity: 'high',
      title: 'The EBS default key is not the application’s key',
      region: 'us-west-2',
      resources: [],
      evidence: {},
      why: '',
      fix: { text: '' },
    };
    const finding: Finding = {
      ...related,
      id: 'repeated-images:us-west-2:ami-1:avi-se-',
      check: 'repeated-images',
      title: '3 AMIs named avi-se-… created within 2 h',
      evidence: {
        defaultKeyArn: 'arn:aws:kms:us-west-2:123456789012:key/def',
        encryptionByDefault: false,
        firstCreated: '2026-12-04T00:23:45.000Z',
        relatedFinding: related.id,
      },
    };
    render(<FindingDetail finding={finding} findings={[related, finding]} onPreviewFix={() => undefined} />);
    expect(screen.getByText('Default EBS key ARN')).toBeTruthy();
    expect(screen.getByText('EBS encryption by default')).toBeTruthy();
    expect(screen.getByText('no')).toBeTruthy();
    expect(screen.getByText('4 Dec 2026, 01:23:45 CET')).toBeTruthy();
    expect(screen.getByText(related.title)).toBeTruthy();
    for (const code of ['defaultKeyArn', 'encryptionByDefault', 'firstCreated', 'relatedFinding', related.id])
      expect(screen.queryByText(code)).toBeNull();
  });

  it('says an instance’s encryption in words', () => {
    const column = instanceColumns().find((c) => c.id === 'encryption');
    const instance = {
      id: 'i-1',
      state: 'running',
      type: 't3.micro',
      az: 'us-west-2a',
      imageId: 'ami-1',
      devices: [],
      encryption: 'none' as const,
      region: 'us-west-2',
    };
    const { container } = render(<>{column?.cell(instance)}</>);
    expect(container.textContent).toBe('Not encrypted');
  });
});
