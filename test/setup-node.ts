// Every Node test runs with a throwaway HOME, AWS config files and app data directory, so no test
// can read or change the real ~/.aws or the real app data. Tests that need a fixture set these
// variables again themselves.
//
// Each test file also gets its own temp root (inside the run's root from test/temp-root.ts):
// TMPDIR points there, so os.tmpdir() in the test and in every process it starts lands in it. When
// the file ends, the directories made with makeTempDir() are removed, and any `envelope-*`
// directory still left fails the file: tests remove what they create.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers/temp-dir';
import { TEMP_ROOT_VARIABLE } from './temp-root';

// The system temp directory, remembered before TMPDIR is changed (a worker may run several files).
const systemTemp = (process.env.ENVELOPE_SYSTEM_TMPDIR ??= tmpdir());
const runRoot = process.env[TEMP_ROOT_VARIABLE];
const fileRoot = runRoot
  ? mkdtempSync(join(runRoot, 'file-'))
  : mkdtempSync(join(systemTemp, 'envelope-test-file-'));
for (const name of ['TMPDIR', 'TMP', 'TEMP']) process.env[name] = fileRoot;

afterAll(() => {
  removeTempDirs();
  const left = readdirSync(fileRoot).filter((name) => name.startsWith('envelope-'));
  rmSync(fileRoot, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  if (left.length > 0) {
    throw new Error(
      `This test file left ${left.length} temp director${left.length === 1 ? 'y' : 'ies'} behind (${left.join(', ')}): make them with makeTempDir() from test/helpers/temp-dir.ts or remove them in afterAll.`,
    );
  }
});

const home = mkdtempSync(join(fileRoot, 'home-'));
process.env.HOME = home;
process.env.USERPROFILE = home;
process.env.AWS_CONFIG_FILE = join(home, 'aws-config');
process.env.AWS_SHARED_CREDENTIALS_FILE = join(home, 'aws-credentials');
process.env.ENVELOPE_DATA_DIR = join(home, 'envelope-data');
writeFileSync(process.env.AWS_CONFIG_FILE, '');
writeFileSync(process.env.AWS_SHARED_CREDENTIALS_FILE, '');
for (const name of [
  'AWS_PROFILE',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_ENDPOINT_URL',
]) {
  delete process.env[name];
}
