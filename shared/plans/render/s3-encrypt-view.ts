// An s3-encrypt plan's view (shared/domain/s3-encrypt.ts) as sections the Markdown and HTML
// exports both lay out: objects and bytes by encryption, the key and S3 Bucket Key, what changes,
// what is skipped and why, the requests and their cost (an estimate), the engine and why, and for
// S3 Batch Operations the role S3 assumes. Each format only escapes and arranges them.
import { OBJECT_ENCRYPTION_LABELS, type S3EncryptPlanView, type SkipReason } from '../../domain/s3-encrypt';
import { formatTime } from '../../format/time';
import type { Plan } from '../plan-document';
import { s3EncryptPlanInput } from './s3-batch-job';

export interface ViewTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
}

export interface ViewSection {
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly list?: readonly string[];
  readonly table?: ViewTable;
  // Verbatim text (policies as JSON), with what it is.
  readonly code?: readonly { readonly label: string; readonly text: string }[];
}

const SKIP_REASON_WORDS: Record<SkipReason, string> = {
  'sse-c': 'SSE-C: the customer’s key is needed to read it, and Envelope never holds it',
  'object-lock': 'Object Lock retention or legal hold',
  archived: 'archived storage class (Glacier, Deep Archive, archived Intelligent-Tiering): restore it first',
  'other-owner': 'written by another account',
  'already-target': 'already under the chosen key',
};

const UNITS = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

// 1536 → "1.5 KiB" (binary units, as the threshold is written).
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

const count = (n: number): string => n.toLocaleString('en-US');

function tallySection(view: S3EncryptPlanView): ViewSection {
  const where = view.prefix ? `s3://${view.bucket}/${view.prefix}` : `s3://${view.bucket}`;
  return {
    title: 'Objects by encryption',
    paragraphs: [
      `${where} in ${view.region} (versioning ${view.versioning}), listed at ${formatTime(view.listedAt)}.`,
      view.tallyMethod === 'exact'
        ? 'Every object was read: the counts are exact.'
        : `The counts are sampled, not exact${view.tallyNote ? `: ${view.tallyNote}` : '.'}`,
      `To copy: ${count(view.toCopy.objects)} objects, ${formatBytes(view.toCopy.bytes)}.`,
    ],
    table: {
      headers: ['Encryption', 'Objects', 'Bytes'],
      rows: view.tallies.map((t) => [
        OBJECT_ENCRYPTION_LABELS[t.encryption],
        count(t.objects),
        formatBytes(t.bytes),
      ]),
    },
  };
}

function keySection(view: S3EncryptPlanView): ViewSection {
  const bucketKey = view.bucketKey;
  return {
    title: 'Target key',
    paragraphs: [
      `${view.key.arn}: ${view.key.summary}`,
      `S3 Bucket Key ${bucketKey.enabled ? 'on' : 'off'} for the copies (${bucketKey.recommended ? 'recommended' : 'not recommended'}: ${bucketKey.reason}).`,
    ],
  };
}

function changesSection(view: S3EncryptPlanView): ViewSection {
  return {
    title: 'What changes',
    paragraphs: view.changes.length > 0 ? [] : ['The plan lists no change.'],
    list: view.changes,
  };
}

function skippedSection(view: S3EncryptPlanView): ViewSection {
  const { skipped } = view;
  const byReason = Object.entries(skipped.byReason).map(([reason, n]) => {
    const words = SKIP_REASON_WORDS[reason as SkipReason] ?? reason;
    return `${count(n)} ${n === 1 ? 'object' : 'objects'}: ${words}`;
  });
  return {
    title: 'Skipped, and why',
    paragraphs: [
      skipped.count === 0
        ? 'No object is skipped.'
        : `${count(skipped.count)} ${skipped.count === 1 ? 'object is' : 'objects are'} left as ${skipped.count === 1 ? 'it is' : 'they are'}.${skipped.samples.length < skipped.count ? ` ${count(skipped.samples.length)} of them ${skipped.samples.length === 1 ? 'is' : 'are'} listed below.` : ''}`,
    ],
    list: byReason,
    ...(skipped.samples.length > 0
      ? {
          table: {
            headers: ['Key', 'Version', 'Reason', 'Detail'],
            rows: skipped.samples.map((s) => [s.key, s.versionId ?? '', s.reason, s.detail]),
          },
        }
      : {}),
  };
}

function costSection(view: S3EncryptPlanView): ViewSection {
  const { cost } = view;
  return {
    title: 'Requests and cost (an estimate)',
    paragraphs: [
      `About ${count(cost.kmsCalls)} KMS calls made by S3 for the copies.`,
      `Estimated cost: about $${cost.costUsd.toFixed(2)} (an estimate, not a quote${cost.costNote ? `: ${cost.costNote}` : ''}).`,
    ],
    table: {
      headers: ['Request', 'Count'],
      rows: Object.entries(cost.requests).map(([operation, n]) => [operation, count(n)]),
    },
  };
}

function engineSection(view: S3EncryptPlanView): ViewSection {
  const { threshold } = view;
  const engine =
    view.engine === 'local'
      ? 'Envelope copies the objects itself (local engine)'
      : 'S3 Batch Operations copies the objects (batch engine)';
  return {
    title: 'Engine',
    paragraphs: [
      `${engine}: ${view.engineReason}`,
      `Above ${count(threshold.objects)} objects or ${formatBytes(threshold.bytes)} the work goes to S3 Batch Operations.`,
    ],
  };
}

function batchRoleSection(view: S3EncryptPlanView): ViewSection | undefined {
  const role = view.batchRole;
  if (!role) return undefined;
  return {
    title: 'Role for S3 Batch Operations',
    paragraphs: [`${role.arn ?? 'No role named yet'} (${role.status}): ${role.explanation}`],
    code: [
      { label: 'Trust policy', text: role.trustPolicy },
      { label: 'Permissions policy', text: role.permissionsPolicy },
    ],
  };
}

// The sections of an s3-encrypt plan's view; none for other kinds.
export function s3EncryptSections(plan: Plan): ViewSection[] {
  if (plan.kind !== 's3-encrypt') return [];
  const { view } = s3EncryptPlanInput(plan);
  const role = batchRoleSection(view);
  return [
    tallySection(view),
    keySection(view),
    changesSection(view),
    skippedSection(view),
    costSection(view),
    engineSection(view),
    ...(role ? [role] : []),
  ];
}
