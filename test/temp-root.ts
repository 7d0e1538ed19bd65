// Vitest global setup (node and e2e projects): one temp root per run, under the system temp
// directory, that every test file's own temp root lives in (test/setup-node.ts points TMPDIR at
// it). Teardown removes the whole root, so even a file that crashed or was killed leaves nothing
// in the system temp directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TEMP_ROOT_VARIABLE = 'ENVELOPE_TEST_TEMP_ROOT';

let root: string | undefined;

export function setup(): void {
  root = mkdtempSync(join(tmpdir(), 'envelope-test-run-'));
  // Workers are started after global setup and inherit this environment.
  process.env[TEMP_ROOT_VARIABLE] = root;
}

export function teardown(): void {
  if (root) rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}
