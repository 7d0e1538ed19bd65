// Core, assembled: the one place that wires services, the job manager, the event bus and the
// channel → handler map. Electron main, the browser preview and the CLI each call createCore()
// with what only they can provide (the data directory, how to open a link, the sandbox).
import { mkdirSync } from 'node:fs';
import { AccountService } from './accounts/account-service';
import type { SandboxProvider } from './accounts/sandbox-account';
import type { MfaCodeProvider } from './accounts/mfa-broker';
import { EventBus } from './events/event-bus';
import { createDispatcher, type Dispatch, type Handlers } from './ipc/dispatcher';
import { JobManager } from './jobs/job-manager';
import { JobStore } from './jobs/job-store';
import { setLogDirectory } from './log';
import { SettingsStore } from './settings/settings-store';
import { appHandlers } from './handlers/app-handlers';
import { jobHandlers } from './handlers/job-handlers';
import { accountHandlers } from './handlers/account-handlers';
import { inventoryHandlers } from './handlers/inventory-handlers';
import { InventoryService } from './inventory/inventory-service';
import { DiagnosticsService } from './diagnostics/diagnostics-service';
import { diagnosticsHandlers } from './handlers/diagnostics-handlers';
import { MigrationService } from './migration/migration-service';
import { migrationHandlers } from './handlers/migration-handlers';
import { AmiCopyService } from './ami-copy/ami-copy-service';
import { amiCopyHandlers } from './handlers/ami-copy-handlers';
import { PlansService } from './plans/plans-service';
import { plansHandlers } from './handlers/plans-handlers';
import { s3EncryptHandlers } from './handlers/s3-encrypt-handlers';
import { S3EncryptService } from './s3-encrypt/s3-encrypt-service';
import { PlanSigner } from './plans/signing';
import type { SecretProtector } from './plans/signing-keys';

export interface CoreOptions {
  readonly dataDir: string;
  readonly version: string;
  readonly shell: 'electron' | 'preview' | 'cli';
  readonly sandbox: SandboxProvider;
  // Opens an allow-listed https URL in the system browser (Electron's shell.openExternal).
  readonly openExternal?: (url: string) => Promise<void>;
  // How MFA codes are asked for: the CLI asks on the terminal; by default core emits
  // accounts:mfaRequired and waits for accounts:submitMfa.
  readonly mfaCodeProvider?: MfaCodeProvider;
  // The OS keychain (Electron's safeStorage) that protects the plan-signing key; without it the
  // key is a 0600 file in the data directory (CLI, preview, sandbox-only runs).
  readonly secretProtector?: SecretProtector;
}

export interface Core {
  readonly dispatch: Dispatch;
  readonly handlers: Handlers;
  readonly events: EventBus;
  readonly jobs: JobManager;
  readonly accounts: AccountService;
  readonly settings: SettingsStore;
  readonly inventory: InventoryService;
  readonly diagnostics: DiagnosticsService;
  readonly migration: MigrationService;
  readonly amiCopy: AmiCopyService;
  readonly plans: PlansService;
  readonly s3Encrypt: S3EncryptService;
  dispose(): Promise<void>;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  mkdirSync(options.dataDir, { recursive: true });
  setLogDirectory(options.dataDir);
  const events = new EventBus();
  const settings = new SettingsStore(options.dataDir);
  const jobs = new JobManager({
    store: new JobStore(options.dataDir),
    onChange: (list) => events.emit('jobs:changed', { jobs: [...list] }),
  });
  const accounts = new AccountService(options.sandbox, events, settings, {
    ...(options.openExternal ? { openExternal: options.openExternal } : {}),
    ...(options.mfaCodeProvider ? { mfaCodeProvider: options.mfaCodeProvider } : {}),
    // A CLI command on a real account neither loads nor starts the sandbox.
    startSandbox: options.shell === 'cli' ? 'when-used' : 'at-start',
  });
  await accounts.init();
  const inventory = new InventoryService({ accounts, jobs, events, dataDir: options.dataDir });
  const diagnostics = new DiagnosticsService({ accounts, inventory, jobs, events, dataDir: options.dataDir });
  const migration = new MigrationService({ accounts, jobs, events, dataDir: options.dataDir });
  const amiCopy = new AmiCopyService({ accounts, jobs, events });
  const s3Encrypt = new S3EncryptService({ accounts, jobs, events, dataDir: options.dataDir });
  const plans = new PlansService({
    accounts,
    migration,
    amiCopy,
    s3Encrypt,
    diagnostics,
    dataDir: options.dataDir,
    signer: new PlanSigner(options.dataDir, options.secretProtector),
  });

  const handlers: Handlers = {
    ...appHandlers(options),
    ...jobHandlers(jobs),
    ...accountHandlers(accounts),
    ...inventoryHandlers(inventory),
    ...diagnosticsHandlers(diagnostics),
    ...migrationHandlers(migration),
    ...amiCopyHandlers(amiCopy),
    ...plansHandlers(plans),
    ...s3EncryptHandlers(s3Encrypt, events),
  };

  // The app picks up migrations a quit or a crash interrupted; the CLI resumes only when asked.
  if (options.shell !== 'cli') {
    void migration.resumeInterrupted();
    void s3Encrypt.resumeInterrupted();
  }

  return {
    dispatch: createDispatcher(handlers),
    handlers,
    events,
    jobs,
    accounts,
    settings,
    inventory,
    diagnostics,
    migration,
    amiCopy,
    plans,
    s3Encrypt,
    async dispose() {
      jobs.flush();
      accounts.dispose();
      accounts.clients.destroy();
      await options.sandbox.stop();
    },
  };
}
