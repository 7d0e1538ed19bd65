// `envelope sandbox`: runs the sandbox account in the foreground and prints how to reach it.
// Stops on Ctrl-C / SIGTERM.
import { Command, InvalidArgumentError } from 'commander';
import { CONTROL_TOKEN_HEADER, scenarioNames, startSandbox } from '../../sandbox/index';

interface SandboxOptions {
  readonly scenario: string;
  readonly port: number;
  readonly speed: number;
  readonly throttling: boolean;
}

function parseNumber(label: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min) throw new InvalidArgumentError(`${label} must be a number ≥ ${min}`);
    return n;
  };
}

export function sandboxCommand(): Command {
  return new Command('sandbox')
    .description(
      'run the sandbox AWS account on 127.0.0.1 in the foreground (EC2, KMS, S3, STS, IAM, SSO, Auto Scaling)',
    )
    .option('--scenario <name>', `scenario to load (${scenarioNames.join(', ')})`, 'avi-lab')
    .option('--port <n>', 'port to listen on (0 = any free port)', parseNumber('--port', 0), 0)
    .option(
      '--speed <x>',
      'clock speed: 1 = real time, 3600 = an hour per second, 0 = frozen',
      parseNumber('--speed', 0),
      1,
    )
    .option('--no-throttling', 'turn off EC2 and KMS request throttling')
    .action(async (options: SandboxOptions) => {
      if (!scenarioNames.includes(options.scenario)) {
        throw new InvalidArgumentError(
          `unknown scenario '${options.scenario}' (known: ${scenarioNames.join(', ')})`,
        );
      }
      const sandbox = await startSandbox({
        port: options.port,
        scenario: options.scenario,
        speed: options.speed,
        throttling: options.throttling,
      });
      const { accessKeyId, secretAccessKey, region } = sandbox.credentials;
      // These are the sandbox's published, well-known credentials, not secrets (see sandbox/config.ts).
      process.stdout.write(
        [
          `Envelope sandbox listening on ${sandbox.endpoint}`,
          `scenario ${options.scenario}, clock speed ${options.speed}, throttling ${options.throttling ? 'on' : 'off'}`,
          '',
          'Use it from a shell:',
          `  export AWS_ACCESS_KEY_ID=${accessKeyId}`,
          `  export AWS_SECRET_ACCESS_KEY=${secretAccessKey}`,
          `  export AWS_DEFAULT_REGION=${region} AWS_REGION=${region}`,
          `  export AWS_ENDPOINT_URL=${sandbox.endpoint}`,
          `  /usr/bin/aws --endpoint-url ${sandbox.endpoint} sts get-caller-identity`,
          '',
          `Control API: ${sandbox.controlUrl} (health, reset, scenario, clock, faults, state, sso/approve)`,
          // The token is this run's own secret for the control API, so a web page cannot reset or
          // fault the sandbox; it is printed only here, for the person who started it.
          `Control token: ${sandbox.controlToken} (send it on every control call as the ${CONTROL_TOKEN_HEADER} header)`,
          `  curl -H '${CONTROL_TOKEN_HEADER}: ${sandbox.controlToken}' ${sandbox.controlUrl}health`,
          'Press Ctrl-C to stop.',
          '',
        ].join('\n'),
      );
      await new Promise<void>((resolve) => {
        const stop = (): void => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await sandbox.close();
    });
}
