// Plans in words: the plan's kind, the kind of each resource it relied on, and each fact's
// attributes ("Encryption: not encrypted · KMS key: none" rather than encrypted=false, kmsKeyArn=null). The
// UI, the HTML and Markdown exports, the CLI and the drift table all read these tables;
// test/shared/labels/labels-complete.test.ts fails when a producer in electron/core writes an
// attribute that has no label here.
import type { PlanFact, PlanKind, PlanStep } from '../plans/plan-document';
import { scalarWords, wordsOf } from './words';

export const planKindLabels: Readonly<Record<PlanKind, string>> = {
  'ami-copy': 'Encrypted AMI copy',
  migration: 'Migration to encrypted volumes',
  'diagnostic-fix': 'Diagnostics fix',
  's3-encrypt': 'S3 re-encryption',
};

// A summary or a drift names the kind as a string (the IPC schema keeps it open).
export const planKindLabel = (kind: string): string =>
  kind in planKindLabels ? planKindLabels[kind as PlanKind] : wordsOf(kind);

export const factResourceLabels: Readonly<Record<PlanFact['resource'], string>> = {
  instance: 'Instance',
  volume: 'Volume',
  snapshot: 'Snapshot',
  image: 'AMI',
  key: 'KMS key',
  bucket: 'S3 bucket',
  'account-setting': 'Account setting',
};

// Where a step sits in the plan, in words (the plan's step tables and exports).
export const stepPhaseLabels: Readonly<Record<PlanStep['phase'], string>> = {
  precheck: 'Check',
  online: 'Online',
  downtime: 'Downtime',
  verify: 'Verify',
  cleanup: 'Clean up',
};

// Every attribute the plan makers write (and 'exists', which the drift check adds).
export const FACT_ATTRIBUTES = [
  'access',
  'algorithm',
  'aliases',
  'availabilityZone',
  'bucketKey',
  'chosen',
  'defaultKmsKeyId',
  'device',
  'encrypted',
  'encryptionByDefault',
  'exists',
  'instanceType',
  'kmsKeyArn',
  'kmsKeyId',
  'label',
  'manager',
  'name',
  'objectsToCopy',
  'ownerId',
  'policySha256',
  'prefix',
  'sizeGiB',
  'state',
  'statements',
  'versioning',
  'volumeType',
] as const;
export type FactAttribute = (typeof FACT_ATTRIBUTES)[number];

export const factAttributeLabels: Readonly<Record<FactAttribute, string>> = {
  access: 'Access',
  algorithm: 'Default encryption',
  aliases: 'Aliases',
  availabilityZone: 'Availability Zone',
  bucketKey: 'S3 Bucket Key',
  chosen: 'Chosen as',
  defaultKmsKeyId: 'Default KMS key',
  device: 'Device',
  encrypted: 'Encryption',
  encryptionByDefault: 'Encryption by default',
  exists: 'Exists',
  instanceType: 'Instance type',
  kmsKeyArn: 'KMS key',
  kmsKeyId: 'KMS key',
  label: 'Key',
  manager: 'Managed by',
  name: 'Name',
  objectsToCopy: 'Objects to copy',
  ownerId: 'Owner',
  policySha256: 'Key policy (SHA-256)',
  prefix: 'Key name prefix',
  sizeGiB: 'Size',
  state: 'State',
  statements: 'Policy statements',
  versioning: 'Versioning',
  volumeType: 'Volume type',
};

const isScalar = (value: unknown): value is PlanFact['attributes'][string] | undefined =>
  value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value);

const isFactAttribute = (key: string): key is FactAttribute => key in factAttributeLabels;

// A drift names its resource kind as a string (the IPC schema keeps it open).
export const driftResourceLabel = (resource: string): string =>
  resource in factResourceLabels ? factResourceLabels[resource as PlanFact['resource']] : wordsOf(resource);

export const factAttributeLabel = (key: string): string =>
  isFactAttribute(key) ? factAttributeLabels[key] : wordsOf(key);

// The value in words where the raw one would read as code: null is "none" (no key, no default
// encryption), booleans say what they mean for that attribute.
export function factValueWords(key: string, value: unknown): string {
  if (!isScalar(value)) return JSON.stringify(value) ?? 'none';
  switch (key) {
    case 'encrypted':
      return value === true ? 'encrypted' : value === false ? 'not encrypted' : scalarWords(value);
    case 'encryptionByDefault':
    case 'bucketKey':
      return value === true ? 'on' : value === false ? 'off' : scalarWords(value);
    case 'kmsKeyArn':
    case 'kmsKeyId':
    case 'defaultKmsKeyId':
    case 'algorithm':
      return scalarWords(value);
    case 'prefix':
      return value === null || value === '' ? 'none (the whole bucket)' : scalarWords(value);
    case 'sizeGiB':
      return typeof value === 'number' ? `${value} GiB` : scalarWords(value);
    case 'chosen':
      return value === 'default'
        ? 'the default key'
        : value === 'explicit'
          ? 'chosen by you'
          : scalarWords(value);
    case 'manager':
      return value === 'AWS' ? 'AWS' : value === 'CUSTOMER' ? 'you (customer managed)' : scalarWords(value);
    default:
      return scalarWords(value);
  }
}

// "Encryption: not encrypted · KMS key: none · Size: 64 GiB"
export const describeFactAttributes = (attributes: PlanFact['attributes']): string =>
  Object.entries(attributes)
    .map(([key, value]) => `${factAttributeLabel(key)}: ${factValueWords(key, value)}`)
    .join(' · ');

// One drift in a sentence: "Volume vol-1: Size planned 128 GiB, now 144 GiB".
export const describeDrift = (d: {
  readonly resource: string;
  readonly id: string;
  readonly attribute: string;
  readonly planned: unknown;
  readonly live: unknown;
}): string =>
  `${driftResourceLabel(d.resource)} ${d.id}: ${factAttributeLabel(d.attribute)} planned ${factValueWords(d.attribute, d.planned)}, now ${factValueWords(d.attribute, d.live)}`;
