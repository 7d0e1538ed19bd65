// A throwaway ~/.aws for one test: HOME, AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE point
// into a fresh temp dir (the real ~/.aws is never touched). The texts hold every profile kind.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SandboxProvider } from '../../../electron/core/accounts/sandbox-account';
import { makeTempDir } from '../../helpers/temp-dir';

export const CANARY = 'CANARY-d41d8cd98f00b204e9800998ecf8427e';

export interface AwsFixture {
  readonly home: string;
  readonly configPath: string;
  readonly credentialsPath: string;
  readonly dataDir: string;
}

export function useAwsFixture(config: string, credentials: string): AwsFixture {
  const home = makeTempDir('envelope-accounts-');
  mkdirSync(join(home, '.aws'));
  const configPath = join(home, '.aws', 'config');
  const credentialsPath = join(home, '.aws', 'credentials');
  writeFileSync(configPath, config);
  writeFileSync(credentialsPath, credentials);
  process.env.HOME = home;
  process.env.USERPROFILE = home;
  process.env.AWS_CONFIG_FILE = configPath;
  process.env.AWS_SHARED_CREDENTIALS_FILE = credentialsPath;
  const dataDir = join(home, 'envelope-data');
  process.env.ENVELOPE_DATA_DIR = dataDir;
  return { home, configPath, credentialsPath, dataDir };
}

// Every kind of profile the AWS CLI knows, plus one malformed line (line 27 of the config).
export const everyKindConfig = `# my AWS config, kept by hand
[default]
region = eu-west-1

[profile role]
role_arn = arn:aws:iam::111122223333:role/Deploy
source_profile = default
mfa_serial = arn:aws:iam::111122223333:mfa/alice

[profile instance-role]
role_arn = arn:aws:iam::111122223333:role/Ops
credential_source = Ec2InstanceMetadata

[profile legacy-sso]
sso_start_url = https://d-1234567890.awsapps.com/start
sso_region = us-east-1
sso_account_id = 111122223333
sso_role_name = ReadOnly

[profile corp-dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Admin
region = eu-central-1

[profile broken]
this line is not valid
region = us-west-2

[profile process]
credential_process = /usr/local/bin/get-creds --json

[profile web]
role_arn = arn:aws:iam::111122223333:role/Web
web_identity_token_file = /var/run/token

[profile local]
aws_access_key_id = AKIALOCALEXAMPLE
aws_secret_access_key = ${CANARY}
endpoint_url = http://127.0.0.1:4599

[sso-session corp]
sso_start_url = https://d-9999999999.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access
`;

export const everyKindCredentials = `[default]
aws_access_key_id = AKIADEFAULTEXAMPLE
aws_secret_access_key = ${CANARY}

[mfa-user]
aws_access_key_id = AKIAMFAEXAMPLE
aws_secret_access_key = ${CANARY}
mfa_serial = arn:aws:iam::111122223333:mfa/bob
`;

// A sandbox provider for tests that never call the sandbox.
export const unusedSandbox = (endpoint = 'http://127.0.0.1:9'): SandboxProvider => ({
  ensureStarted: () =>
    Promise.resolve({
      endpoint,
      region: 'us-east-1',
      accessKeyId: 'AKIASANDBOXEXAMPLE00',
      secretAccessKey: 'sandbox-secret-not-used',
    }),
  stop: () => Promise.resolve(),
});
