// credential_process with a bounded wait. The SDK's fromProcess runs the command with exec() and
// waits for it without a limit, and gives no handle on the child: a command that never answers
// (a prompt no one sees, a hung helper) leaves the CLI and every call of the app waiting forever.
// Envelope runs the command itself, the way fromProcess does (one shell command line, its stdout
// parsed as JSON), stops it after a bounded wait, and names the profile and the wait.
//
// Output format and rules: AWS CLI User Guide, "Source credentials with an external process"
// (https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-sourcing-external.html):
// Version 1, AccessKeyId and SecretAccessKey required, SessionToken and Expiration (ISO 8601)
// optional; checked as @aws-sdk/credential-provider-process checks them (an expired Expiration
// is refused; AccountId, else the profile's aws_account_id).
import { spawn } from 'node:child_process';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { z } from 'zod';
import { AppError } from '../errors/app-error';

export const DEFAULT_CREDENTIAL_PROCESS_TIMEOUT_MS = 60_000;
// Output beyond this is not credentials; the reading stops there.
const MAX_OUTPUT_BYTES = 1024 * 1024;

const processOutputSchema = z.object({
  Version: z.literal(1),
  AccessKeyId: z.string().min(1),
  SecretAccessKey: z.string().min(1),
  SessionToken: z.string().optional(),
  Expiration: z.string().optional(),
  AccountId: z.string().optional(),
});

export interface CredentialProcessOptions {
  readonly profile: string;
  readonly command: string;
  readonly accountId?: string;
  readonly timeoutMs?: number;
}

// ENVELOPE_CREDENTIAL_PROCESS_TIMEOUT (seconds) sets another wait, e.g. for a helper that asks
// for a hardware key touch.
export function credentialProcessTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.ENVELOPE_CREDENTIAL_PROCESS_TIMEOUT);
  return env.ENVELOPE_CREDENTIAL_PROCESS_TIMEOUT && Number.isFinite(seconds) && seconds > 0
    ? seconds * 1000
    : DEFAULT_CREDENTIAL_PROCESS_TIMEOUT_MS;
}

const describeWait = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

function runCommand(options: CredentialProcessOptions, timeoutMs: number): Promise<string> {
  const { profile, command } = options;
  return new Promise((resolve, reject) => {
    // As exec() does: the whole line through the shell (quoting rules of the user guide). On POSIX
    // in a process group of its own (detached), so that stopping it stops what the shell started
    // too: sh does not replace itself with the command, and killing sh alone leaves it running.
    const group = process.platform !== 'win32';
    const child = spawn(command, {
      shell: true,
      detached: group,
      stdio: ['ignore', 'pipe', 'ignore'],
      windowsHide: true,
    });
    const stop = () => {
      try {
        if (group && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    };
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
    };
    const timer = setTimeout(() => {
      stop();
      settle(() =>
        reject(
          new AppError(
            'credential-process-timeout',
            `The credential_process of profile ${profile} did not answer within ${describeWait(timeoutMs)}; Envelope stopped it.`,
            'Run that command in a terminal to see what it waits for (a prompt, a network call), or set ENVELOPE_CREDENTIAL_PROCESS_TIMEOUT (seconds) for a slower one.',
          ),
        ),
      );
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_OUTPUT_BYTES) chunks.push(chunk);
    });
    child.on('error', (error) =>
      settle(() =>
        reject(
          new AppError(
            'credential-process-failed',
            `The credential_process of profile ${profile} could not be started: ${error.message}.`,
          ),
        ),
      ),
    );
    child.on('close', (code) =>
      settle(() => {
        if (code === 0) resolve(Buffer.concat(chunks).toString('utf8'));
        else
          reject(
            new AppError(
              'credential-process-failed',
              `The credential_process of profile ${profile} exited with code ${code ?? 'unknown'}.`,
              'Run that command in a terminal to see its error.',
            ),
          );
      }),
    );
  });
}

export function parseProcessOutput(
  profile: string,
  stdout: string,
  accountId?: string,
  now: Date = new Date(),
): AwsCredentialIdentity {
  let raw: unknown;
  try {
    raw = JSON.parse(stdout.trim());
  } catch {
    throw new AppError(
      'credential-process-failed',
      `The credential_process of profile ${profile} returned invalid JSON.`,
    );
  }
  const parsed = processOutputSchema.safeParse(raw);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') || '(top level)';
    throw new AppError(
      'credential-process-failed',
      `The credential_process of profile ${profile} returned no valid credentials (${field}).`,
      'It must print {"Version": 1, "AccessKeyId": …, "SecretAccessKey": …} on stdout.',
    );
  }
  const data = parsed.data;
  const expiration = data.Expiration ? new Date(data.Expiration) : undefined;
  if (expiration && expiration < now)
    throw new AppError(
      'credential-process-failed',
      `The credential_process of profile ${profile} returned expired credentials.`,
    );
  const account = data.AccountId ?? accountId;
  return {
    accessKeyId: data.AccessKeyId,
    secretAccessKey: data.SecretAccessKey,
    ...(data.SessionToken ? { sessionToken: data.SessionToken } : {}),
    ...(expiration ? { expiration } : {}),
    ...(account ? { accountId: account } : {}),
  };
}

export function fromProcessWithTimeout(options: CredentialProcessOptions): AwsCredentialIdentityProvider {
  const timeoutMs = options.timeoutMs ?? credentialProcessTimeoutMs();
  return async () =>
    parseProcessOutput(options.profile, await runCommand(options, timeoutMs), options.accountId);
}
