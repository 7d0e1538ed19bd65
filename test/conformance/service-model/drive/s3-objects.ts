// S3 objects as the S3 re-encryption planner reads them on avi-lab (electron/core/s3-encrypt): the
// bucket's request payment (Requester Pays is refused), the current objects through
// the ListObjectsV2 paginator, every version through ListObjectVersions, and HeadObject of a
// current object and of an older version.
import {
  GetBucketRequestPaymentCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  paginateListObjectsV2,
} from '@aws-sdk/client-s3';
import type { AviLabIds } from '../../../../electron/sandbox/scenarios/avi-lab';
import { allPages, type DriveContext } from './context';

export async function driveS3Objects(ctx: DriveContext, ids: AviLabIds): Promise<void> {
  const { s3 } = ctx;
  const Bucket = ids.seBucket;
  await s3.send(new GetBucketRequestPaymentCommand({ Bucket }));
  const pages = await allPages(
    paginateListObjectsV2({ client: s3, pageSize: 7 }, { Bucket, Prefix: 'se-images/' }),
  );
  const first = pages[0]?.Contents?.[0]?.Key ?? '';
  await s3.send(new HeadObjectCommand({ Bucket, Key: first }));
  const versions = await s3.send(new ListObjectVersionsCommand({ Bucket, MaxKeys: 5 }));
  const older = versions.Versions?.find((v) => !v.IsLatest);
  if (older?.Key && older.VersionId)
    await s3.send(new HeadObjectCommand({ Bucket, Key: older.Key, VersionId: older.VersionId }));
  if (versions.IsTruncated)
    await s3.send(
      new ListObjectVersionsCommand({
        Bucket,
        MaxKeys: 5,
        KeyMarker: versions.NextKeyMarker,
        VersionIdMarker: versions.NextVersionIdMarker,
      }),
    );
}
