// A small JSON file in the data directory's diagnostics/ folder, validated with zod on read and
// written atomically (temp file + rename) with owner-only permissions. Never holds a secret.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { z } from 'zod';

export class JsonFile<T> {
  readonly path: string;

  constructor(
    dataDir: string,
    name: string,
    private readonly schema: z.ZodType<T>,
    private readonly fallback: () => T,
  ) {
    this.path = join(dataDir, 'diagnostics', name);
  }

  read(): T {
    try {
      const parsed = this.schema.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      return parsed.success ? parsed.data : this.fallback();
    } catch {
      return this.fallback();
    }
  }

  write(value: T): void {
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileSync(`${this.path}.tmp`, JSON.stringify(value, null, 2), { mode: 0o600 });
    renameSync(`${this.path}.tmp`, this.path);
  }
}
