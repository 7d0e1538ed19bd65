// The `envelope` command: global options, then one sub-command per capability. Each command
// prints a table by default and JSON with --json, and exits non-zero with a one-line reason.
import { Command } from 'commander';
import { packageVersion } from './context';
import { whoamiCommand } from './commands/whoami';
import { profilesCommand } from './commands/profiles';
import { loginCommand } from './commands/login';
import { sandboxCommand } from './commands/sandbox';
import { inventoryCommand } from './commands/inventory';
import { diagnoseCommand } from './commands/diagnose';
import { migrateCommand } from './commands/migrate';
import { copyAmiCommand } from './commands/copy-ami';
import { planCommand } from './commands/plan';

export function buildProgram(): Command {
  const program = new Command('envelope')
    .description(
      'Move EC2 instances, AMIs and S3 buckets to KMS encryption at rest — and see why it goes wrong.',
    )
    .version(packageVersion(), '-v, --version')
    .option(
      '--profile <name>',
      'AWS profile to use (default: AWS_PROFILE, else the sandbox when no profile exists)',
    )
    .option('--region <region>', 'AWS region (default: the profile’s region)')
    .option(
      '--endpoint-url <url>',
      'send AWS calls to this endpoint (e.g. a sandbox started with `envelope sandbox`)',
    )
    .option('--json', 'print JSON instead of a table')
    .showHelpAfterError('(run `envelope --help` for usage)')
    .configureOutput({ outputError: (text, write) => write(text) });
  program.addCommand(whoamiCommand());
  program.addCommand(profilesCommand());
  program.addCommand(loginCommand());
  program.addCommand(sandboxCommand());
  program.addCommand(inventoryCommand());
  program.addCommand(diagnoseCommand());
  program.addCommand(migrateCommand());
  program.addCommand(copyAmiCommand());
  program.addCommand(planCommand());
  return program;
}
