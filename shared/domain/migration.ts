// The migration of EC2 instances' EBS volumes to a KMS key, as both sides see it: the request, the
// journal (written to disk before and after every AWS call, and sent to the renderer as the live
// view), and what each instance and volume went through. Pure data, no secrets.
import { z } from 'zod';

export const migrationStrategySchema = z.enum(['swap', 'rekey', 'replace']);
export type MigrationStrategy = z.infer<typeof migrationStrategySchema>;

export const migrationRequestSchema = z.object({
  instanceIds: z
    .array(z.string().regex(/^i-[0-9a-f]{8,17}$/))
    .min(1)
    .max(100),
  kmsKeyRef: z.string().min(1).max(300),
  strategy: migrationStrategySchema.default('swap'),
  // Replace strategy: confirm every node's swap without asking (scripts, `--yes`).
  autoConfirm: z.boolean().default(false),
});
export type MigrationRequest = z.input<typeof migrationRequestSchema>;

// The per-instance steps of the swap (and re-key) strategy, in order. Cleanup is separate: it runs
// only when the user confirms it after verification.
export const SWAP_STEPS = [
  'snapshot-online',
  'stop',
  'snapshot-final',
  'create-volumes',
  'detach',
  'attach',
  'delete-on-termination',
  'start',
  'verify',
] as const;
export const swapStepSchema = z.enum(SWAP_STEPS);
export type SwapStep = z.infer<typeof swapStepSchema>;

// The replace strategy (the seeds' cluster path), per instance. The image and its encrypted copy
// are made for every instance at once while they keep running; then node by node, in the order
// asked: launch the replacement, verify it, wait for the user to confirm the swap (they move the
// workload or the cluster membership over), and only then stop the original, which is kept.
export const REPLACE_STEPS = [
  'create-image',
  'copy-encrypted',
  'launch',
  'verify-replacement',
  'confirm',
  'stop-original',
] as const;
export type ReplaceStep = (typeof REPLACE_STEPS)[number];
// The steps done for every instance at once, before the node-by-node part.
export const REPLACE_ONLINE_STEPS: readonly ReplaceStep[] = ['create-image', 'copy-encrypted'];

export type MigrationStep = SwapStep | ReplaceStep;

export function stepsOf(strategy: MigrationStrategy): readonly MigrationStep[] {
  return strategy === 'replace' ? REPLACE_STEPS : SWAP_STEPS;
}

export const STEP_TITLES: Record<MigrationStep | 'rollback' | 'cleanup', string> = {
  'snapshot-online': 'Snapshot while running',
  stop: 'Stop the instance',
  'snapshot-final': 'Final incremental snapshot',
  'create-volumes': 'Create encrypted volumes',
  detach: 'Detach the originals',
  attach: 'Attach the replacements',
  'delete-on-termination': 'Restore DeleteOnTermination',
  start: 'Start the instance',
  verify: 'Verify',
  'create-image': 'Image the instance',
  'copy-encrypted': 'Copy the image encrypted',
  launch: 'Launch the replacement',
  'verify-replacement': 'Verify the replacement',
  confirm: 'Your confirmation',
  'stop-original': 'Stop the original',
  rollback: 'Roll back',
  cleanup: 'Clean up the originals',
};

// Steps whose AWS calls happen while the instance is stopped (the downtime window).
export const DOWNTIME_STEPS: readonly SwapStep[] = [
  'stop',
  'snapshot-final',
  'create-volumes',
  'detach',
  'attach',
  'delete-on-termination',
  'start',
];

const tagSchema = z.object({ Key: z.string(), Value: z.string() });

export const journalVolumeSchema = z.object({
  device: z.string(),
  originalVolumeId: z.string(),
  sizeGiB: z.number(),
  volumeType: z.string(),
  iops: z.number().optional(),
  throughput: z.number().optional(),
  multiAttachEnabled: z.boolean(),
  deleteOnTermination: z.boolean(),
  originalEncrypted: z.boolean(),
  originalKmsKeyArn: z.string().optional(),
  tags: z.array(tagSchema), // copied to the replacement (aws:* left out)
  onlineSnapshotId: z.string().optional(),
  finalSnapshotId: z.string().optional(),
  replacementVolumeId: z.string().optional(),
  replacementKmsKeyArn: z.string().optional(),
  // Failed replacement attempts (a volume that went from creating to deleted): part of the client token.
  attempt: z.number().int().nonnegative().optional(),
});
export type JournalVolume = z.infer<typeof journalVolumeSchema>;

// What the replace strategy needs to launch the replacement like the original, and what it made.
export const replaceStateSchema = z.object({
  subnetId: z.string().optional(),
  securityGroupIds: z.array(z.string()),
  instanceProfileArn: z.string().optional(),
  keyName: z.string().optional(),
  privateIp: z.string().optional(),
  tags: z.array(tagSchema), // the original's, aws:* and envelope:* left out
  sourceImageId: z.string().optional(),
  encryptedImageId: z.string().optional(),
  copyFraction: z.number().min(0).max(1).optional(),
  replacementInstanceId: z.string().optional(),
  replacementPrivateIp: z.string().optional(),
  confirmedAt: z.number().optional(),
});
export type ReplaceState = z.infer<typeof replaceStateSchema>;

