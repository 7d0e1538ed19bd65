// `envelope migrate --instance i-… [--instance …] --kms-key REF [--strategy swap|replace|rekey]
// [--dry-run] [--resume JOB] [--rollback JOB] [--confirm JOB] [--cleanup JOB --yes] [--list]
// [--json]`: encrypt the instances' EBS volumes. The dry run prints the sealed plan and changes
// nothing; a run prints the migration id at once on stderr (its journal is in the data directory),
// then the result. The replace strategy stops after each replacement runs until `--confirm JOB`
// (or confirms every node itself with `--yes`).
import { Command } from 'commander';
import {
  awaitingConfirmation,
  downtimeSeconds,
  type MigrationJournal,
  type MigrationStrategy,
} from '../../../shared/domain/migration';
import { failureOf, nextActions, type NextAction } from '../../../shared/domain/migration-outcome';
import type { JobSnapshot } from '../../../shared/domain/jobs';
import { instanceStatusWords, migrationStatusOf } from '../../../shared/labels/jobs';
import type { ApiError } from '../../../shared/ipc/channel';
import type { Plan } from '../../../shared/plans/plan-document';
import type { Core } from '../../core/create-core';
import { AppError } from '../../core/errors/app-error';
import { describeError, print, printTable } from '../output';
import { printPreflight } from '../preflight-output';
import { type GlobalOptions, withCore } from '../context';

interface MigrateOptions extends GlobalOptions {
  readonly instance: string[];
  readonly kmsKey?: string;
  readonly strategy: string;
  readonly dryRun?: boolean;
  readonly resume?: string;
  readonly rollback?: string;
  readonly confirm?: string;
  readonly cleanup?: string;
  readonly yes?: boolean;
  readonly list?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function migrateCommand(): Command {
  return new Command('migrate')
    .description(
      'encrypt instances’ EBS volumes with a KMS key in place, with the least downtime; resumable and reversible',
    )
    .option('--instance <id>', 'instance to migrate (repeat for several)', collect, [])
    .option('--kms-key <ref>', 'target key: key id, key ARN, alias name or alias ARN')
    .option(
      '--strategy <name>',
      'swap (default), rekey (encrypted volumes to another key) or replace',
      'swap',
    )
    .option('--dry-run', 'print the plan (steps, expected downtime, rollback) and change nothing')
    .option('--resume <id>', 'resume an interrupted migration from its journal')
    .option('--rollback <id>', 'put the original volumes back (replace: terminate the replacements)')
    .option(
      '--confirm <id>',
      'replace: you moved over to the waiting replacement; stop its original and go on to the next node',
    )
    .option(
      '--cleanup <id>',
      'delete the originals of a verified migration (or the replacements of a rolled-back one)',
    )
    .option('--yes', 'confirm --cleanup; with --strategy replace, confirm every node’s swap without stopping')
    .option('--list', 'list the migrations in the journal directory')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<MigrateOptions>();
      await withCore(options, (core) => migrate(core, options));
    });
}

async function migrate(core: Core, options: MigrateOptions): Promise<void> {
  if (options.list) {
    const list = core.migration.list();
    return print(options, list, () =>
      printTable(
        list.map((m) => ({
          id: m.id,
          status: migrationStatusOf(m.status).text,
          strategy: m.strategy,
          key: m.keyLabel,
          instances: m.instanceIds.join(' '),
          region: m.region,
        })),
      ),
    );
  }
  let started: { migrationId: string; jobId: string };
  const rollingBack = options.rollback !== undefined;
  if (options.resume) started = await core.migration.resume(options.resume);
  else if (options.rollback) started = await core.migration.rollback(options.rollback);
  else if (options.confirm) started = await core.migration.confirm(options.confirm, options.instance[0]);
  else if (options.cleanup) {
    if (!options.yes) {
      throw new AppError(
        'confirm',
        `Cleanup deletes what ${options.cleanup} kept: the originals (volumes, or a replaced instance), snapshots and unencrypted images.`,
        'Add --yes to confirm.',
      );
    }
    started = await core.migration.cleanup(options.cleanup);
  } else {
    const request = requestFrom(options);
    if (options.dryRun) {
      const plan = await core.migration.plan(request);
      return print(options, plan, () => printPlan(plan));
    }
    started = await core.migration.start(request);
  }
  process.stderr.write(
    `envelope: migration ${started.migrationId} (journal ${core.migration.store.pathOf(started.migrationId)})\n`,
  );
  const job = await core.jobs.wait(started.jobId);
  const journal = core.migration.get(started.migrationId);
  const ended = endingOf(journal, job, rollingBack);
  print(options, { ...journal, ...ended }, () => printJournal(journal, ended));
  if (ended.exitCode === 0) return;
  const error = ended.error ?? { code: job.state, message: `The migration job ended ${job.state}.` };
  const how =
    ended.exitCode === EXIT_ROLLED_BACK
      ? 'failed and was rolled back: every instance is on its original volumes'
      : `ended ${ended.outcome}`;
  process.stderr.write(`envelope: ${journal.id} ${how}. ${error.code}: ${describeError(error)}\n`);
  process.exitCode = ended.exitCode;
}

