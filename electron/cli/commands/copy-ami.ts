// `envelope copy-ami --image ami-… [--image …] [--region R] [--dest-region R2 …] [--kms-key REF]
// [--name TEMPLATE] [--description TEMPLATE] [--no-copy-tags] [--dry-run] [--json]`:
// plan an encrypted copy of each AMI into each destination region (everything checked first);
// --dry-run prints the plan and changes nothing; otherwise runs one job per copy, shows progress
// on stderr and prints each new AMI with its block devices and each snapshot's KMS key.
// Ctrl-C cancels: the partial copies are kept (their ids printed) until cleaned up.
import { Command } from 'commander';
import {
  formatDuration,
  type AmiCopyPlanView,
  type CopyProgress,
  type CopyResult,
  type PartialCopy,
} from '../../../shared/domain/ami-copy';
import type { JobSnapshot } from '../../../shared/domain/jobs';
import { AppError } from '../../core/errors/app-error';
import type { Core } from '../../core/create-core';
import { describeError, print, printTable } from '../output';
import { printPreflight } from '../preflight-output';
import { type GlobalOptions, withCore } from '../context';

interface CopyAmiOptions extends GlobalOptions {
  readonly image: string[];
  readonly destRegion?: string[];
  readonly kmsKey?: string;
  readonly name?: string;
  readonly description?: string;
  readonly copyTags: boolean;
  readonly dryRun?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function copyAmiCommand(): Command {
  return new Command('copy-ami')
    .description('make encrypted copies of AMIs with a chosen KMS key (checked before anything is created)')
    .requiredOption('--image <ami-id>', 'source AMI (repeat for several)', collect)
    .option(
      '--dest-region <region>',
      'destination region (repeat for several; default: the source region)',
      collect,
    )
    .option(
      '--kms-key <ref>',
      'key id, key ARN, alias name or alias ARN (default: the region’s default EBS key, aws/ebs)',
    )
    .option(
      '--name <template>',
      'name of each copy: {name}, {id}, {date}, {region} (default: {name}-encrypted)',
    )
    .option('--description <template>', 'description of each copy, same placeholders')
    .option('--no-copy-tags', 'do not copy the source AMI’s tags')
    .option('--dry-run', 'print the plan and change nothing')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<CopyAmiOptions>();
      await withCore(options, async (core) => {
        const { plan, view } = await core.amiCopy.plan({
          imageIds: options.image,
          sourceRegion: core.accounts.current().region,
          ...(options.destRegion ? { destRegions: options.destRegion } : {}),
          ...(options.kmsKey === undefined ? {} : { kmsKeyRef: options.kmsKey }),
          ...(options.name === undefined ? {} : { nameTemplate: options.name }),
          ...(options.description === undefined ? {} : { descriptionTemplate: options.description }),
          copyTags: options.copyTags,
        });
        if (options.dryRun) {
          print(options, { plan, view }, () => {
            printPlan(view);
            printPreflight(plan.preflight);
          });
          return;
        }
        for (const w of view.warnings) process.stderr.write(`warning: ${w}\n`);
        const jobIds = await core.amiCopy.start(plan);
        const jobs = await follow(core, jobIds);
        // outcome says plainly how each copy ended; a failed or cancelled one keeps its partial ids
        // in result for the cleanup, and the command exits 1.
        const results = jobs.map((j) => ({
          jobId: j.id,
          state: j.state,
          outcome: j.state === 'done' ? 'copied' : j.state === 'cancelled' ? 'cancelled' : 'failed',
          ...(j.error ? { error: j.error } : {}),
          result: j.result,
        }));
        print(options, results, () => printResults(jobs));
        const bad = jobs.filter((j) => j.state !== 'done');
        if (bad.length > 0) {
          throw new AppError(
            bad[0]?.error?.code ?? 'cancelled',
            `${bad.length} of ${jobs.length} copies did not finish${bad[0]?.error ? `: ${describeError(bad[0].error)}` : '.'}`,
          );
        }
      });
    });
}

async function follow(core: Core, jobIds: readonly string[]): Promise<JobSnapshot[]> {
  const shown = new Map<string, string>();
  const stop = core.events.subscribe((name, payload) => {
    if (name !== 'amiCopy:progress') return;
    const p = payload as CopyProgress;
    const line = `${p.sourceImageId} → ${p.destRegion}: ${p.imageId ?? ''} ${p.imageState} ${Math.round(p.fraction * 100)}%${
      p.secondsLeft === undefined ? '' : `, ~${formatDuration(p.secondsLeft)} left`
    } ${p.snapshots.map((s) => `[${s.snapshotId} ${Math.round(s.fraction * 100)}%]`).join(' ')}`;
    if (shown.get(p.jobId) === line) return;
    shown.set(p.jobId, line);
    process.stderr.write(`${line}\n`);
  });
  const cancel = () => {
    process.stderr.write('Cancelling; partial copies are kept until you clean them up.\n');
    for (const id of jobIds) core.jobs.cancel(id);
  };
  process.once('SIGINT', cancel);
  try {
    return await Promise.all(jobIds.map((id) => core.jobs.wait(id)));
  } finally {
    process.off('SIGINT', cancel);
    stop();
  }
}

function printPlan(view: AmiCopyPlanView): void {
  for (const key of view.keys) process.stdout.write(`Key in ${key.region}: ${key.summary}\n`);
  process.stdout.write('\n');
  printTable(
    view.copies.map((c) => ({
      source: c.sourceImageId,
      to: c.destRegion,
      name: c.name,
      giB: c.totalGiB,
      estimate: formatDuration(c.estimatedSeconds),
    })),
    ['source', 'to', 'name', 'giB', 'estimate'],
  );
  process.stdout.write(
    `\n${view.totalGiB} GiB in all, about ${formatDuration(view.estimatedSeconds)} at ${view.copyRateGiBPerHour} GiB/h (encryption makes a full copy).\n`,
  );
  for (const w of view.warnings) process.stdout.write(`warning: ${w}\n`);
  process.stdout.write('\nDry run: nothing was created.\n');
}

function printResults(jobs: readonly JobSnapshot[]): void {
  for (const job of jobs) {
    if (job.state === 'done') {
      const r = job.result as CopyResult;
      process.stdout.write(`${r.sourceImageId} → ${r.imageId} (${r.destRegion}, ${r.state}) “${r.name}”\n`);
      for (const line of r.blockDeviceText) process.stdout.write(`  ${line}\n`);
      printTable(
        r.snapshots.map((s) => ({
          snapshot: s.snapshotId,
          device: s.device,
          alias: s.aliases.join(',') || '-',
          keyId: s.keyId,
          arn: s.kmsKeyArn,
        })),
        ['snapshot', 'device', 'alias', 'keyId', 'arn'],
      );
      continue;
    }
    const partial = job.result as PartialCopy | undefined;
    process.stdout.write(
      `${job.title}: ${job.state}${job.error ? ` — ${job.error.code}: ${describeError(job.error)}` : ''}\n`,
    );
    if (partial?.imageId) {
      process.stdout.write(
        `  partial copy left: ${partial.imageId} ${partial.snapshotIds.join(' ')} (job ${job.id})\n`,
      );
    }
  }
}
