// Diagnostics: findings (what is wrong, the facts behind it, why it matters, how to fix it), the
// report that gathers them, the user's intended keys and the journal of applied fixes. The JSON
// the CLI prints, the IPC carries and the data directory keeps; never a secret.
import { z } from 'zod';

export const severitySchema = z.enum(['critical', 'high', 'medium', 'low', 'info']);
export type Severity = z.infer<typeof severitySchema>;
// Most severe first.
export const severities: readonly Severity[] = severitySchema.options;
export const severityRank = (s: Severity): number => severities.length - severities.indexOf(s);
// True when `s` is at least as severe as `threshold`.
export const reaches = (s: Severity, threshold: Severity): boolean =>
  severityRank(s) >= severityRank(threshold);

export const checkIdSchema = z.enum([
  'ebs-default',
  'repeated-images',
  'key-health',
  'key-policy',
  's3-prefix',
  'images-snapshots',
]);
export type CheckId = z.infer<typeof checkIdSchema>;
export const checkTitles: Readonly<Record<CheckId, string>> = {
  'ebs-default': 'EBS encryption by default',
  'repeated-images': 'Repeated AMI creation',
  'key-health': 'Key health',
  'key-policy': 'Key policy',
  's3-prefix': 'S3 bucket prefix',
  'images-snapshots': 'Images and snapshots',
};

const regionName = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'a region name such as eu-west-1');

// The machine fixes the panel can apply, each behind a plan and a confirmation, each undoable.
export const diagnosticFixSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('enable-ebs-default'), region: regionName }),
  z.object({ type: z.literal('set-ebs-default-key'), region: regionName, keyId: z.string().min(1) }),
  z.object({
    type: z.literal('add-key-policy-statements'),
    region: regionName,
    keyArn: z.string().min(1),
    // Policy statements in IAM JSON form, added at the end of the key policy.
    statements: z.array(z.record(z.string(), z.unknown())).min(1),
  }),
  z.object({
    type: z.literal('set-bucket-encryption'),
    region: regionName,
    bucket: z.string().min(3),
    algorithm: z.enum(['AES256', 'aws:kms', 'aws:kms:dsse']),
    kmsKeyId: z.string().optional(),
    bucketKey: z.boolean().optional(),
  }),
]);
export type DiagnosticFix = z.infer<typeof diagnosticFixSchema>;

const evidenceValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const findingSchema = z.object({
  id: z.string(), // stable across runs: check:region:resource[:aspect]
  check: checkIdSchema,
  severity: severitySchema,
  title: z.string(),
  region: z.string(),
  resources: z.array(z.string()),
  evidence: z.record(z.string(), evidenceValue),
  why: z.string(),
  fix: z.object({
    text: z.string(),
    action: diagnosticFixSchema.optional(),
    // Generated key-policy statements (pretty JSON), for the reader to copy.
    statements: z.string().optional(),
  }),
});
export type Finding = z.infer<typeof findingSchema>;

export const intendedKeysSchema = z.object({
  ebsKey: z.string().max(2048).optional(),
  s3Key: z.string().max(2048).optional(),
  source: z.enum(['user', 'avi', 'kublr']).optional(),
});
export type IntendedKeys = z.infer<typeof intendedKeysSchema>;

export const DEFAULT_BUCKET_PREFIX = 'avi-se-';

export const diagnosticsSettingsSchema = z.object({
  // Per region; the key '*' applies to every region without its own entry.
  intended: z.record(z.string(), intendedKeysSchema),
  // 'avi-se-' (Avi's default) or '<prefix>-se-' for a custom obj_name_prefix.
  bucketPrefixes: z.array(z.string().min(1).max(63)),
  // Images of one name prefix this many hours apart or closer count as re-created.
  repeatWindowHours: z
    .number()
    .positive()
    .max(24 * 30),
});
export type DiagnosticsSettings = z.infer<typeof diagnosticsSettingsSchema>;
export const defaultDiagnosticsSettings: DiagnosticsSettings = {
  intended: {},
  bucketPrefixes: [DEFAULT_BUCKET_PREFIX],
  repeatWindowHours: 24,
};

export const intendedFor = (settings: DiagnosticsSettings, region: string): IntendedKeys =>
  settings.intended[region] ?? settings.intended['*'] ?? {};

export const importedConfigSchema = z.object({
  source: z.enum(['avi', 'kublr']),
  ebsKey: z.string().optional(),
  s3Key: z.string().optional(),
  bucketPrefix: z.string().optional(),
  notes: z.array(z.string()),
});
export type ImportedConfig = z.infer<typeof importedConfigSchema>;

export const severityCountsSchema = z.object({
  critical: z.number(),
  high: z.number(),
  medium: z.number(),
  low: z.number(),
  info: z.number(),
});

export const diagnosticsReportSchema = z.object({
  schema: z.literal('envelope.diagnostics/v1'),
  generatedAt: z.string(), // ISO 8601
  profile: z.string(),
  account: z.string(),
  caller: z.string(), // the caller's principal ARN
  regions: z.array(z.string()),
  intended: z.record(z.string(), intendedKeysSchema),
  bucketPrefixes: z.array(z.string()),
  findings: z.array(findingSchema),
  summary: severityCountsSchema,
  // Reads that failed (the checks that needed them say less).
  errors: z.array(z.object({ region: z.string(), what: z.string(), code: z.string(), message: z.string() })),
});
export type DiagnosticsReport = z.infer<typeof diagnosticsReportSchema>;

export const policyDiffLineSchema = z.object({ op: z.enum([' ', '+', '-']), text: z.string() });
export type PolicyDiffLine = z.infer<typeof policyDiffLineSchema>;

export const fixJournalEntrySchema = z.object({
  id: z.string(),
  planId: z.string(),
  planSha256: z.string(),
  title: z.string(),
  region: z.string(),
  fix: diagnosticFixSchema,
  // The state before the fix, as read just before applying it (the old key policy included).
  before: z.record(z.string(), z.unknown()),
  appliedAt: z.string(),
  undoneAt: z.string().optional(),
});
export type FixJournalEntry = z.infer<typeof fixJournalEntrySchema>;

export function countBySeverity(findings: readonly Finding[]): z.infer<typeof severityCountsSchema> {
  const counts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
