// Temp directories a test makes, removed when its file ends: test/setup-node.ts calls
// removeTempDirs() after the file's own afterAll hooks (sandboxes and previews are closed by then)
// and then fails the file if any `envelope-*` directory is still left in its temp root.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = new Set<string>();

// mkdtemp under the file's temp root (or `parent`, e.g. /dev/shm), removed at the end of the file.
export function makeTempDir(prefix: string, parent: string = tmpdir()): string {
  const dir = mkdtempSync(join(parent, prefix));
  made.add(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  made.clear();
}
