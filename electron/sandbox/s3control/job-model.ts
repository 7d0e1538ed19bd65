// S3 Batch Operations jobs as the sandbox keeps them (S3 user guide, "Tracking job status and
// completion reports"; S3 Control API reference, JobDescriptor). Kept per world beside it (not in
// the world's JSON state): jobs live on the simulated clock and are advanced when asked about
// (job-run.ts), like EC2's refresh.
import type { SandboxWorld } from '../world';

export type JobStatus =
  | 'New'
  | 'Preparing'
  | 'Suspended'
  | 'Ready'
  | 'Active'
  | 'Completing'
  | 'Complete'
  | 'Cancelling'
  | 'Cancelled'
  | 'Failing'
  | 'Failed';

export const TERMINAL: ReadonlySet<JobStatus> = new Set(['Complete', 'Cancelled', 'Failed']);

export interface CopyOperation {
  readonly targetBucket: string; // from TargetResource (arn:aws:s3:::bucket)
  readonly targetKeyPrefix?: string;
  readonly kmsKeyId?: string; // SSEAwsKmsKeyId
  readonly bucketKeyEnabled?: boolean;
  readonly storageClass?: string;
  readonly metadataDirective: 'COPY' | 'REPLACE';
  readonly newMetadata?: Readonly<Record<string, string>>; // user metadata with REPLACE
  readonly newContentType?: string;
  readonly sseAlgorithm?: 'AES256' | 'KMS'; // NewObjectMetadata.SSEAlgorithm
  readonly newTags?: readonly { Key: string; Value: string }[];
  readonly cannedAcl?: string;
}

export interface ManifestTask {
  readonly bucket: string;
  readonly key: string;
  readonly versionId?: string;
}

export interface TaskResult extends ManifestTask {
  readonly succeeded: boolean;
  readonly httpStatus: number;
  readonly errorCode: string;
  readonly message: string;
}

export interface ReportConfig {
  readonly enabled: boolean;
  readonly bucket?: string; // bucket name
  readonly prefix?: string;
  readonly scope: 'AllTasks' | 'FailedTasksOnly';
}

export interface BatchJob {
  readonly jobId: string;
  readonly accountId: string;
  readonly region: string;
  readonly arn: string;
  readonly description?: string;
  priority: number;
  readonly confirmationRequired: boolean;
  readonly roleArn: string;
  readonly clientRequestToken: string;
  readonly operation: CopyOperation;
  // The request's Manifest / ManifestGenerator as sent, echoed by DescribeJob.
  readonly manifestXml?: Record<string, unknown>;
  readonly generatorXml?: Record<string, unknown>;
  readonly operationXml: Record<string, unknown>;
  readonly reportXml: Record<string, unknown>;
  readonly report: ReportConfig;
  readonly creationTime: number;
  status: JobStatus;
  statusSince: number; // when the current status began (simulated ms)
  statusUpdateReason?: string;
  tasks?: ManifestTask[]; // known once Preparing ends
  results: TaskResult[];
  activeSince?: number;
  activeMs: number; // time spent Active before the current stretch
  terminationDate?: number;
  suspendedDate?: number;
  suspendedCause?: string;
  failureReasons: { FailureCode: string; FailureReason: string }[];
}

const jobsByWorld = new WeakMap<SandboxWorld, Map<string, BatchJob>>();

export function jobsOf(world: SandboxWorld): Map<string, BatchJob> {
  let jobs = jobsByWorld.get(world);
  if (!jobs) jobsByWorld.set(world, (jobs = new Map<string, BatchJob>()));
  return jobs;
}

// A scenario load or a reset starts the account again: no jobs.
export function forgetJobs(world: SandboxWorld): void {
  jobsByWorld.delete(world);
}
