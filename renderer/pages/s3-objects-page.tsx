// S3 objects: a bucket's objects by encryption, the plan that moves them under a KMS key, the run
// and its report. Opened from the navigation, or on a bucket (#/s3?bucket=B) from a Diagnostics S3
// finding or an Inventory bucket row, which counts its objects at once.
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect } from 'react';
import { BucketPicker } from '../components/s3-encrypt/bucket-picker';
import { KeyAndOptions } from '../components/s3-encrypt/key-and-options';
import { PlanReview } from '../components/s3-encrypt/plan-review';
import { S3EncryptRun } from '../components/s3-encrypt/s3-encrypt-run';
import { useBucketFromHash } from '../routing/s3-route';
import { useS3EncryptStore } from '../stores/s3-encrypt-store';

export function S3ObjectsPage() {
  const linkedBucket = useBucketFromHash();
  const jobId = useS3EncryptStore((s) => s.jobId);
  const skipped = useS3EncryptStore((s) =>
    s.plan.status === 'ready' ? s.plan.value.view.skipped : undefined,
  );
  const reset = useS3EncryptStore((s) => s.reset);
  useEffect(() => {
    const store = useS3EncryptStore.getState();
    if (!linkedBucket || linkedBucket === store.bucket) return;
    store.reset();
    store.setBucket(linkedBucket);
    void store.countObjects();
  }, [linkedBucket]);
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="Move the objects already in a bucket under a KMS key: a bucket's default encryption governs only new objects."
          actions={jobId ? <Button onClick={reset}>New re-encryption</Button> : null}
        >
          S3 objects
        </Header>
      }
    >
      {jobId ? (
        <S3EncryptRun jobId={jobId} {...(skipped ? { skipped } : {})} />
      ) : (
        <SpaceBetween size="l">
          <BucketPicker />
          <KeyAndOptions />
          <PlanReview />
        </SpaceBetween>
      )}
    </ContentLayout>
  );
}