export const stepRecordSchema = z.object({
  step: z.string(), // a MigrationStep, 'rollback' or 'cleanup'
  state: z.enum(['started', 'done', 'failed']),
  startedAt: z.number(), // ms since epoch
  endedAt: z.number().optional(),
  detail: z.string().optional(),
});
export type StepRecord = z.infer<typeof stepRecordSchema>;

export const instanceStatusSchema = z.enum([
  'pending',
  'running',
  'awaiting-confirmation', // replace: the replacement runs; the user confirms the swap
  'verified',
  'failed',
  'rolling-back',
  'rolled-back',
  'cleaned-up',
]);
export type InstanceStatus = z.infer<typeof instanceStatusSchema>;

// A failure as the person reads it: the code, AWS's or Envelope's sentence, and what to do.
export const migrationErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  hint: z.string().optional(),
});
export type MigrationError = z.infer<typeof migrationErrorSchema>;

export const journalInstanceSchema = z.object({
  instanceId: z.string(),
  name: z.string().optional(),
  // A clustered role that needs members migrated one at a time (e.g. 'avi-controller').
  clusterRole: z.string().optional(),
  instanceType: z.string(),
  availabilityZone: z.string(),
  rootDeviceName: z.string(),
  wasRunning: z.boolean(),
  status: instanceStatusSchema,
  volumes: z.array(journalVolumeSchema),
  skipped: z.array(z.object({ device: z.string(), volumeId: z.string(), reason: z.string() })),
  steps: z.array(stepRecordSchema),
  replace: replaceStateSchema.optional(),
  stoppedAt: z.number().optional(), // ms since epoch: StopInstances sent
  runningAt: z.number().optional(), // ms since epoch: running again
  // A rollback that had to stop the instance again (its swap had finished): its own downtime.
  rollbackStoppedAt: z.number().optional(),
  rollbackRunningAt: z.number().optional(),
  error: migrationErrorSchema.optional(),
});
export type JournalInstance = z.infer<typeof journalInstanceSchema>;

export const migrationStatusSchema = z.enum([
  'running',
  'interrupted', // the process ended mid-run: resumable
  'awaiting-confirmation', // replace: paused until the user confirms the next node's swap
  'verified', // every instance verified; originals kept until cleanup
  'failed', // stopped on an error; resume or roll back
  'rolled-back',
  'cleaned-up',
]);
export type MigrationStatus = z.infer<typeof migrationStatusSchema>;

export const JOURNAL_SCHEMA_ID = 'envelope.migration-journal/v1';

export const migrationJournalSchema = z.object({
  schema: z.literal(JOURNAL_SCHEMA_ID),
  id: z.string(), // mig-…: the tag value and the journal's file name
  profile: z.string(),
  region: z.string(),
  accountId: z.string(),
  strategy: migrationStrategySchema,
  keyArn: z.string(),
  keyLabel: z.string(),
  planSha256: z.string().optional(), // the plan made (live prechecks) when the run started
  // Run from an imported plan (`plan run`): the seal of the plan people reviewed; the drift check
  // found the live state as it describes, and planSha256 is the same plan re-made live.
  reviewedPlanSha256: z.string().optional(),
  autoConfirm: z.boolean().optional(),
  status: migrationStatusSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
  instances: z.array(journalInstanceSchema),
  error: migrationErrorSchema.optional(),
});
export type MigrationJournal = z.infer<typeof migrationJournalSchema>;

export const migrationSummarySchema = z.object({
  id: z.string(),
  region: z.string(),
  profile: z.string(),
  strategy: migrationStrategySchema,
  status: migrationStatusSchema,
  keyLabel: z.string(),
  instanceIds: z.array(z.string()),
  updatedAt: z.number(),
  resumable: z.boolean(),
  // Replace: the instance whose swap waits for the user's confirmation.
  awaitingInstanceId: z.string().optional(),
});
export type MigrationSummary = z.infer<typeof migrationSummarySchema>;

// Seconds the instance was (or has been, until `now`) down: stop sent → running again.
export function downtimeSeconds(instance: JournalInstance, now: number): number | undefined {
  if (instance.stoppedAt === undefined) return undefined;
  return Math.max(0, ((instance.runningAt ?? now) - instance.stoppedAt) / 1000);
}

// The instance (replace strategy) waiting for the user to confirm its swap, if any.
export function awaitingConfirmation(journal: MigrationJournal): JournalInstance | undefined {
  return journal.instances.find((i) => i.status === 'awaiting-confirmation');
}

export function isFinished(status: MigrationStatus): boolean {
  return status === 'verified' || status === 'rolled-back' || status === 'cleaned-up';
}
