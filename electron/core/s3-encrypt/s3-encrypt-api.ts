// What the S3 re-encryption service offers its callers (IPC handlers, the CLI, the bench). The
// contract the UI, the CLI and the engines were built against in parallel; S3EncryptService
// (s3-encrypt-service.ts) implements it.
import type { KeyRecord } from '../../../shared/domain/inventory';
import type {
  EncryptionTally,
  S3EncryptPlanView,
  S3EncryptProgress,
  S3EncryptRequest,
  S3EncryptResult,
} from '../../../shared/domain/s3-encrypt';
import type { Plan } from '../../../shared/plans/plan-document';

export const S3_ENCRYPT_JOB_KIND = 's3-encrypt';

export interface S3Tally {
  readonly region: string;
  readonly tallies: EncryptionTally[];
  readonly tallyMethod: 'exact' | 'sampled';
  readonly tallyNote?: string;
}

export interface S3EncryptApi {
  tally(
    bucket: string,
    prefix: string | undefined,
    onProgress?: (p: S3EncryptProgress) => void,
  ): Promise<S3Tally>;
  keys(bucket: string): Promise<{ region: string; keys: KeyRecord[] }>;
  // Lists and reads the objects, checks the key, the bucket and (batch) the role, runs the
  // preflight; refuses bad input with an AppError that says what to fix before anything changes.
  plan(
    request: S3EncryptRequest,
    onProgress?: (p: S3EncryptProgress) => void,
  ): Promise<{ plan: Plan; view: S3EncryptPlanView }>;
  // Starts the job (journalled; resumed after a crash; cancelled through jobs:cancel). Refuses a
  // plan whose seal is broken or whose preflight has a denial.
  start(plan: Plan): Promise<string>;
  // Runs the plan to its end in this process (the CLI and the bench): the same job as start().
  run(
    plan: Plan,
    onProgress?: (p: S3EncryptProgress) => void,
    signal?: AbortSignal,
  ): Promise<S3EncryptResult>;
}
