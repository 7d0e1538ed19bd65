// `envelope diagnose [--regions a,b] [--intended-key REF] [--config FILE] [--bucket-prefix P]
// [--json|--html] [--output FILE] [--fail-on SEVERITY]`: run every diagnostic check and print the
// findings (a table, the JSON report, or the HTML report). With --fail-on, the exit code is 2 when
// a finding reaches that severity, so a pipeline can gate on it; errors exit 1.
import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import {
  checkTitles,
  reaches,
  severities,
  type DiagnosticsReport,
  type Severity,
} from '../../../shared/domain/diagnostics';
import { AppError } from '../../core/errors/app-error';
import { readAppConfigFile } from '../../core/diagnostics/app-config';
import { reportHtml, reportJson } from '../../core/diagnostics/report-html';
import { printTable } from '../output';
import { type GlobalOptions, withCore } from '../context';

interface DiagnoseOptions extends GlobalOptions {
  readonly regions?: string;
  readonly intendedKey?: string;
  readonly config?: string;
  readonly bucketPrefix?: string[];
  readonly html?: boolean;
  readonly output?: string;
  readonly failOn?: Severity;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
export const FINDING_EXIT_CODE = 2;

function parseRegions(list: string | undefined): string[] | undefined {
  if (list === undefined) return undefined;
  const regions = list
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '');
  const bad = regions.find((r) => !REGION.test(r));
  if (bad !== undefined || regions.length === 0)
    throw new AppError(
      'invalid-argument',
      `“${bad ?? list}” is not a region name.`,
      'Use --regions us-east-1,eu-west-1.',
    );
  return regions;
}

// Read before any AWS call, so a wrong path is told at once (app-config.ts checks type and size).
function readConfig(path: string | undefined): string | undefined {
  return path === undefined ? undefined : readAppConfigFile(path);
}

function printFindings(report: DiagnosticsReport): void {
  process.stdout.write(
    `Account ${report.account} · ${report.regions.join(', ')} · ${report.findings.length} findings\n\n`,
  );
  printTable(
    report.findings.map((f) => ({
      severity: f.severity,
      check: checkTitles[f.check],
      region: f.region,
      title: f.title,
    })),
    ['severity', 'check', 'region', 'title'],
  );
  process.stdout.write(`\n${severities.map((s) => `${s}: ${report.summary[s]}`).join('  ')}\n`);
}

export function diagnoseCommand(): Command {
  return new Command('diagnose')
    .description(
      'check EBS default keys, key health and policies, S3 prefix buckets, repeated and shared AMIs; print findings with fixes',
    )
    .option('--regions <list>', 'comma-separated regions (default: the selected region)')
    .option(
      '--intended-key <ref>',
      'the EBS key the application is configured with (key id, ARN, alias or alias ARN)',
    )
    .option(
      '--config <file>',
      'read the intended keys from an Avi cloud configuration (JSON) or a Kublr cluster spec (YAML)',
    )
    .option(
      '--bucket-prefix <prefix...>',
      'bucket prefixes to scan (default avi-se-; a custom Avi prefix P means P-se-)',
    )
    .option('--html', 'print the self-contained HTML report')
    .option('--output <file>', 'write the report (JSON or HTML) to a file instead of stdout')
    .addOption(
      new Option('--fail-on <severity>', 'exit with code 2 when a finding reaches this severity').choices([
        ...severities,
      ]),
    )
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<DiagnoseOptions>();
      if (options.html && options.json)
        throw new AppError('invalid-argument', 'Choose one of --json and --html.');
      const regions = parseRegions(options.regions);
      const configText = readConfig(options.config);
      const report = await withCore(options, (core) =>
        core.diagnostics.runNow({
          ...(regions ? { regions } : {}),
          ...(options.intendedKey ? { intendedKey: options.intendedKey } : {}),
          ...(configText !== undefined ? { configText } : {}),
          ...(options.bucketPrefix ? { bucketPrefixes: options.bucketPrefix } : {}),
        }),
      );
      for (const e of report.errors)
        process.stderr.write(`${e.region}: ${e.what}: ${e.code}: ${e.message}\n`);
      const text = options.html
        ? reportHtml(report)
        : options.json || options.output
          ? reportJson(report)
          : undefined;
      if (options.output && text !== undefined) writeFileSync(options.output, text);
      else if (text !== undefined) process.stdout.write(text);
      else printFindings(report);
      if (options.failOn && report.findings.some((f) => reaches(f.severity, options.failOn as Severity))) {
        process.stderr.write(`envelope: findings at or above ${options.failOn} severity.\n`);
        process.exitCode = FINDING_EXIT_CODE;
      }
    });
}
