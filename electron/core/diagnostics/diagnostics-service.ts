// Diagnostics as core offers it: runs (a job, or awaited by the CLI), the last report (kept in the
// data directory), the intended keys and bucket prefixes (diagnostics/settings.json), config
// import, and fixes: preview (a sealed plan), apply, undo, journaled in diagnostics/fixes.json.
import { z } from 'zod';
import {
  defaultDiagnosticsSettings,
  diagnosticsReportSchema,
  diagnosticsSettingsSchema,
  fixJournalEntrySchema,
  type DiagnosticFix,
  type DiagnosticsReport,
  type DiagnosticsSettings,
  type FixJournalEntry,
  type ImportedConfig,
} from '../../../shared/domain/diagnostics';
import type { Plan } from '../../../shared/plans/plan-document';
import type { AccountService } from '../accounts/account-service';
import { AppError } from '../errors/app-error';
import type { EventBus } from '../events/event-bus';
import type { InventoryService } from '../inventory/inventory-service';
import type { JobManager } from '../jobs/job-manager';
import { parseAppConfig } from './app-config';
import { applyFixPlan, undoFix } from './fixes/apply-fix';
import type { FixClients } from './fixes/fix-state';
import { planFix, type FixPreview } from './fixes/plan-fix';
import {
  assertPreflightPasses,
  planPreflight,
  withPreflight,
  type PreflightContext,
} from '../preflight/index';
import { accountPreflightContext } from '../preflight/account-context';
import { JsonFile } from './json-file';
import { reportHtml, reportJson } from './report-html';
import { runDiagnostics } from './run-diagnostics';
import { FILE_MEDIA_TYPES } from '../../../shared/media-types';

export interface DiagnosticsServiceOptions {
  readonly accounts: AccountService;
  readonly inventory: InventoryService;
  readonly jobs: JobManager;
  readonly events: EventBus;
  readonly dataDir: string;
}

export interface RunOverrides {
  readonly regions?: readonly string[];
  // Applies to every region of this run, not saved.
  readonly intendedKey?: string;
  readonly configText?: string;
  readonly bucketPrefixes?: readonly string[];
}

const journalSchema = z.object({ entries: z.array(fixJournalEntrySchema) });

export class DiagnosticsService {
  private readonly settingsFile: JsonFile<DiagnosticsSettings>;
  private readonly journalFile: JsonFile<{ entries: FixJournalEntry[] }>;
  private readonly reportFile: JsonFile<DiagnosticsReport | null>;

  constructor(private readonly options: DiagnosticsServiceOptions) {
    this.settingsFile = new JsonFile(options.dataDir, 'settings.json', diagnosticsSettingsSchema, () => ({
      ...defaultDiagnosticsSettings,
    }));
    this.journalFile = new JsonFile(options.dataDir, 'fixes.json', journalSchema, () => ({ entries: [] }));
    this.reportFile = new JsonFile(
      options.dataDir,
      'last-report.json',
      diagnosticsReportSchema.nullable(),
      () => null,
    );
  }

  settings(): DiagnosticsSettings {
    return this.settingsFile.read();
  }

  saveSettings(settings: DiagnosticsSettings): DiagnosticsSettings {
    const clean = diagnosticsSettingsSchema.parse(settings);
    this.settingsFile.write(clean);
    return clean;
  }

  // Reads an Avi or Kublr configuration and stores its keys as the region's intended keys.
  importConfig(text: string, region: string, format: 'auto' | 'avi' | 'kublr' = 'auto') {
    const imported = parseAppConfig(text, format);
    const settings = this.saveSettings(withImported(this.settings(), region, imported));
    return { imported, settings };
  }

  // Starts a 'diagnostics' job; returns its id at once.
  run(regions?: readonly string[]): string {
    const list = this.regions(regions);
    return this.options.jobs.start('diagnostics', `Diagnostics of ${list.join(', ')}`, async (context) => {
      const report = await runDiagnostics(
        this.options,
        { regions: list, settings: this.settings() },
        context,
      );
      this.keep(report);
      return report.summary;
    });
  }

  // Runs now and resolves with the report (the CLI awaits this).
  async runNow(overrides: RunOverrides = {}): Promise<DiagnosticsReport> {
    const regions = this.regions(overrides.regions);
    let settings = this.settings();
    if (overrides.configText !== undefined)
      settings = withImported(settings, '*', parseAppConfig(overrides.configText), true);
    if (overrides.intendedKey)
      settings = { ...settings, intended: { '*': { ebsKey: overrides.intendedKey, source: 'user' } } };
    if (overrides.bucketPrefixes?.length)
      settings = { ...settings, bucketPrefixes: [...overrides.bucketPrefixes] };
    const report = await runDiagnostics(this.options, { regions, settings });
    this.keep(report);
    return report;
  }

