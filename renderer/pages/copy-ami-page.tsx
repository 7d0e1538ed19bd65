// Copy AMI: the wizard, then the copies it started (each also a job in the jobs panel and tray).
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect } from 'react';
import { CopyRun } from '../components/ami-copy/copy-run';
import { CopyWizard } from '../components/ami-copy/copy-wizard';
import { useAccountsStore } from '../stores/accounts-store';
import { useAmiCopyStore } from '../stores/ami-copy-store';

export function CopyAmiPage() {
  const region = useAccountsStore((s) => s.selection?.region);
  const regions = useAccountsStore((s) => s.regions.status);
  const loadRegions = useAccountsStore((s) => s.loadRegions);
  const sourceRegion = useAmiCopyStore((s) => s.sourceRegion);
  const setSourceRegion = useAmiCopyStore((s) => s.setSourceRegion);
  const jobIds = useAmiCopyStore((s) => s.jobIds);
  const reset = useAmiCopyStore((s) => s.reset);
  useEffect(() => {
    if (region && region !== sourceRegion) setSourceRegion(region);
  }, [region, sourceRegion, setSourceRegion]);
  useEffect(() => {
    if (regions === 'idle') void loadRegions();
  }, [regions, loadRegions]);
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="Copy AMIs encrypted with the KMS key you choose, to one or more regions."
          actions={jobIds.length > 0 ? <Button onClick={reset}>New copy</Button> : null}
        >
          Copy AMI
        </Header>
      }
    >
      {jobIds.length === 0 ? (
        <CopyWizard />
      ) : (
        <SpaceBetween size="l">
          {jobIds.map((id) => (
            <CopyRun key={id} jobId={id} />
          ))}
        </SpaceBetween>
      )}
    </ContentLayout>
  );
}
