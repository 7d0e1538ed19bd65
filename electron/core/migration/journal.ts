// The migration journal: one JSON file per migration (<dataDir>/migrations/<id>.json), rewritten
// atomically (temporary file + rename) before and after every AWS call, so that after a crash or a
// quit the migration can be resumed or rolled back from what was last written plus what AWS says.
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  awaitingConfirmation,
  isFinished,
  migrationJournalSchema,
  type JournalInstance,
  type MigrationJournal,
  type MigrationSummary,
} from '../../../shared/domain/migration';
import { AppError } from '../errors/app-error';

export interface JournalStoreOptions {
  readonly dataDir: string;
  // Called before each write with its number (1, 2, …); the reliability suite throws from it to
  // kill the executor at an exact point, so that write and every later one never happen.
  readonly beforeWrite?: (journal: MigrationJournal, write: number) => void;
  // Called after each write for the live view.
  readonly onChange?: (journal: MigrationJournal) => void;
}

export class JournalStore {
  private readonly dir: string;
  private writes = 0;

  constructor(private readonly options: JournalStoreOptions) {
    this.dir = join(options.dataDir, 'migrations');
    mkdirSync(this.dir, { recursive: true });
  }

  pathOf(id: string): string {
    if (!/^mig-[a-z0-9-]+$/.test(id)) {
      throw new AppError(
        'invalid-argument',
        `“${id}” is not a migration id.`,
        'Migration ids look like mig-1a2b3c4d.',
      );
    }
    return join(this.dir, `${id}.json`);
  }

  write(journal: MigrationJournal): void {
    this.options.beforeWrite?.(journal, this.writes + 1);
    const path = this.pathOf(journal.id);
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(journal, null, 2)}\n`);
    renameSync(tmp, path);
    this.writes += 1;
    this.options.onChange?.(journal);
  }

  read(id: string): MigrationJournal {
    let text: string;
    try {
      text = readFileSync(this.pathOf(id), 'utf8');
    } catch {
      throw new AppError(
        'migration-not-found',
        `There is no migration ${id} in this data directory.`,
        'List migrations with `envelope migrate --list`.',
      );
    }
    const parsed = migrationJournalSchema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      throw new AppError('journal-invalid', `The journal of ${id} cannot be read: ${parsed.error.message}`);
    }
    return parsed.data;
  }

  list(): MigrationJournal[] {
    const out: MigrationJournal[] = [];
    for (const name of readdirSync(this.dir)) {
      if (!name.endsWith('.json')) continue;
      try {
        out.push(this.read(name.slice(0, -'.json'.length)));
      } catch {
        // A journal from another version or a damaged file: not listed, left on disk for a person.
      }
    }
    return out.sort((a, b) => b.updatedAt - a.updatedAt);
  }
}

// A mutable view of one journal that writes through on every change.
export class Journal {
  constructor(
    private readonly store: JournalStore,
    private state: MigrationJournal,
    private readonly now: () => number,
  ) {}

  get value(): MigrationJournal {
    return this.state;
  }

  update(change: (draft: MigrationJournal) => void): void {
    const draft = structuredClone(this.state);
    change(draft);
    draft.updatedAt = this.now();
    this.state = draft;
    this.store.write(draft);
  }

  instance(id: string): JournalInstance {
    const found = this.state.instances.find((i) => i.instanceId === id);
    if (!found) throw new AppError('internal', `The journal has no instance ${id}.`);
    return found;
  }

  updateInstance(id: string, change: (draft: JournalInstance) => void): void {
    this.update((draft) => {
      const found = draft.instances.find((i) => i.instanceId === id);
      if (found) change(found);
    });
  }

  // Journals the start of a step, before its AWS calls.
  begin(id: string, step: string, detail?: string): void {
    this.updateInstance(id, (i) => {
      i.steps.push({ step, state: 'started', startedAt: this.now(), ...(detail ? { detail } : {}) });
    });
  }

  // Journals the end of the last started record of this step, after its AWS calls.
  end(id: string, step: string, state: 'done' | 'failed', detail?: string): void {
    this.updateInstance(id, (i) => {
      const record = [...i.steps].reverse().find((s) => s.step === step && s.state === 'started');
      if (!record) return;
      record.state = state;
      record.endedAt = this.now();
      if (detail) record.detail = detail;
    });
  }
}

export function isDone(instance: JournalInstance, step: string): boolean {
  return instance.steps.some((s) => s.step === step && s.state === 'done');
}

export function summarize(journal: MigrationJournal): MigrationSummary {
  const awaiting = awaitingConfirmation(journal);
  return {
    id: journal.id,
    region: journal.region,
    profile: journal.profile,
    strategy: journal.strategy,
    status: journal.status,
    keyLabel: journal.keyLabel,
    instanceIds: journal.instances.map((i) => i.instanceId),
    updatedAt: journal.updatedAt,
    resumable: !isFinished(journal.status),
    ...(awaiting ? { awaitingInstanceId: awaiting.instanceId } : {}),
  };
}
