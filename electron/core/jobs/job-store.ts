// Job history on disk (jobs.json in the app's data directory), so that it survives a restart.
// Writes are atomic (temporary file, then rename) and coalesced; a corrupt file is set aside, not fatal.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { jobSnapshotSchema, type JobSnapshot } from '../../../shared/domain/jobs';
import { log } from '../log';

const fileSchema = z.object({ version: z.literal(1), jobs: z.array(jobSnapshotSchema) });

// Only the most recent finished jobs are kept; running ones are always kept.
const MAX_KEPT = 200;

export class JobStore {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, 'jobs.json');
  }

  load(): JobSnapshot[] {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      return [];
    }
    try {
      return fileSchema.parse(JSON.parse(text)).jobs;
    } catch (error) {
      const aside = `${this.path}.corrupt-${Date.now()}`;
      log.warn(`job history ${this.path} is unreadable; moved to ${aside}`, error);
      renameSync(this.path, aside);
      return [];
    }
  }

  save(jobs: readonly JobSnapshot[]): void {
    const kept = jobs.slice(-MAX_KEPT);
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: 1, jobs: kept }), { mode: 0o600 });
    renameSync(temporary, this.path);
  }
}
