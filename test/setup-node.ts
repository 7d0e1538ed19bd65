// Every Node test runs with a throwaway HOME, AWS config files and app data directory, so no test
// can read or change the real ~/.aws or the real app data. Tests that need a fixture set these
// variables again themselves.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const home = mkdtempSync(join(tmpdir(), 'envelope-test-home-'));
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
