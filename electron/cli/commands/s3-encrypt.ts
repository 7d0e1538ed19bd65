// `envelope s3-encrypt --bucket B --kms-key REF [--prefix P] [--include-versions]
// [--engine auto|local|batch] [--batch-role ARN] [--report-bucket B2] [--no-bucket-key] [--dry-run]
// [--json]`: plan the re-encryption of a bucket's (prefix's) objects under SSE-KMS (everything read
// and checked first); --dry-run prints the plan and its preflight and changes nothing, and fails
// on a preflight denial; otherwise runs it (this computer, or S3 Batch Operations above the
// threshold) with a progress line on stderr, and prints the result. Ctrl-C cancels: copies made
// stay, a batch job is cancelled, and the journal says which objects were done.
import { Command, Option } from 'commander';
import {
  OBJECT_ENCRYPTION_LABELS,
  type S3EncryptPlanView,
  type S3EncryptProgress,
  type S3EncryptResult,
} from '../../../shared/domain/s3-encrypt';
import { assertPreflightPasses } from '../../core/preflight/index';
import { AppError } from '../../core/errors/app-error';
import { batchRoleStatusLabels, s3PhaseLabels } from '../../../shared/labels/s3-encrypt';
import { print, printTable } from '../output';
import { printPreflight } from '../preflight-output';
import { type GlobalOptions, withCore } from '../context';

interface S3EncryptOptions extends GlobalOptions {
  readonly bucket: string;
  readonly kmsKey: string;
  readonly prefix?: string;
  readonly includeVersions?: boolean;
  readonly engine: 'auto' | 'local' | 'batch';
  readonly batchRole?: string;
  readonly reportBucket?: string;
  readonly bucketKey?: boolean;
  readonly dryRun?: boolean;
}

const GIB = 1024 ** 3;
const gib = (bytes: number): string => `${(bytes / GIB).toFixed(2)} GiB`;

export function s3EncryptCommand(): Command {
  return new Command('s3-encrypt')
    .description(
      're-encrypt the objects already in an S3 bucket (or prefix) with a KMS key, in place; S3 Batch Operations for large buckets',
    )
    .requiredOption('--bucket <name>', 'the bucket whose objects are re-encrypted')
    .requiredOption('--kms-key <ref>', 'key id, key ARN, alias name or alias ARN in the bucket’s region')
    .option('--prefix <prefix>', 'only the objects whose keys start with this prefix')
    .option(
      '--include-versions',
      'also re-encrypt older versions and then delete the originals (permanent; local engine only)',
    )
    .addOption(
      new Option(
        '--engine <engine>',
        'who copies: this computer (local), S3 Batch Operations (batch), or auto',
      )
        .choices(['auto', 'local', 'batch'])
        .default('auto'),
    )
    .option('--batch-role <arn>', 'the IAM role S3 Batch Operations assumes (batch engine)')
    .option(
      '--report-bucket <name>',
      'where the batch job writes its completion report (default: the bucket)',
    )
    .option(
      '--no-bucket-key',
      'do not use an S3 Bucket Key on the copies (default: the plan’s recommendation)',
    )
    .option('--dry-run', 'print the plan and its preflight and change nothing')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<S3EncryptOptions>();
      await withCore(options, async (core) => {
        const { plan, view } = await core.s3Encrypt.plan(
          {
            bucket: options.bucket,
            kmsKeyRef: options.kmsKey,
            ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
            ...(options.includeVersions ? { includeVersions: true } : {}),
            engine: options.engine,
            ...(options.batchRole === undefined ? {} : { batchRoleArn: options.batchRole }),
            ...(options.reportBucket === undefined ? {} : { reportBucket: options.reportBucket }),
            ...(options.bucketKey === false ? { bucketKey: false } : {}),
          },
          options.json ? undefined : listingLine,
        );
        if (!options.json) endStatusLine();
        if (options.dryRun) {
          print(options, { plan, view }, () => {
            printPlan(view);
            printPreflight(plan.preflight);
            process.stdout.write('\nDry run: nothing was changed.\n');
          });
          if (plan.preflight) assertPreflightPasses(plan.preflight);
          return;
        }
        if (!options.json) printPlan(view);
        const controller = new AbortController();
        const cancel = () => {
          process.stderr.write('\nCancelling: copies already made stay; the journal records which.\n');
          controller.abort();
        };
        process.once('SIGINT', cancel);
        let result: S3EncryptResult;
        try {
          result = await core.s3Encrypt.run(plan, options.json ? undefined : progressLine, controller.signal);
        } finally {
          process.off('SIGINT', cancel);
        }
        if (!options.json) endStatusLine();
        print(options, { plan, view, result }, () => printResult(result));
        if (result.cancelled)
          throw new AppError('cancelled', 'The run was cancelled before every object was copied.');
        if (result.failedCount > 0)
          throw new AppError(
            's3-encrypt-failures',
            `${result.failedCount} objects could not be copied (listed above).`,
            'Fix what each says, then plan and run again: the objects already under the key are skipped.',
          );
      });
    });
}