  lastReport(): DiagnosticsReport | undefined {
    return this.reportFile.read() ?? undefined;
  }

  exportReport(format: 'html' | 'json'): { filename: string; mimeType: string; content: string } {
    const report = this.lastReport();
    if (!report)
      throw new AppError('no-report', 'There is no diagnostics report yet.', 'Run the diagnostics first.');
    const stamp = report.generatedAt.replace(/[:.]/g, '-');
    return format === 'html'
      ? {
          filename: `envelope-diagnostics-${report.account}-${stamp}.html`,
          mimeType: FILE_MEDIA_TYPES.html,
          content: reportHtml(report),
        }
      : {
          filename: `envelope-diagnostics-${report.account}-${stamp}.json`,
          mimeType: FILE_MEDIA_TYPES.json,
          content: reportJson(report),
        };
  }

  async previewFix(request: { findingId?: string; fix?: DiagnosticFix }): Promise<FixPreview> {
    const fix = request.fix ?? this.fixOfFinding(request.findingId);
    const identity = await this.options.accounts.identity();
    const preview = await planFix(fix, {
      account: identity.accountId,
      callerArn: identity.arn,
      clients: this.clients(fix.region),
    });
    // The fix's calls asked of AWS with DryRun (core/preflight); PutKeyPolicy and S3 are simulated.
    const preflight = await planPreflight(this.preflightContext(identity), preview.plan);
    return { ...preview, plan: await withPreflight(preview.plan, preflight) };
  }

  private preflightContext(identity: { accountId: string; arn: string }): PreflightContext {
    const { accounts } = this.options;
    return accountPreflightContext(accounts, accounts.current().profile, identity);
  }

  async applyFix(plan: Plan): Promise<FixJournalEntry> {
    const region = plan.regions[0] ?? this.options.accounts.current().region;
    // Asked again now: a fix AWS would refuse is not applied.
    const identity = await this.options.accounts.identity();
    assertPreflightPasses(await planPreflight(this.preflightContext(identity), plan));
    const entry = await applyFixPlan(plan, this.clients(region));
    this.journalFile.write({ entries: [...this.journal(), entry] });
    this.options.events.emit('diagnostics:changed', { at: Date.now() });
    return entry;
  }

  async undoFix(entryId: string): Promise<FixJournalEntry> {
    const entries = this.journal();
    const entry = entries.find((e) => e.id === entryId);
    if (!entry) throw new AppError('not-found', `There is no applied fix ${entryId} in the journal.`);
    const undone = await undoFix(entry, this.clients(entry.region));
    this.journalFile.write({ entries: entries.map((e) => (e.id === entryId ? undone : e)) });
    this.options.events.emit('diagnostics:changed', { at: Date.now() });
    return undone;
  }

  journal(): FixJournalEntry[] {
    return this.journalFile.read().entries;
  }

  private fixOfFinding(findingId: string | undefined): DiagnosticFix {
    const finding = this.lastReport()?.findings.find((f) => f.id === findingId);
    if (!finding)
      throw new AppError(
        'not-found',
        `There is no finding ${findingId ?? ''} in the last report.`,
        'Run the diagnostics again.',
      );
    if (!finding.fix.action)
      throw new AppError('no-fix', `“${finding.title}” has no automatic fix.`, finding.fix.text);
    return finding.fix.action;
  }

  private regions(regions?: readonly string[]): string[] {
    return regions && regions.length > 0 ? [...new Set(regions)] : [this.options.accounts.current().region];
  }

  private keep(report: DiagnosticsReport): void {
    this.reportFile.write(report);
    this.options.events.emit('diagnostics:changed', { at: Date.now() });
  }

  private clients(region: string): FixClients {
    const { profile } = this.options.accounts.current();
    const factory = this.options.accounts.clients;
    return {
      ec2: factory.get('ec2', profile, region),
      kms: factory.get('kms', profile, region),
      s3: factory.get('s3', profile, region),
    };
  }
}

function withImported(
  settings: DiagnosticsSettings,
  region: string,
  imported: ImportedConfig,
  replace = false,
): DiagnosticsSettings {
  const prefixes = imported.bucketPrefix
    ? [...new Set([...settings.bucketPrefixes, imported.bucketPrefix])]
    : settings.bucketPrefixes;
  const keys = {
    ...(imported.ebsKey ? { ebsKey: imported.ebsKey } : {}),
    ...(imported.s3Key ? { s3Key: imported.s3Key } : {}),
    source: imported.source,
  };
  return {
    ...settings,
    intended: replace ? { [region]: keys } : { ...settings.intended, [region]: keys },
    bucketPrefixes: prefixes,
  };
}
