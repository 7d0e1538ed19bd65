// Starts the warm AWS CLI (warm-aws-cli/server.py: the real AWS CLI v2's code, imported once and
// forked per command) and gives the command that calls it, for tests that run the CLI hundreds of
// times. Each command still runs the CLI's own entry point with its own argv, environment and
// streams; only the half-second import is saved.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const here = join(process.cwd(), 'test', 'helpers', 'warm-aws-cli');

export interface WarmAwsCli {
  // Environment for the caller: the socket the client connects to.
  readonly env: Readonly<Record<string, string>>;
  // A shell command line that runs one AWS CLI command: `${command} "$@"`.
  readonly command: string;
  // Runs one command (with --endpoint-url and --output json first, as runAwsCli does).
  run(
    args: readonly string[],
    env: NodeJS.ProcessEnv,
  ): Promise<{ exitCode: number; stdout: string; stderr: string }>;
  stop(): void;
}

export async function startWarmAwsCli(dir: string): Promise<WarmAwsCli> {
  const socketPath = join(dir, 'aws-cli.sock');
  const server = spawn('/usr/bin/python3', [join(here, 'server.py'), socketPath], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // Ready once the socket exists: bounded, it normally takes about a second.
  for (let waited = 0; !existsSync(socketPath); waited += 50) {
    if (server.exitCode !== null || waited > 30_000) {
      server.kill();
      throw new Error(`The warm AWS CLI did not start: ${stderr || 'no socket after 30 s'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const client = join(here, 'client.py');
  return {
    env: { ENVELOPE_WARM_AWS_CLI: socketPath },
    command: `exec /usr/bin/python3 -S -E '${client}'`,
    run: (args, env) =>
      new Promise((resolve) => {
        const argv = ['--endpoint-url', env.AWS_ENDPOINT_URL ?? '', '--output', 'json', ...args];
        execFile(
          '/usr/bin/python3',
          ['-S', '-E', client, ...argv],
          {
            env: { ...env, ENVELOPE_WARM_AWS_CLI: socketPath },
            timeout: 60_000,
            maxBuffer: 64 * 1024 * 1024,
          },
          (error, stdout, stderr) =>
            resolve({
              exitCode: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
              stdout,
              stderr,
            }),
        );
      }),
    stop: () => server.kill(),
  };
}
