// Test helpers for anything that talks to the sandbox: start one per test file, hand SDK clients
// and the real AWS CLI its endpoint and well-known credentials, and run /usr/bin/aws with JSON output.
//
//   const sandbox = withSandbox({ scenario: 'avi-lab' });          // registers beforeAll/afterAll
//   const ec2 = new EC2Client(sandbox.sdkConfig);                  // inside a test or beforeAll
//   const out = await runAwsCli(['ec2', 'describe-volumes'], sandbox.env);
//   await sandbox.controlFetch('clock', { method: 'POST', body: '{"advanceMs":60000}' });
//
// Defaults: clock speed 3600 (an hour of AWS time per real second), throttling off, SDK retries off
// (maxAttempts 1) so fault-injection tests see the first answer.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import {
  CONTROL_TOKEN_HEADER,
  startSandbox,
  type SandboxHandle,
  type StartSandboxOptions,
} from '../../electron/sandbox/index';
import { makeTempDir } from './temp-dir';

export interface SdkConfig {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly maxAttempts: number;
}

export interface TestSandbox {
  readonly handle: SandboxHandle;
  readonly endpoint: string;
  readonly credentials: SandboxHandle['credentials'];
  readonly control: SandboxHandle['control'];
  // For EC2, KMS, STS, IAM, Auto Scaling, SSO clients: new EC2Client(sandbox.sdkConfig).
  readonly sdkConfig: SdkConfig;
  // For S3Client: path-style, as the CLI with --endpoint-url sends it.
  readonly s3Config: SdkConfig & { readonly forcePathStyle: true };
  // Environment for child processes (the AWS CLI, `npx envelope`): credentials, region,
  // AWS_ENDPOINT_URL, a throwaway HOME and config files, no pager.
  readonly env: NodeJS.ProcessEnv;
  // A call to the control API (path under /_sandbox/, e.g. 'faults'), with this run's token.
  controlFetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

// Sends a control API call with the run's token (and a JSON content type when there is a body).
export function controlFetch(
  sandbox: Pick<SandboxHandle, 'controlUrl' | 'controlToken'>,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set(CONTROL_TOKEN_HEADER, sandbox.controlToken);
  if (init.body !== undefined && !headers.has('content-type'))
    headers.set('content-type', 'application/json');
  return fetch(`${sandbox.controlUrl}${path}`, { ...init, headers });
}

export type TestSandboxOptions = StartSandboxOptions;

export async function startTestSandbox(options: TestSandboxOptions = {}): Promise<TestSandbox> {
  const handle = await startSandbox({ speed: 3600, throttling: false, ...options });
  const { accessKeyId, secretAccessKey, region } = handle.credentials;
  const sdkConfig: SdkConfig = {
    endpoint: handle.endpoint,
    region,
    credentials: { accessKeyId, secretAccessKey },
    maxAttempts: 1,
  };
  return {
    handle,
    endpoint: handle.endpoint,
    credentials: handle.credentials,
    control: handle.control,
    sdkConfig,
    s3Config: { ...sdkConfig, forcePathStyle: true },
    env: cliEnv(handle.endpoint, accessKeyId, secretAccessKey, region),
    controlFetch: (path, init) => controlFetch(handle, path, init),
    close: () => handle.close(),
  };
}

// Starts a sandbox before the file's tests and closes it after. The returned object's fields are
// readable once beforeAll has run (inside tests and later hooks).
export function withSandbox(options: TestSandboxOptions = {}): TestSandbox {
  let current: TestSandbox | undefined;
  beforeAll(async () => {
    current = await startTestSandbox(options);
  });
  afterAll(async () => {
    await current?.close();
    current = undefined;
  });
  const get = (): TestSandbox => {
    if (!current) throw new Error('withSandbox(): the sandbox is used before beforeAll ran');
    return current;
  };
  return {
    get handle() {
      return get().handle;
    },
    get endpoint() {
      return get().endpoint;
    },
    get credentials() {
      return get().credentials;
    },
    get control() {
      return get().control;
    },
    get sdkConfig() {
      return get().sdkConfig;
    },
    get s3Config() {
      return get().s3Config;
    },
    get env() {
      return get().env;
    },
    controlFetch: (path, init) => get().controlFetch(path, init),
    close: () => get().close(),
  };
}

function cliEnv(
  endpoint: string,
  accessKeyId: string,
  secretAccessKey: string,
  region: string,
): NodeJS.ProcessEnv {
  const home = makeTempDir('envelope-cli-home-');
  const configFile = join(home, 'aws-config');
  const credentialsFile = join(home, 'aws-credentials');
  writeFileSync(configFile, '');
  writeFileSync(credentialsFile, '');
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    // The test file's temp root (test/setup-node.ts), so what the CLIs make is removed with it.
    TMPDIR: tmpdir(),
    AWS_CONFIG_FILE: configFile,
    AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: secretAccessKey,
    AWS_DEFAULT_REGION: region,
    AWS_REGION: region,
    AWS_ENDPOINT_URL: endpoint,
    AWS_PAGER: '',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_MAX_ATTEMPTS: '1',
  };
}

export interface AwsCliResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

// Runs /usr/bin/aws (the CLI v2; a plain `aws` on PATH is v1) with --endpoint-url from
// env.AWS_ENDPOINT_URL (this CLI predates AWS_ENDPOINT_URL support) and --output json.
export function runAwsCliRaw(args: readonly string[], env: NodeJS.ProcessEnv): Promise<AwsCliResult> {
  const endpoint = env.AWS_ENDPOINT_URL;
  if (!endpoint) throw new Error('runAwsCli: env.AWS_ENDPOINT_URL is not set (use sandbox.env)');
  const argv = ['--endpoint-url', endpoint, '--output', 'json', ...args];
  return new Promise((resolve) => {
    execFile(
      '/usr/bin/aws',
      argv,
      { env, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ exitCode: code, stdout, stderr });
      },
    );
  });
}

// Runs the CLI and returns its parsed JSON output ({} when it prints nothing). Rejects with the
// CLI's stderr when it fails, which fails the calling test with AWS's error text.
export async function runAwsCli<T = Record<string, unknown>>(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<T> {
  const result = await runAwsCliRaw(args, env);
  if (result.exitCode !== 0) {
    throw new Error(`aws ${args.join(' ')} failed (exit ${result.exitCode}): ${result.stderr.trim()}`);
  }
  const text = result.stdout.trim();
  return (text === '' ? {} : JSON.parse(text)) as T;
}
