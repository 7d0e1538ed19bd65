// The inventory: what an account holds in a region and which key protects it. These schemas are
// the JSON the CLI prints, the IPC carries and the offline cache stores. Records are lean on
// purpose (50,000 of them must fit in a few tens of MB): ids, the fields the tables and the
// diagnostics read, nothing else of the SDK's answers.
import { z } from 'zod';

const keyArn = z.string(); // KMS key ARN as EBS reports it (DescribeVolumes always gives the ARN)

export const encryptionSummarySchema = z.enum(['all', 'partial', 'none', 'unknown']);
export type EncryptionSummary = z.infer<typeof encryptionSummarySchema>;

export const instanceRecordSchema = z.object({
  id: z.string(),
  name: z.string().optional(), // Name tag
  state: z.string(),
  type: z.string(),
  az: z.string(),
  imageId: z.string(),
  launchTime: z.number().optional(), // ms since epoch
  rootDevice: z.string().optional(),
  devices: z.array(z.object({ device: z.string(), volumeId: z.string() })),
  // Of its EBS volumes: all encrypted, some, none ('unknown' when a volume was not found).
  encryption: encryptionSummarySchema,
  asg: z.string().optional(), // aws:autoscaling:groupName tag
});
export type InstanceRecord = z.infer<typeof instanceRecordSchema>;

export const volumeAttachmentSchema = z.object({
  instanceId: z.string(),
  device: z.string(),
  state: z.string(),
  deleteOnTermination: z.boolean().optional(),
});

export const volumeRecordSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  sizeGiB: z.number(),
  type: z.string(),
  iops: z.number().optional(),
  throughput: z.number().optional(), // MiB/s
  az: z.string(),
  state: z.string(),
  encrypted: z.boolean(),
  kmsKeyId: keyArn.optional(),
  snapshotId: z.string().optional(),
  multiAttach: z.boolean().optional(),
  attachments: z.array(volumeAttachmentSchema),
});
export type VolumeRecord = z.infer<typeof volumeRecordSchema>;

export const snapshotRecordSchema = z.object({
  id: z.string(),
  volumeId: z.string(), // 'vol-ffffffff' for copies, as AWS reports them
  sizeGiB: z.number(),
  state: z.string(),
  progress: z.string(), // "NN%" as AWS reports it
  encrypted: z.boolean(),
  kmsKeyId: keyArn.optional(),
  startTime: z.number().optional(),
  description: z.string().optional(),
});
export type SnapshotRecord = z.infer<typeof snapshotRecordSchema>;

export const blockDeviceSchema = z.object({
  device: z.string(),
  snapshotId: z.string().optional(),
  sizeGiB: z.number().optional(),
  deleteOnTermination: z.boolean().optional(),
  volumeType: z.string().optional(),
  encrypted: z.boolean().optional(),
  // For a launch template, as its version says. For an AMI, its snapshot's key ARN: DescribeImages
  // never gives the key (EC2 API reference, EbsBlockDevice), so the scan reads the snapshots.
  kmsKeyId: z.string().optional(),
  // Why an encrypted AMI device's key is unknown (its snapshot is not shared with this account…).
  kmsKeyUnknown: z.string().optional(),
  virtualName: z.string().optional(), // ephemeralN (instance store)
});
export type BlockDevice = z.infer<typeof blockDeviceSchema>;

export const imageRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  state: z.string(),
  ownerId: z.string(),
  // false for an AMI of another account that an instance here runs from (public or shared).
  owned: z.boolean(),
  isPublic: z.boolean(),
  rootDevice: z.string().optional(),
  creationDate: z.string().optional(),
  blockDevices: z.array(blockDeviceSchema),
});
export type ImageRecord = z.infer<typeof imageRecordSchema>;

export const launchTemplateRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  defaultVersion: z.number(),
  latestVersion: z.number(),
  imageId: z.string().optional(), // of the default version
  instanceType: z.string().optional(),
  blockDevices: z.array(blockDeviceSchema), // of the default version
});
export type LaunchTemplateRecord = z.infer<typeof launchTemplateRecordSchema>;

export const autoScalingGroupRecordSchema = z.object({
  name: z.string(),
  arn: z.string(),
  launchTemplate: z.object({ id: z.string(), name: z.string(), version: z.string() }).optional(),
  launchConfiguration: z.string().optional(),
  min: z.number(),
  max: z.number(),
  desired: z.number(),
  instanceIds: z.array(z.string()),
  serviceLinkedRoleArn: z.string().optional(),
});
export type AutoScalingGroupRecord = z.infer<typeof autoScalingGroupRecordSchema>;

export const keyManagerSchema = z.enum(['AWS', 'CUSTOMER']);

