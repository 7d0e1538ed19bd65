// A run's progress as the jobs panel and the tray show it: a value in 0..1 with a title and a
// detail in words (objects and GiB done), from the engine's S3EncryptProgress.
import type { JobProgress } from '../../../shared/domain/jobs';
import type { S3EncryptProgress } from '../../../shared/domain/s3-encrypt';

const GIB = 1024 ** 3;

const TITLES: Record<S3EncryptProgress['phase'], string> = {
  listing: 'Listing the objects',
  copying: 'Copying objects under the key',
  'batch-preparing': 'S3 Batch Operations is preparing the job',
  'batch-active': 'S3 Batch Operations is copying',
  'batch-report': 'Reading the completion report',
  done: 'Done',
};

export function jobProgressOf(p: S3EncryptProgress): Partial<JobProgress> {
  const value = p.objectsTotal > 0 ? Math.min(1, p.objectsDone / p.objectsTotal) : 0;
  const bytes =
    p.bytesTotal > 0 ? `, ${(p.bytesDone / GIB).toFixed(2)} of ${(p.bytesTotal / GIB).toFixed(2)} GiB` : '';
  const failed = p.failed > 0 ? `, ${p.failed} failed` : '';
  const batch = p.batchJobId ? ` (job ${p.batchJobId}${p.batchStatus ? `, ${p.batchStatus}` : ''})` : '';
  return {
    value,
    title: TITLES[p.phase],
    detail: `${p.objectsDone.toLocaleString('en-US')} of ${p.objectsTotal.toLocaleString('en-US')} objects${bytes}${failed}${batch}`,
  };
}