// Exit codes of a run (README, "Migrate"): 0 verified, waiting for a confirmation, or the rollback
// asked for finished; 1 the migration failed and is left for you (resume or roll back), or the
// command failed; 2 the migration failed and every instance was rolled back to its originals.
export const EXIT_FAILED = 1;
export const EXIT_ROLLED_BACK = 2;

interface Ending {
  readonly outcome: MigrationJournal['status'];
  readonly exitCode: number;
  readonly error?: ApiError;
  readonly next: NextAction[];
}

function endingOf(journal: MigrationJournal, job: JobSnapshot, rollingBack: boolean): Ending {
  const failure = failureOf(journal);
  const error: ApiError | undefined = failure ?? job.error;
  const next = nextActions(journal);
  const outcome = journal.status;
  let exitCode = EXIT_FAILED;
  if (outcome === 'verified' || outcome === 'awaiting-confirmation' || outcome === 'cleaned-up') exitCode = 0;
  else if (outcome === 'rolled-back') exitCode = rollingBack ? 0 : EXIT_ROLLED_BACK;
  // A cancelled run stops wherever it was: never a success.
  if (job.state === 'cancelled') exitCode = EXIT_FAILED;
  return { outcome, exitCode, ...(exitCode !== 0 && error ? { error } : {}), next };
}

function requestFrom(options: MigrateOptions) {
  if (options.instance.length === 0)
    throw new AppError('invalid-argument', 'No instance given.', 'Use --instance i-… (repeat for several).');
  if (!options.kmsKey)
    throw new AppError('invalid-argument', 'No key given.', 'Use --kms-key alias/… (or a key id or ARN).');
  const strategy = options.strategy as MigrationStrategy;
  if (!['swap', 'rekey', 'replace'].includes(strategy)) {
    throw new AppError(
      'invalid-argument',
      `Unknown strategy “${options.strategy}”.`,
      'Use swap, rekey or replace.',
    );
  }
  return {
    instanceIds: options.instance,
    kmsKeyRef: options.kmsKey,
    strategy,
    autoConfirm: strategy === 'replace' && options.yes === true,
  };
}

function printPlan(plan: Plan): void {
  process.stdout.write(
    `${plan.title}\nPlan ${plan.id} sha256 ${plan.sha256}\nExpected downtime: ${plan.expectedDowntimeSeconds ?? 0} s per instance (instances run in parallel)\n\n`,
  );
  printTable(
    plan.steps.map((s) => ({ step: s.title, action: s.action, phase: s.phase, seconds: s.estimatedSeconds })),
  );
  process.stdout.write('\nRollback\n');
  printTable(plan.rollback.map((s) => ({ step: s.title, action: s.action })));
  if (plan.warnings.length > 0)
    process.stdout.write(`\nWarnings\n${plan.warnings.map((w) => `- ${w}`).join('\n')}\n`);
  printPreflight(plan.preflight);
}

function printJournal(journal: MigrationJournal, ended: Ending): void {
  process.stdout.write(
    `Migration ${journal.id}: ${migrationStatusOf(journal.status).text} (key ${journal.keyLabel})\n`,
  );
  if (ended.error) {
    process.stdout.write(`Error ${ended.error.code}: ${ended.error.message}\n`);
    if (ended.error.hint) process.stdout.write(`${ended.error.hint}\n`);
  }
  printTable(
    journal.instances.flatMap((i) =>
      i.volumes.map((v) => ({
        instance: i.instanceId,
        status: instanceStatusWords[i.status].text,
        device: v.device,
        original: v.originalVolumeId,
        replacement: v.replacementVolumeId ?? '',
        ...(journal.strategy === 'replace'
          ? { 'replacement instance': i.replace?.replacementInstanceId ?? '' }
          : {}),
        downtime: downtimeSeconds(i, journal.updatedAt)?.toFixed(0) ?? '',
      })),
    ),
  );
  const waiting = awaitingConfirmation(journal);
  if (waiting) {
    const r = waiting.replace;
    process.stdout.write(
      `\n${waiting.name ?? waiting.instanceId}: its replacement ${r?.replacementInstanceId ?? ''} (${r?.replacementPrivateIp ?? 'new IP'}) runs, every volume encrypted with ${journal.keyLabel}.\n` +
        `Move the workload (cluster membership, Elastic IPs, DNS) to it, then: envelope migrate --confirm ${journal.id}\n` +
        `Or go back: envelope migrate --rollback ${journal.id}\n`,
    );
  }
  if (journal.status === 'verified') {
    process.stdout.write(
      journal.strategy === 'replace'
        ? `\nThe originals are stopped and kept. Terminate them and remove the unencrypted images with: envelope migrate --cleanup ${journal.id} --yes\n`
        : `\nThe originals are kept. Delete them with: envelope migrate --cleanup ${journal.id} --yes\n`,
    );
  } else if (ended.exitCode !== 0 && ended.next.length > 0) {
    process.stdout.write(`\nNext:\n${ended.next.map((a) => `- ${a.text}\n    ${a.cli}`).join('\n')}\n`);
  }
}
