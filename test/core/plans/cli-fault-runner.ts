// Runs an exported bash script with the real AWS CLI v2 against a test sandbox, and fails the nth
// AWS CLI command of the run with a sandbox fault. The script calls "$AWS_CLI", so a small wrapper
// counts each command, logs it, and just before the chosen one adds a `fail` fault (nth 1) for the
// API action that command calls to the sandbox's control API; then it runs /usr/bin/aws. The
// failure is an ordinary AWS error answer from the sandbox, which the CLI reports as it would.
// The AWS CLI runs warm (test/helpers/warm-aws-cli.ts: its own code, imported once), since a sweep
// runs it several hundred times.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTROL_TOKEN_HEADER } from '../../../electron/sandbox/index';
import type { TestSandbox } from '../../helpers/sandbox';
import { startWarmAwsCli, type WarmAwsCli } from '../../helpers/warm-aws-cli';

const WRAPPER = `#!/bin/bash
n=$(( $(cat "$ENVELOPE_TEST_COUNT") + 1 ))
echo "$n" > "$ENVELOPE_TEST_COUNT"
args="$*"; printf '%s\\n' "\${args//$'\\n'/ }" >> "$ENVELOPE_TEST_LOG"
if [ "$n" = "$ENVELOPE_TEST_FAIL_AT" ]; then
  curl -sf -o /dev/null -X POST -H "${CONTROL_TOKEN_HEADER}: $ENVELOPE_TEST_TOKEN" -H 'content-type: application/json' \\
    --data "$ENVELOPE_TEST_FAULT" "$ENVELOPE_TEST_CONTROL/faults" || { echo 'could not add the fault' >&2; exit 99; }
fi
AWS_CLI_COMMAND "$@"
`;

// The waiters the scripts use and the operation each polls (botocore's waiter definitions).
const WAITER_ACTIONS: Record<string, string> = {
  'instance-stopped': 'DescribeInstances',
  'instance-running': 'DescribeInstances',
  'instance-terminated': 'DescribeInstances',
  'volume-available': 'DescribeVolumes',
  'volume-in-use': 'DescribeVolumes',
  'snapshot-completed': 'DescribeSnapshots',
  'image-available': 'DescribeImages',
};

export interface CliCommand {
  readonly line: string; // the arguments as logged
  readonly service: string;
  readonly action: string; // the API action its (first) call makes
}

// "--endpoint-url URL ec2 stop-instances --region …" → ec2 / StopInstances.
export function parseCommand(line: string): CliCommand {
  const words = line.split(' ');
  const rest = words[0] === '--endpoint-url' ? words.slice(2) : words;
  const [service = '', op = '', waiter = ''] = rest;
  const pascal = (kebab: string) =>
    kebab
      .split('-')
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join('');
  if (op === 'wait') {
    const action = WAITER_ACTIONS[waiter];
    if (!action) throw new Error(`cli-fault-runner: no action known for the waiter ${waiter}`);
    return { line, service, action };
  }
  return { line, service, action: pascal(op) };
}

export interface ScriptRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly commands: CliCommand[];
}

export class CliFaultRunner {
  private readonly dir = mkdtempSync(join(tmpdir(), 'envelope-export-faults-'));
  private readonly script = join(this.dir, 'plan.sh');
  private readonly wrapper = join(this.dir, 'aws');

  private cli: WarmAwsCli | undefined;

  private constructor(
    private readonly sandbox: TestSandbox,
    scriptText: string,
  ) {
    writeFileSync(this.script, scriptText, { mode: 0o755 });
  }

  static async start(sandbox: TestSandbox, scriptText: string): Promise<CliFaultRunner> {
    const runner = new CliFaultRunner(sandbox, scriptText);
    try {
      runner.cli = await startWarmAwsCli(runner.dir);
    } catch (error) {
      runner.dispose();
      throw error;
    }
    writeFileSync(runner.wrapper, WRAPPER.replace('AWS_CLI_COMMAND', runner.cli.command), { mode: 0o755 });
    return runner;
  }

  // failAt: the 1-based command to fail (0: none); the fault fails that command's first call.
  run(failAt = 0, failAction = '', input = ''): Promise<ScriptRun> {
    const count = join(this.dir, 'count');
    const log = join(this.dir, 'log');
    writeFileSync(count, '0');
    writeFileSync(log, '');
    const fault = {
      kind: 'fail',
      service: 'ec2',
      action: failAction,
      nth: 1,
      count: 1,
      code: 'UnauthorizedOperation',
      status: 403,
      message: `Injected failure of ${failAction} (test).`,
    };
    const env = {
      ...this.sandbox.env,
      ...this.cli?.env,
      AWS_CLI: this.wrapper,
      AWS_ENDPOINT_URL: this.sandbox.endpoint,
      ENVELOPE_TEST_COUNT: count,
      ENVELOPE_TEST_LOG: log,
      ENVELOPE_TEST_FAIL_AT: String(failAt),
      ENVELOPE_TEST_FAULT: JSON.stringify(fault),
      ENVELOPE_TEST_TOKEN: this.sandbox.handle.controlToken,
      ENVELOPE_TEST_CONTROL: this.sandbox.handle.controlUrl.replace(/\/$/, ''),
    };
    return new Promise((resolve) => {
      const child = execFile(
        '/bin/bash',
        [this.script],
        { env, timeout: 240_000, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
          resolve({
            code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
            stdout,
            stderr,
            commands: lines.map(parseCommand),
          });
        },
      );
      child.stdin?.end(input);
    });
  }

  dispose(): void {
    this.cli?.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
