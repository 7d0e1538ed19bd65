// Small user settings kept in the app's data directory (settings.json): the selected account and
// region, the regions to scan, window geometry. Never a secret.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

const settingsSchema = z.object({
  selection: z.object({ profile: z.string(), region: z.string() }).optional(),
  scanRegions: z.array(z.string()).optional(),
  window: z
    .object({ x: z.number(), y: z.number(), width: z.number(), height: z.number(), maximized: z.boolean() })
    .optional(),
  openAtLogin: z.boolean().optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export class SettingsStore {
  private readonly path: string;
  private value: Settings;

  constructor(dataDir: string) {
    this.path = join(dataDir, 'settings.json');
    this.value = this.read();
  }

  get(): Settings {
    return this.value;
  }

  update(change: Partial<Settings>): Settings {
    this.value = { ...this.value, ...change };
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileSync(`${this.path}.tmp`, JSON.stringify(this.value, null, 2), { mode: 0o600 });
    renameSync(`${this.path}.tmp`, this.path);
    return this.value;
  }

  private read(): Settings {
    try {
      const parsed = settingsSchema.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }
}
