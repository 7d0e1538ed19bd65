// The S3 objects page opens on a bucket from a Diagnostics S3 finding and from a bucket row in
// Inventory (#/s3?bucket=B), and the address names the bucket back.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FindingDetail } from '../../../renderer/components/diagnostics/finding-detail';
import { bucketColumns } from '../../../renderer/components/inventory/other-columns';
import { bucketFromHash, hrefForBucket } from '../../../renderer/routing/s3-route';
import type { Finding } from '../../../shared/domain/diagnostics';
import { BUCKET } from './fixtures';

const finding = (check: Finding['check']): Finding => ({
  id: `${check}:us-west-2:${BUCKET}`,
  check,
  severity: 'high',
  region: 'us-west-2',
  title: `Bucket ${BUCKET} has no default encryption`,
  resources: [BUCKET],
  evidence: { bucket: BUCKET },
  why: 'Objects uploaded without their own header are stored as the bucket says.',
  fix: { text: 'Set default encryption.' },
});

describe('entry points to the S3 objects page', () => {
  it('round-trips a bucket through the address', () => {
    expect(hrefForBucket(BUCKET)).toBe(`#/s3?bucket=${BUCKET}`);
    expect(bucketFromHash(hrefForBucket(BUCKET))).toBe(BUCKET);
    expect(bucketFromHash('#/s3')).toBeUndefined();
    expect(bucketFromHash('#/inventory?bucket=x')).toBeUndefined();
  });

  it('offers "Re-encrypt objects…" on an S3 finding about a bucket, and only there', () => {
    const { unmount } = render(
      <FindingDetail finding={finding('s3-prefix')} onPreviewFix={() => undefined} />,
    );
    expect(screen.getByText('Re-encrypt objects…').closest('a')?.getAttribute('href')).toBe(
      `#/s3?bucket=${BUCKET}`,
    );
    unmount();
    render(<FindingDetail finding={finding('key-health')} onPreviewFix={() => undefined} />);
    expect(screen.queryByText('Re-encrypt objects…')).toBeNull();
  });

  it('links each Inventory bucket row to its objects', () => {
    const column = bucketColumns(new Map()).find((c) => c.id === 'objects');
    const row = { name: BUCKET, versioning: 'Enabled' as const, region: 'us-west-2' };
    render(<>{column?.cell(row)}</>);
    expect(screen.getByText('Re-encrypt objects…').closest('a')?.getAttribute('href')).toBe(
      `#/s3?bucket=${BUCKET}`,
    );
  });
});
