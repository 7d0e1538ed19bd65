// Diagnostics asks for the intended key when the default-key check needs it: a warning above the
// findings names the regions without one and takes the person to the Intended keys tab; once a key
// is known for every region of the report, nothing is asked.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countBySeverity, type DiagnosticsReport, type Finding } from '../../../shared/domain/diagnostics';
import { DiagnosticsPage } from '../../../renderer/pages/diagnostics-page';
import { regionsWithoutIntendedKey } from '../../../renderer/components/diagnostics/intended-keys-needed';
import { useDiagnosticsStore } from '../../../renderer/stores/diagnostics-store';
import { installFakeApi, uninstallFakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';
import { stubMatchMedia } from '../stub-match-media';

const suspected: Finding = {
  id: 'ebs-default:us-west-2:ebs-default/us-west-2:mismatch-suspected',
  check: 'ebs-default',
  severity: 'high',
  title: 'Images are rebuilt under the EBS default key alias/lab-ebs',
  region: 'us-west-2',
  resources: ['ebs-default/us-west-2'],
  evidence: { intendedKey: 'not set' },
  why: 'Images keep being rebuilt.',
  fix: { text: 'Set the intended key for this region.' },
};
const base: DiagnosticsReport = {
  schema: 'envelope.diagnostics/v1',
  generatedAt: '2026-01-01T00:00:00.000Z',
  profile: 'sandbox',
  account: '123456789012',
  caller: 'arn:aws:iam::123456789012:user/sandbox-admin',
  regions: ['us-west-2', 'us-east-1'],
  intended: { 'us-east-1': { ebsKey: 'alias/avi-cmk', source: 'avi' } },
  bucketPrefixes: ['avi-se-'],
  findings: [suspected],
  summary: countBySeverity([suspected]),
  errors: [],
};

function install(report: DiagnosticsReport) {
  return installFakeApi({
    'diagnostics:report': () => ({ report }),
    'diagnostics:getSettings': () => ({
      intended: report.intended,
      bucketPrefixes: ['avi-se-'],
      repeatWindowHours: 24,
    }),
    'diagnostics:journal': () => ({ entries: [] }),
  });
}

const initial = useDiagnosticsStore.getState();

describe('Diagnostics asks for the intended key when a check needs it', () => {
  beforeEach(() => {
    resetStores();
    useDiagnosticsStore.setState(initial, true);
    stubMatchMedia();
  });
  afterEach(uninstallFakeApi);

  it('names the regions without an intended key; the "every region" key counts for all', () => {
    expect(regionsWithoutIntendedKey(base)).toEqual(['us-west-2']);
    expect(
      regionsWithoutIntendedKey({ ...base, intended: { '*': { ebsKey: 'alias/x', source: 'user' } } }),
    ).toEqual([]);
  });

  it('warns above the findings and opens the Intended keys tab', async () => {
    install(base);
    render(<DiagnosticsPage />);
    expect(await screen.findByText('1 finding can only suspect a default-key mismatch')).toBeTruthy();
    expect(screen.getByText(/nobody has said which key that is in us-west-2\./)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Set intended keys' }));
    const tab = screen.getByRole('tab', { name: 'Intended keys' });
    expect(tab.getAttribute('aria-selected')).toBe('true');
  });

  it('asks nothing once every region has an intended key', async () => {
    const report = { ...base, intended: { '*': { ebsKey: 'alias/avi-cmk', source: 'user' as const } } };
    install({ ...report, findings: [], summary: countBySeverity([]) });
    render(<DiagnosticsPage />);
    await screen.findByText('Summary');
    expect(screen.queryByRole('button', { name: 'Set intended keys' })).toBeNull();
  });
});
