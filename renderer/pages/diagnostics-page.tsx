// Diagnostics: run the checks (a job), read the findings by severity and check, open one for its
// evidence, why and fix, preview a fix as a plan and apply it (with Undo), set or import the
// intended keys, and export the report as HTML or JSON.
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Tabs from '@cloudscape-design/components/tabs';
import { useEffect, useState } from 'react';
import { severities, type DiagnosticsReport } from '../../shared/domain/diagnostics';
import { formatTime } from '../../shared/format/time';
import { ErrorAlert } from '../components/error-alert';
import { ConfigImport } from '../components/diagnostics/config-import';
import { downloadText } from '../components/diagnostics/download';
import { FindingDetail } from '../components/diagnostics/finding-detail';
import { FindingsTable } from '../components/diagnostics/findings-table';
import { FixJournal } from '../components/diagnostics/fix-journal';
import { FixPreviewModal } from '../components/diagnostics/fix-preview-modal';
import { IntendedKeysNeeded } from '../components/diagnostics/intended-keys-needed';
import { IntendedKeysPanel } from '../components/diagnostics/intended-keys-panel';
import { SeverityBadge } from '../components/diagnostics/severity-badge';
import { useAccountsStore } from '../stores/accounts-store';
import { useDiagnosticsStore } from '../stores/diagnostics-store';
import { useJobsStore } from '../stores/jobs-store';

function Summary({ report }: { readonly report: DiagnosticsReport }) {
  return (
    <Container
      header={
        <Header
          variant="h2"
          description={`Account ${report.account} · ${report.regions.join(', ')} · ${formatTime(report.generatedAt)}`}
        >
          Summary
        </Header>
      }
    >
      <ColumnLayout columns={5} variant="text-grid">
        {severities.map((s) => (
          <div key={s}>
            <SeverityBadge severity={s} />
            <Box variant="awsui-value-large">{report.summary[s]}</Box>
          </div>
        ))}
      </ColumnLayout>
    </Container>
  );
}

function Findings({
  report,
  onOpenIntendedKeys,
}: {
  readonly report: DiagnosticsReport;
  readonly onOpenIntendedKeys: () => void;
}) {
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const previewFix = useDiagnosticsStore((s) => s.previewFix);
  const selected = report.findings.find((f) => f.id === selectedId);
  return (
    <SpaceBetween size="l">
      <IntendedKeysNeeded report={report} onOpenIntendedKeys={onOpenIntendedKeys} />
      <Summary report={report} />
      <FindingsTable findings={report.findings} selectedId={selectedId} onSelect={setSelectedId} />
      {selected ? (
        <FindingDetail
          finding={selected}
          findings={report.findings}
          onPreviewFix={(id) => void previewFix(id)}
        />
      ) : null}
    </SpaceBetween>
  );
}

export function DiagnosticsPage() {
  const reportState = useDiagnosticsStore((s) => s.report);
  const settings = useDiagnosticsStore((s) => s.settings);
  const journal = useDiagnosticsStore((s) => s.journal);
  const load = useDiagnosticsStore((s) => s.load);
  const run = useDiagnosticsStore((s) => s.run);
  const exportReport = useDiagnosticsStore((s) => s.exportReport);
  const runJobId = useDiagnosticsStore((s) => s.runJobId);
  const running = useJobsStore(
    (s) => s.jobs.status === 'ready' && s.jobs.value.some((j) => j.id === runJobId && j.state === 'running'),
  );
  const region = useAccountsStore((s) => s.selection?.region) ?? 'us-east-1';
  const [tab, setTab] = useState('findings');
  useEffect(() => {
    void load();
  }, [load]);
  const report = reportState.status === 'ready' ? reportState.value : undefined;
  const download = async (format: 'html' | 'json') => {
    const file = await exportReport(format);
    if (file) downloadText(file.filename, file.mimeType, file.content);
  };
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="EBS default keys, key health and policies, S3 prefix buckets, repeated and shared AMIs — each finding with its evidence and a fix."
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button disabled={!report} onClick={() => void download('json')}>
                Export JSON
              </Button>
              <Button disabled={!report} onClick={() => void download('html')}>
                Export HTML
              </Button>
              <Button variant="primary" loading={running} onClick={() => void run()}>
                Run diagnostics
              </Button>
            </SpaceBetween>
          }
        >
          Diagnostics
        </Header>
      }
    >
      <SpaceBetween size="l">
        {reportState.status === 'error' ? <ErrorAlert error={reportState.error} /> : null}
        <Tabs
          activeTabId={tab}
          onChange={({ detail }) => setTab(detail.activeTabId)}
          tabs={[
            {
              id: 'findings',
              label: 'Findings',
              content:
                reportState.status === 'loading' ? (
                  <Spinner size="large" />
                ) : report ? (
                  <Findings report={report} onOpenIntendedKeys={() => setTab('settings')} />
                ) : (
                  <Box textAlign="center" padding="l">
                    No report yet. Run the diagnostics.
                  </Box>
                ),
            },
            {
              id: 'settings',
              label: 'Intended keys',
              content:
                settings.status === 'ready' ? (
                  <SpaceBetween size="l">
                    <IntendedKeysPanel
                      key={JSON.stringify(settings.value)}
                      settings={settings.value}
                      region={region}
                    />
                    <ConfigImport region={region} />
                  </SpaceBetween>
                ) : (
                  <Spinner />
                ),
            },
            { id: 'journal', label: 'Applied fixes', content: <FixJournal entries={journal} /> },
          ]}
        />
      </SpaceBetween>
      <FixPreviewModal />
    </ContentLayout>
  );
}
