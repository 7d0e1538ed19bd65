// Encrypted AMI copies: what the wizard, the CLI and the migration (replace strategy) ask for, the
// plan's human view, the live progress of one copy and its result. Pure, so the renderer previews
// names from the templates exactly as core renders them.
import { z } from 'zod';
import { blockDeviceSchema } from './inventory';

const regionName = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'a region name such as eu-west-1');
const imageId = z.string().regex(/^ami-[0-9a-f]{8,17}$/, 'an AMI id such as ami-0123456789abcdef0');

export const DEFAULT_NAME_TEMPLATE = '{name}-encrypted';
export const DEFAULT_DESCRIPTION_TEMPLATE = 'Encrypted copy of {id} ({name}) from {region}, {date}';

export const amiCopyRequestSchema = z.object({
  imageIds: z.array(imageId).min(1).max(100),
  sourceRegion: regionName,
  // Omitted or empty: the source region (an encrypted copy in place).
  destRegions: z.array(regionName).max(20).optional(),
  // Any key reference form; blank = the region's default EBS key (aws/ebs unless changed).
  kmsKeyRef: z.string().max(2048).optional(),
  nameTemplate: z.string().max(256).optional(),
  descriptionTemplate: z.string().max(512).optional(),
  copyTags: z.boolean().optional(), // CopyImageTags: the source AMI's user tags (own AMIs only)
});
export type AmiCopyRequest = z.infer<typeof amiCopyRequestSchema>;

export const templateFieldsSchema = z.object({
  name: z.string(),
  id: z.string(),
  region: z.string(), // the source region
  date: z.string(), // YYYY-MM-DD
});
export type TemplateFields = z.infer<typeof templateFieldsSchema>;

// {name}, {id}, {date}, {region}; anything else in braces is kept as written.
export function renderTemplate(template: string, fields: TemplateFields): string {
  return template.replace(/\{(name|id|date|region)\}/g, (_, key: keyof TemplateFields) => fields[key]);
}

// AMI names: 3–128 characters of letters, digits, ( ) [ ] space . / - ' @ _ (EC2 CopyImage Name).
const AMI_NAME = /^[A-Za-z0-9()[\] ./\-'@_]{3,128}$/;
export function amiNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 128) return `The AMI name “${name}” must be 3 to 128 characters long.`;
  if (!AMI_NAME.test(name))
    return `The AMI name “${name}” may hold only letters, digits, spaces and ( ) [ ] . / - ' @ _.`;
  return undefined;
}

export const sourceImageSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  region: z.string(),
  ownerId: z.string(),
  access: z.enum(['owned', 'shared', 'public']),
  state: z.string(),
  creationDate: z.string().optional(),
  blockDevices: z.array(blockDeviceSchema),
  tags: z.array(z.object({ key: z.string(), value: z.string() })),
  // One of the account's instances runs from it: listed without a search, even when public.
  instancesRunFrom: z.boolean().optional(),
});
export type SourceImage = z.infer<typeof sourceImageSchema>;

export const planKeySchema = z.object({
  arn: z.string(),
  keyId: z.string(),
  aliases: z.array(z.string()),
  region: z.string(),
  manager: z.enum(['AWS', 'CUSTOMER']),
  // How the key was chosen: typed by the user, or the region's default EBS key for a blank field.
  chosen: z.enum(['explicit', 'default']),
  // One sentence for the review: "alias/avi-cmk (customer managed, …)" or the aws/ebs sentence.
  summary: z.string(),
});
export type PlanKey = z.infer<typeof planKeySchema>;

export const plannedCopySchema = z.object({
  index: z.number(),
  sourceImageId: z.string(),
  sourceName: z.string(),
  sourceRegion: z.string(),
  destRegion: z.string(),
  name: z.string(),
  description: z.string(),
  copyTags: z.boolean(),
  kmsKeyArn: z.string(),
  clientToken: z.string(),
  totalGiB: z.number(),
  estimatedSeconds: z.number(),
  blockDevices: z.array(blockDeviceSchema),
});
export type PlannedCopy = z.infer<typeof plannedCopySchema>;

export const amiCopyPlanViewSchema = z.object({
  copies: z.array(plannedCopySchema),
  keys: z.array(planKeySchema), // one per destination region
  totalGiB: z.number(),
  estimatedSeconds: z.number(),
  copyRateGiBPerHour: z.number(),
  warnings: z.array(z.string()),
});
export type AmiCopyPlanView = z.infer<typeof amiCopyPlanViewSchema>;

export const snapshotProgressSchema = z.object({
  device: z.string(),
  snapshotId: z.string(),
  sizeGiB: z.number(),
  state: z.string(), // pending, completed, error
  fraction: z.number().min(0).max(1),
  message: z.string().optional(), // StateMessage when it failed
});
export type SnapshotProgress = z.infer<typeof snapshotProgressSchema>;

export const copyProgressSchema = z.object({
  jobId: z.string(),
  sourceImageId: z.string(),
  destRegion: z.string(),
  imageId: z.string().optional(), // the new AMI, once CopyImage answered
  imageState: z.string(), // queued, pending, available, failed
  snapshots: z.array(snapshotProgressSchema),
  fraction: z.number().min(0).max(1),
  secondsLeft: z.number().optional(),
});
export type CopyProgress = z.infer<typeof copyProgressSchema>;

export const snapshotKeySchema = z.object({
  device: z.string(),
  snapshotId: z.string(),
  encrypted: z.boolean(),
  kmsKeyArn: z.string().optional(),
  keyId: z.string().optional(),
  aliases: z.array(z.string()),
});
export type SnapshotKey = z.infer<typeof snapshotKeySchema>;

export const copyResultSchema = z.object({
  sourceImageId: z.string(),
  sourceRegion: z.string(),
  destRegion: z.string(),
  imageId: z.string(),
  name: z.string(),
  state: z.string(),
  blockDevices: z.array(blockDeviceSchema),
  blockDeviceText: z.array(z.string()), // the seeds' form, one per device
  snapshots: z.array(snapshotKeySchema),
  // Whether the caller's account owns the source AMI: only then is "Deregister source" offered
  // (only an AMI's owner can deregister it, DeregisterImage API reference).
  sourceOwned: z.boolean().optional(),
});
export type CopyResult = z.infer<typeof copyResultSchema>;

// What a cancelled or failed copy leaves behind, kept as the job's result until cleaned up.
export const partialCopySchema = z.object({
  partial: z.literal(true),
  sourceImageId: z.string(),
  sourceRegion: z.string(),
  destRegion: z.string(),
  imageId: z.string().optional(),
  snapshotIds: z.array(z.string()),
  cleanedUp: z.boolean(),
});
export type PartialCopy = z.infer<typeof partialCopySchema>;

// A duration in seconds as people say it: "40 s", "12 min", "2 h 5 min".
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
