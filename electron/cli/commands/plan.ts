// `envelope plan export|import|check|run`: plans as files to share. export writes a plan (from a
// file, or planned now with --kind migration) as JSON, HTML, Markdown, a bash script of AWS CLI v2
// commands or an SSM Automation runbook (JSON signed with this installation's key); import validates
// (schema, seal, signature) and summarizes with the signer; trust adds a signer's fingerprint;
// check verifies the seal and the drift (exit 1 when the seal fails, 2 when the live state drifted); run goes through the
// same executors and journals as the wizards and refuses drift unless --force.
import { readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { formatTime } from '../../../shared/format/time';
import {
  driftResourceLabel,
  factAttributeLabel,
  factValueWords,
  planKindLabel,
} from '../../../shared/labels/plan-facts';
import type { Plan } from '../../../shared/plans/plan-document';
import { importPlanText } from '../../../shared/plans/plan-import';
import { summarizePlan, type DriftReport, type PlanSummary } from '../../../shared/plans/plan-summary';
import { SEAL_MEANING, SIGNATURE_MEANING, type SignerInfo } from '../../../shared/plans/signature';
import { exportFormatSchema, renderPlan } from '../../../shared/plans/render/render-plan';
import { formatSeconds } from '../../../shared/plans/render/timeline';
import type { Core } from '../../core/create-core';
import { AppError } from '../../core/errors/app-error';
import { defaultDataDir } from '../../core/data-dir';
import { InventoryCache } from '../../core/inventory/inventory-cache';
import { planMigrationOffline } from '../../core/plans/offline-migration-plan';
import { PlanSigner } from '../../core/plans/signing';
import { SettingsStore } from '../../core/settings/settings-store';
import { fail, print, printTable } from '../output';
import { type GlobalOptions, withCore } from '../context';

interface ExportOptions extends GlobalOptions {
  readonly from?: string;
  readonly kind?: string;
  readonly instance: string[];
  readonly kmsKey?: string;
  readonly strategy: string;
  readonly format: string;
  readonly output?: string;
  readonly offline?: boolean;
}

interface RunOptions extends GlobalOptions {
  readonly force?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function readPlanFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError(
      'not-found',
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`,
    );
  }
}

// The CLI's signing key is the 0600 file in the data directory (no keychain outside the app).
const cliSigner = (): PlanSigner => new PlanSigner(defaultDataDir());

function signerLine(signer: SignerInfo | undefined): string {
  if (!signer || signer.status === 'unsigned')
    return 'UNSIGNED: nothing says who made this plan; review every step before running it';
  const who = signer.thisInstallation
    ? 'this installation'
    : signer.known
      ? 'a trusted signer'
      : 'an UNKNOWN signer (compare the fingerprint with its owner, then `envelope plan trust FINGERPRINT`)';
  return `${signer.fingerprint}, ${who}`;
}

// Everything that leaves with a plan is checked first: a refused file ends with its one reason.
async function loadPlan(file: string): Promise<Plan> {
  const result = await importPlanText(readPlanFile(file));
  if (!result.ok) throw new AppError('invalid-plan', `${file}: ${result.problem}`);
  return result.plan;
}

function printSummary(s: PlanSummary): void {
  printTable([
    { field: 'plan', value: s.id },
    { field: 'kind', value: planKindLabel(s.kind) },
    { field: 'title', value: s.title },
    { field: 'account', value: s.accountId },
    { field: 'regions', value: s.regions.join(', ') },
    { field: 'made by', value: `${s.createdBy} at ${formatTime(s.createdAt)}` },
    {
      field: 'facts',
      value: `${s.facts}, read ${s.oldestFactAt ? formatTime(s.oldestFactAt) : '-'}${s.source === 'cache' ? ` (from cached inventory, ${s.factAgeHours ?? '?'} h old)` : ''}`,
    },
    { field: 'steps', value: `${s.steps} (rollback ${s.rollbackSteps})` },
    { field: 'downtime', value: formatSeconds(s.expectedDowntimeSeconds ?? 0) },
    { field: 'estimate', value: formatSeconds(s.estimatedSeconds) },
    { field: 'sha256', value: `${s.sha256} (seal valid)` },
    { field: 'signer', value: signerLine(s.signer) },
  ]);
  process.stdout.write(`${SEAL_MEANING}\n${SIGNATURE_MEANING}\n`);
  if (s.signer?.status !== 'signed') process.stdout.write('warning: this plan is unsigned.\n');
  for (const w of s.warnings) process.stdout.write(`warning: ${w}\n`);
}

function printDrift(drift: DriftReport): void {
  if (drift.status === 'offline') {
    process.stdout.write(`${drift.reason ?? 'The drift check could not run.'}\n`);
    return;
  }
  if (drift.drifts.length === 0)
    process.stdout.write(
      `No drift: the live state matches the plan’s facts (${formatTime(drift.checkedAt)}).\n`,
    );
  else
    printTable(
      drift.drifts.map((d) => ({
        resource: driftResourceLabel(d.resource),
        id: d.id,
        attribute: factAttributeLabel(d.attribute),
        planned: factValueWords(d.attribute, d.planned),
        live: factValueWords(d.attribute, d.live),
      })),
    );
  for (const u of drift.unchecked) process.stderr.write(`not checked: ${u}\n`);
}

function checkPlanNowOptions(options: ExportOptions): void {
  if (options.kind !== 'migration') {
    throw new AppError(
      'invalid-argument',
      `--kind ${options.kind ?? ''} cannot be planned here.`,
      'Use --kind migration with --instance and --kms-key, or export an existing plan with --from FILE (copy-ami --dry-run --json writes one).',
    );
  }
  if (options.instance.length === 0 || !options.kmsKey)
    throw new AppError('invalid-argument', 'A migration plan needs --instance and --kms-key.');
}

async function planNow(core: Core, options: ExportOptions): Promise<Plan> {
  return core.migration.plan({
    instanceIds: options.instance,
    kmsKeyRef: options.kmsKey ?? '',
    strategy: options.strategy as 'swap' | 'rekey' | 'replace',
  });
}

// No core and no AWS call: the cached inventory of the profile's account is all it reads.
async function planOffline(options: ExportOptions): Promise<Plan> {
  const dataDir = defaultDataDir();
  const selection = new SettingsStore(dataDir).get().selection;
  const profile = options.profile ?? selection?.profile ?? 'sandbox';
  const region = options.region ?? (profile === selection?.profile ? selection.region : undefined);
  if (!region)
    throw new AppError(
      'invalid-argument',
      'An offline plan needs --region.',
      'Name the region whose cached inventory to plan from.',
    );
  if (options.strategy !== 'swap' && options.strategy !== 'rekey')
    throw new AppError(
      'invalid-argument',
      `--strategy ${options.strategy} cannot be planned offline.`,
      'Use swap or rekey.',
    );
  return planMigrationOffline(new InventoryCache(dataDir), {
    profile,
    region,
    instanceIds: options.instance,
    kmsKeyRef: options.kmsKey ?? '',
    strategy: options.strategy,
  });
}

function exportCommand(): Command {
  return new Command('export')
    .description(
      'write a plan as json, html, md, bash (AWS CLI v2), ssm (Automation runbook) or s3-batch-job (aws s3control create-job input)',
    )
    .option('--from <file>', 'an existing plan file (also `migrate|copy-ami --dry-run --json` output)')
    .option('--kind <kind>', 'plan now instead: migration')
    .option('--instance <id>', 'instance to migrate (repeat)', collect, [])
    .option('--kms-key <ref>', 'target key for --kind migration')
    .option('--strategy <name>', 'swap, rekey or replace (offline: swap or rekey)', 'swap')
    .option('--offline', 'plan from the cached inventory, with no network (its age is stated in the plan)')
    .option('--format <format>', 'json, html, md, bash, ssm or s3-batch-job', 'json')
    .option('--output <file>', 'write to this file instead of stdout')
    .action(async (_o, command: Command) => {
      const options = command.optsWithGlobals<ExportOptions>();
      const format = exportFormatSchema.safeParse(options.format);
      if (!format.success)
        fail(
          new AppError(
            'invalid-argument',
            `Unknown format “${options.format}”.`,
            'Use json, html, md, bash, ssm or s3-batch-job.',
          ),
        );
      if (!options.from) checkPlanNowOptions(options);
      const plan = options.from
        ? await loadPlan(options.from)
        : options.offline
          ? await planOffline(options)
          : await withCore(options, (core) => planNow(core, options));
      // Plans are signed on export; a JSON file carries the signature block.
      const exported = format.data === 'json' ? await cliSigner().sign(plan) : plan;
      let text: string;
      try {
        text = renderPlan(exported, format.data).text;
      } catch (error) {
        throw new AppError('export-unavailable', error instanceof Error ? error.message : String(error));
      }
      if (options.output) {
        writeFileSync(options.output, text, { mode: format.data === 'bash' ? 0o755 : 0o644 });
        process.stderr.write(`envelope: wrote ${options.output}\n`);
      } else process.stdout.write(text);
    });
}

function importCommand(): Command {
  return new Command('import')
    .argument('<file>', 'plan file')
    .description(
      'validate a plan file (schema, SHA-256 seal, signature) and show its summary and signer; works offline',
    )
    .action(async (file: string, _o, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const plan = await loadPlan(file);
      const summary = { ...summarizePlan(plan), signer: cliSigner().signerOf(plan) };
      print(options, { valid: true, summary }, () => printSummary(summary));
    });
}

function checkCommand(): Command {
  return new Command('check')
    .argument('<file>', 'plan file')
    .description('verify the seal, then compare the plan’s facts with the live state (exit 2 on drift)')
    .action(async (file: string, _o, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const plan = await loadPlan(file);
      const signer = cliSigner().signerOf(plan);
      const drift = await withCore(options, (core) => core.plans.drift(plan));
      print(options, { sealValid: true, signer, drift }, () => {
        process.stdout.write(`signer: ${signerLine(signer)}\n`);
        printDrift(drift);
      });
      if (drift.status === 'drift') process.exitCode = 2;
    });
}

function runCommand(): Command {
  return new Command('run')
    .argument('<file>', 'plan file')
    .option('--force', 'run even when the live state drifted from the plan')
    .description('run a plan through Envelope’s executors and journals (refused on drift unless --force)')
    .action(async (file: string, _o, command: Command) => {
      const options = command.optsWithGlobals<RunOptions>();
      const plan = await loadPlan(file);
      await withCore(options, async (core) => {
        if (!options.region && plan.regions[0] && plan.kind === 'migration')
          await core.accounts.select(core.accounts.current().profile, plan.regions[0], { persist: false });
        const started = await core.plans.run(plan, options.force ? { force: true } : {});
        if (started.migrationId) process.stderr.write(`envelope: migration ${started.migrationId}\n`);
        const jobs = await Promise.all(started.jobIds.map((id) => core.jobs.wait(id)));
        const result = {
          ...started,
          jobs: jobs.map((j) => ({ id: j.id, state: j.state, result: j.result })),
        };
        print(options, result, () =>
          printTable(jobs.map((j) => ({ job: j.id, state: j.state, title: j.title }))),
        );
        const failed = jobs.find((j) => j.state !== 'done');
        if (failed)
          fail(failed.error ?? new AppError(failed.state, `Job ${failed.id} ended ${failed.state}.`));
      });
    });
}

function trustCommand(): Command {
  return new Command('trust')
    .argument('<fingerprint>', 'the signer fingerprint `plan import` shows (64 hex digits)')
    .description('trust a plan signer (after comparing its fingerprint with its owner)')
    .action((text: string, _o, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const trusted = cliSigner().trust(text);
      print(options, trusted, () =>
        process.stdout.write(`Trusted signer ${trusted.fingerprint}: its plans import as known.\n`),
      );
    });
}

function fingerprintCommand(): Command {
  return new Command('fingerprint')
    .description('show the fingerprint this installation signs exported plans with')
    .action(async (_o, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const fingerprint = await cliSigner().fingerprint();
      print(options, { fingerprint }, () => process.stdout.write(`${fingerprint}\n`));
    });
}

export function planCommand(): Command {
  return new Command('plan')
    .description('export (signed), import, check (seal, signature, drift), run and trust plans')
    .addCommand(exportCommand())
    .addCommand(importCommand())
    .addCommand(checkCommand())
    .addCommand(runCommand())
    .addCommand(trustCommand())
    .addCommand(fingerprintCommand());
}
