// Jobs and migrations in words, with the Cloudscape status type each state is drawn with (the
// renderer's StatusIndicator; the CLI prints the words). A Record per code makes a missing label a
// compile error; test/shared/labels/labels-complete.test.ts checks the job kinds core starts.
import type { InstanceStatus, MigrationStatus, MigrationStrategy, StepRecord } from '../domain/migration';
import { wordsOf } from './words';

// Every kind electron/core starts a job of (JobManager.start's first argument).
export const JOB_KINDS = ['inventory-scan', 'ami-copy', 'migration', 'diagnostics', 's3-encrypt'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const jobKindLabels: Readonly<Record<JobKind, string>> = {
  'inventory-scan': 'Inventory scan',
  'ami-copy': 'Encrypted AMI copy',
  migration: 'Migration',
  diagnostics: 'Diagnostics',
  's3-encrypt': 'S3 re-encryption',
};

// A snapshot's kind is an open string on the wire (history from an older version may hold others).
export const jobKindLabel = (kind: string): string =>
  kind in jobKindLabels
    ? jobKindLabels[kind as JobKind]
    : wordsOf(kind).replace(/^./, (c) => c.toUpperCase());

// Cloudscape StatusIndicator's types, named here so shared/ needs no renderer import.
export type StatusType =
  'success' | 'error' | 'warning' | 'info' | 'stopped' | 'pending' | 'in-progress' | 'loading';

export interface StatusWords {
  readonly type: StatusType;
  readonly text: string;
}

export const migrationStatusWords: Readonly<Record<MigrationStatus, StatusWords>> = {
  running: { type: 'in-progress', text: 'Running' },
  interrupted: { type: 'warning', text: 'Interrupted' },
  'awaiting-confirmation': { type: 'pending', text: 'Waiting for your confirmation' },
  verified: { type: 'success', text: 'Verified' },
  failed: { type: 'error', text: 'Failed' },
  'rolled-back': { type: 'stopped', text: 'Rolled back' },
  'cleaned-up': { type: 'success', text: 'Cleaned up' },
};

export const instanceStatusWords: Readonly<Record<InstanceStatus, StatusWords>> = {
  pending: { type: 'pending', text: 'Not started' },
  running: { type: 'in-progress', text: 'In progress' },
  'awaiting-confirmation': { type: 'pending', text: 'Waiting for your confirmation' },
  verified: { type: 'success', text: 'Verified' },
  failed: { type: 'error', text: 'Failed' },
  'rolling-back': { type: 'in-progress', text: 'Rolling back' },
  'rolled-back': { type: 'stopped', text: 'Rolled back' },
  'cleaned-up': { type: 'success', text: 'Cleaned up' },
};

// A status read from a job's result (an open string there) in words.
export const migrationStatusOf = (status: string): StatusWords =>
  status in migrationStatusWords
    ? migrationStatusWords[status as MigrationStatus]
    : { type: 'info', text: wordsOf(status) };

export const migrationStrategyLabels: Readonly<Record<MigrationStrategy, string>> = {
  swap: 'Swap in place',
  rekey: 'Re-key',
  replace: 'Replace from an encrypted AMI',
};

// A journaled step's state (the migration timeline's tooltips).
export const stepRecordStateLabels: Readonly<Record<StepRecord['state'], string>> = {
  started: 'in progress',
  done: 'done',
  failed: 'failed',
};