// One line on a terminal, rewritten in place (\r); where stderr is a file or a pipe, a line per
// phase and at most one every 10 s, so a log does not fill with a line per object.
let lastLine = { phase: '', at: 0 };
function statusLine(p: S3EncryptProgress, text: string): void {
  if (process.stderr.isTTY) {
    process.stderr.write(`\r${text}   `);
    return;
  }
  const now = Date.now();
  if (p.phase === lastLine.phase && now - lastLine.at < 10_000) return;
  lastLine = { phase: p.phase, at: now };
  process.stderr.write(`${text}\n`);
}

// Ends the terminal's rewritten line (the log's lines end themselves).
function endStatusLine(): void {
  if (process.stderr.isTTY) process.stderr.write('\n');
}

function listingLine(p: S3EncryptProgress): void {
  statusLine(p, `Listing s3://${p.bucket}: ${p.objectsDone} of ${p.objectsTotal} objects read`);
}

function progressLine(p: S3EncryptProgress): void {
  const batch = p.batchJobId ? `; job ${p.batchJobId}${p.batchStatus ? ` ${p.batchStatus}` : ''}` : '';
  const bytes = p.bytesTotal > 0 ? `, ${gib(p.bytesDone)} of ${gib(p.bytesTotal)}` : '';
  const failed = p.failed > 0 ? `, ${p.failed} failed` : '';
  statusLine(
    p,
    `${s3PhaseLabels[p.phase]}: ${p.objectsDone} of ${p.objectsTotal} objects${bytes}${failed}${batch}`,
  );
}

function printPlan(view: S3EncryptPlanView): void {
  const where = view.prefix ? `s3://${view.bucket}/${view.prefix}` : `s3://${view.bucket}`;
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out(`${where} (${view.region}, versioning ${view.versioning})`);
  out(`Key: ${view.key.summary}`);
  out(`Objects by encryption (${view.tallyMethod}${view.tallyNote ? `: ${view.tallyNote}` : ''}):`);
  printTable(
    view.tallies.map((t) => ({
      encryption: OBJECT_ENCRYPTION_LABELS[t.encryption],
      objects: t.objects,
      size: gib(t.bytes),
    })),
  );
  out(`To copy: ${view.toCopy.objects} objects, ${gib(view.toCopy.bytes)}. Skipped: ${view.skipped.count}.`);
  for (const s of view.skipped.samples.slice(0, 10))
    out(`  skipped ${s.key}${s.versionId ? ` (${s.versionId})` : ''}: ${s.detail}`);
  out(`Engine: ${view.engine}. ${view.engineReason}`);
  out(
    `S3 Bucket Key: ${view.bucketKey.enabled ? 'on' : 'off'}${view.bucketKey.recommended ? ' (recommended)' : ''}. ${view.bucketKey.reason}`,
  );
  if (view.batchRole)
    out(`Batch role: ${batchRoleStatusLabels[view.batchRole.status]}. ${view.batchRole.explanation}`);
  out('What changes:');
  for (const c of view.changes) out(`  - ${c}`);
  out(
    `Cost: about $${view.cost.costUsd.toFixed(4)}; ${Object.entries(view.cost.requests)
      .map(([k, v]) => `${k} ${v}`)
      .join(
        ', ',
      )}; ${view.cost.kmsCalls} KMS call${view.cost.kmsCalls === 1 ? '' : 's'}. ${view.cost.costNote}`,
  );
}

function printResult(r: S3EncryptResult): void {
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out(
    `${r.cancelled ? 'Cancelled' : 'Done'}: ${r.copied} objects (${gib(r.bytesCopied)}) copied under the key by the ${r.engine} engine, ${r.skipped} skipped, ${r.failedCount} failed.`,
  );
  if (r.batchJobId)
    out(`S3 Batch Operations job ${r.batchJobId}${r.reportLocation ? `, report ${r.reportLocation}` : ''}.`);
  for (const f of r.failed)
    out(`  failed ${f.key}${f.versionId ? ` (${f.versionId})` : ''}: ${f.code}: ${f.message}`);
  if (r.after) {
    out('Objects by encryption now:');
    printTable(
      r.after.map((t) => ({
        encryption: OBJECT_ENCRYPTION_LABELS[t.encryption],
        objects: t.objects,
        size: gib(t.bytes),
      })),
    );
  }
}
