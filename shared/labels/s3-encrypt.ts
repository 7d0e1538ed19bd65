// S3 re-encryption in words: a run's phases and the batch role's status, for the S3 objects page
// and the CLI alike (a Record per code makes a missing label a compile error).
import type { S3EncryptPlanView, S3EncryptProgress } from '../domain/s3-encrypt';

export const s3PhaseLabels: Readonly<Record<S3EncryptProgress['phase'], string>> = {
  listing: 'Listing the objects',
  copying: 'Copying each object over itself under the new key',
  'batch-preparing': 'Creating the S3 Batch Operations job',
  'batch-active': 'S3 Batch Operations is copying the objects',
  'batch-report': 'Reading the job’s completion report',
  done: 'Finished',
};

type BatchRoleStatus = NonNullable<S3EncryptPlanView['batchRole']>['status'];

export const batchRoleStatusLabels: Readonly<Record<BatchRoleStatus, string>> = {
  ok: 'Able to run the job',
  missing: 'No role, or not found',
  'lacks-permissions': 'Lacks permissions',
  unchecked: 'Not checked',
};
