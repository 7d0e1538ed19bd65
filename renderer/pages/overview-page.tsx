import Box from '@cloudscape-design/components/box';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { IdentitySummary } from '../components/identity-summary';

export function OverviewPage() {
  return (
    <ContentLayout
      header={
        <Header variant="h1" description="Move EC2 instances, AMIs and S3 buckets to KMS encryption at rest.">
          Overview
        </Header>
      }
    >
      <SpaceBetween size="l">
        <IdentitySummary />
        <Box variant="p">
          This page will summarise the selected account: unencrypted volumes, snapshots and AMIs, the EBS
          default key per region, and the diagnostics that need attention.
        </Box>
      </SpaceBetween>
    </ContentLayout>
  );
}