export const keyRecordSchema = z.object({
  arn: z.string(),
  keyId: z.string(),
  account: z.string(),
  aliases: z.array(z.string()), // alias names, 'alias/…'
  state: z.string(), // Enabled, Disabled, PendingDeletion, …
  spec: z.string(), // SYMMETRIC_DEFAULT, RSA_2048, …
  usage: z.string().optional(),
  manager: keyManagerSchema,
  // Automatic rotation; undefined when it does not apply or could not be read.
  rotation: z.boolean().optional(),
  description: z.string().optional(),
  deletionDate: z.number().optional(),
  multiRegion: z.boolean().optional(),
});
export type KeyRecord = z.infer<typeof keyRecordSchema>;

export const ebsDefaultsSchema = z.object({
  encryptionByDefault: z.boolean(),
  // As GetEbsDefaultKmsKeyId answers: a key ARN, or 'alias/aws/ebs' when none was chosen.
  // Absent when that call was refused or not answered; defaultKmsKeyError then says why.
  defaultKmsKeyId: z.string().optional(),
  defaultKmsKeyError: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type EbsDefaults = z.infer<typeof ebsDefaultsSchema>;

export const bucketEncryptionSchema = z.object({
  algorithm: z.string(), // AES256, aws:kms, aws:kms:dsse
  kmsKeyId: z.string().optional(),
  bucketKey: z.boolean().optional(),
});

export const bucketRecordSchema = z.object({
  name: z.string(),
  creationDate: z.number().optional(),
  // undefined = no default encryption configuration (ServerSideEncryptionConfigurationNotFoundError)
  encryption: bucketEncryptionSchema.optional(),
  versioning: z.enum(['Enabled', 'Suspended', 'Unversioned']),
});
export type BucketRecord = z.infer<typeof bucketRecordSchema>;

export const resourceKindSchema = z.enum([
  'instances',
  'volumes',
  'snapshots',
  'images',
  'launchTemplates',
  'autoScalingGroups',
  'keys',
  'ebsDefaults',
  'buckets',
]);
export type ResourceKind = z.infer<typeof resourceKindSchema>;
export const resourceKinds: readonly ResourceKind[] = resourceKindSchema.options;

export const kindTitles: Readonly<Record<ResourceKind, string>> = {
  instances: 'Instances',
  volumes: 'Volumes',
  snapshots: 'Snapshots',
  images: 'AMIs',
  launchTemplates: 'Launch templates',
  autoScalingGroups: 'Auto Scaling groups',
  keys: 'KMS keys',
  ebsDefaults: 'EBS defaults',
  buckets: 'S3 buckets',
};

export const apiErrorLikeSchema = z.object({
  code: z.string(),
  message: z.string(),
  hint: z.string().optional(),
});

export const regionInventorySchema = z.object({
  account: z.string(),
  region: z.string(),
  scannedAt: z.number(), // ms since epoch: when this region's scan finished
  // 'cache': read from the app's data directory; `offline` says why the live scan was not used.
  source: z.enum(['live', 'cache']),
  offline: apiErrorLikeSchema.optional(),
  instances: z.array(instanceRecordSchema),
  volumes: z.array(volumeRecordSchema),
  snapshots: z.array(snapshotRecordSchema),
  images: z.array(imageRecordSchema),
  launchTemplates: z.array(launchTemplateRecordSchema),
  autoScalingGroups: z.array(autoScalingGroupRecordSchema),
  keys: z.array(keyRecordSchema),
  ebsDefaults: ebsDefaultsSchema.optional(),
  buckets: z.array(bucketRecordSchema),
  // Kinds that could not be read (AccessDenied on one service, say); the others are complete.
  errors: z.array(apiErrorLikeSchema.extend({ kind: resourceKindSchema })),
});
export type RegionInventory = z.infer<typeof regionInventorySchema>;

export const inventorySchema = z.object({
  profile: z.string(),
  account: z.string().optional(), // unknown when offline with no cache
  regions: z.array(regionInventorySchema),
  // Regions asked for that have neither a scan in this session nor a cached copy.
  missing: z.array(z.string()),
});
export type Inventory = z.infer<typeof inventorySchema>;

export const emptyRegionInventory = (
  account: string,
  region: string,
  scannedAt: number,
): RegionInventory => ({
  account,
  region,
  scannedAt,
  source: 'live',
  instances: [],
  volumes: [],
  snapshots: [],
  images: [],
  launchTemplates: [],
  autoScalingGroups: [],
  keys: [],
  buckets: [],
  errors: [],
});

// The resources a region's inventory holds, as the summaries and the benchmarks count them.
export const resourceCount = (r: {
  readonly instances: readonly unknown[];
  readonly volumes: readonly unknown[];
  readonly snapshots: readonly unknown[];
  readonly images: readonly unknown[];
  readonly keys: readonly unknown[];
  readonly buckets: readonly unknown[];
}): number =>
  r.instances.length +
  r.volumes.length +
  r.snapshots.length +
  r.images.length +
  r.keys.length +
  r.buckets.length;
