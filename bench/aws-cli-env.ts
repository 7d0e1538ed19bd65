// The environment the benches run the AWS CLI v2 (/usr/bin/aws) in: the sandbox's credentials, an
// empty config of its own (the user's ~/.aws is never read), no pager, no instance metadata.
// Scratch goes under TMPDIR, which bench/run.ts points at a root it removes at the end.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxProcess } from './inventory/child';

export function awsCliEnv(sandbox: SandboxProcess): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), 'envelope-bench-aws-'));
  writeFileSync(join(home, 'config'), '');
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'config'),
    AWS_ACCESS_KEY_ID: sandbox.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: sandbox.credentials.secretAccessKey,
    AWS_DEFAULT_REGION: sandbox.credentials.region,
    AWS_PAGER: '',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}
