// A finding's evidence in words: each key the checks in electron/core/diagnostics/checks write has
// a label here (the Record makes a missing one a compile error, and makeFinding accepts no other
// key), and values that are times, yes/no or another finding are said as such. Keys shaped like an
// IAM action ("kms:Decrypt", "s3:ListBucketVersions") are AWS's own names and are shown as they are.
import type { Finding, IntendedKeys } from '../domain/diagnostics';
import { formatTime } from '../format/time';
import { scalarWords } from './words';

export const EVIDENCE_KEYS = [
  'autoScalingGroup',
  'autoScalingGroups',
  'bucket',
  'bucketKey',
  'bucketsUsingKey',
  'cause',
  'checkedAt',
  'count',
  'defaultKey',
  'defaultKeyArn',
  'defaultKeyManager',
  'defaultVersion',
  'deletionDate',
  'devices',
  'encryption',
  'encryptionByDefault',
  'error',
  'firstCreated',
  'image',
  'images',
  'imagesUsingKey',
  'intendedFrom',
  'intendedKey',
  'intendedKeyArn',
  'intendedS3Key',
  'intendedS3KeyArn',
  'isEbsDefault',
  'isIntendedKey',
  'key',
  'keyArn',
  'keyManager',
  'keys',
  'kmsKey',
  'kmsKeyArn',
  'lastCreated',
  'launchConfiguration',
  'launchTemplate',
  'launchTemplatesUsingKey',
  'manager',
  'message',
  'name',
  'permission',
  'prefix',
  'prefixes',
  'principal',
  'read',
  'rebuiltImages',
  'rebuiltPrefixes',
  'region',
  'relatedFinding',
  'rotation',
  'sharedWith',
  'snapshotKeys',
  'snapshots',
  'snapshotsUsingKey',
  'spanHours',
  'spec',
  'state',
  'usage',
  'versioning',
  'volumes',
  'volumesUsingKey',
] as const;
export type EvidenceKey = (typeof EVIDENCE_KEYS)[number];
// An IAM action as AWS names it, the key of an access decision.
export type IamActionKey = `${string}:${string}`;

export const evidenceLabels: Readonly<Record<EvidenceKey, string>> = {
  autoScalingGroup: 'Auto Scaling group',
  autoScalingGroups: 'Auto Scaling groups',
  bucket: 'Bucket',
  bucketKey: 'S3 Bucket Key',
  bucketsUsingKey: 'Buckets using the key',
  cause: 'Cause',
  checkedAt: 'Inventory read at',
  count: 'Count',
  defaultKey: 'Default EBS key',
  defaultKeyArn: 'Default EBS key ARN',
  defaultKeyManager: 'Default EBS key managed by',
  defaultVersion: 'Default version',
  deletionDate: 'Deletion date',
  devices: 'Devices',
  encryption: 'Default encryption',
  encryptionByDefault: 'EBS encryption by default',
  error: 'Error',
  firstCreated: 'First created',
  image: 'AMI',
  images: 'AMIs',
  imagesUsingKey: 'AMIs using the key',
  intendedFrom: 'Intended key from',
  intendedKey: 'Intended key',
  intendedKeyArn: 'Intended key ARN',
  intendedS3Key: 'Intended S3 key',
  intendedS3KeyArn: 'Intended S3 key ARN',
  isEbsDefault: 'Is the EBS default key',
  isIntendedKey: 'Is the intended key',
  key: 'Key',
  keyArn: 'Key ARN',
  keyManager: 'Key managed by',
  keys: 'Keys',
  kmsKey: 'KMS key',
  kmsKeyArn: 'KMS key ARN',
  lastCreated: 'Last created',
  launchConfiguration: 'Launch configuration',
  launchTemplate: 'Launch template',
  launchTemplatesUsingKey: 'Launch templates using the key',
  manager: 'Managed by',
  message: 'Message',
  name: 'Name',
  permission: 'Permission needed',
  prefix: 'Name prefix',
  prefixes: 'Bucket prefixes',
  principal: 'Principal',
  read: 'Read',
  rebuiltImages: 'Rebuilt AMIs',
  rebuiltPrefixes: 'Rebuilt AMI name prefixes',
  region: 'Region',
  relatedFinding: 'Related finding',
  rotation: 'Automatic rotation',
  sharedWith: 'Shared with account',
  snapshotKeys: 'Snapshot keys',
  snapshots: 'Snapshots',
  snapshotsUsingKey: 'Snapshots using the key',
  spanHours: 'Span (hours)',
  spec: 'Key spec',
  state: 'State',
  usage: 'Key usage',
  versioning: 'Versioning',
  volumes: 'Volumes',
  volumesUsingKey: 'Volumes using the key',
};

// Where the intended key came from (the report's intended-keys table and the evidence).
export const intendedSourceLabels: Readonly<Record<NonNullable<IntendedKeys['source']>, string>> = {
  user: 'set by you',
  avi: 'Avi cloud configuration',
  kublr: 'Kublr cluster spec',
};

// Evidence that holds an ISO 8601 time (the report keeps ISO; people read the one format).
const TIME_KEYS: ReadonlySet<string> = new Set<EvidenceKey>([
  'checkedAt',
  'deletionDate',
  'firstCreated',
  'lastCreated',
]);

const isEvidenceKey = (key: string): key is EvidenceKey => key in evidenceLabels;

export const evidenceLabel = (key: string): string => (isEvidenceKey(key) ? evidenceLabels[key] : key);

// The value in words. A related finding is named by its title when the report holds it (the id is
// an internal reference), else by its check's place in the report.
export function evidenceValueWords(
  key: string,
  value: Finding['evidence'][string],
  findings: readonly Pick<Finding, 'id' | 'title'>[] = [],
): string {
  if (typeof value === 'string' && TIME_KEYS.has(key)) return formatTime(value);
  if (key === 'relatedFinding' && typeof value === 'string')
    return findings.find((f) => f.id === value)?.title ?? 'another finding of this report';
  if (key === 'rotation' && typeof value === 'boolean') return value ? 'on' : 'off';
  if (key === 'intendedFrom' && typeof value === 'string' && value in intendedSourceLabels)
    return intendedSourceLabels[value as keyof typeof intendedSourceLabels];
  return scalarWords(value);
}

// Label and value pairs, in the order the check wrote them.
export const evidenceRows = (
  finding: Pick<Finding, 'evidence'>,
  findings: readonly Pick<Finding, 'id' | 'title'>[] = [],
): { label: string; value: string }[] =>
  Object.entries(finding.evidence).map(([key, value]) => ({
    label: evidenceLabel(key),
    value: evidenceValueWords(key, value, findings),
  }));
