// The `envelope` command: global options, then one sub-command per capability. Each command
// prints a table by default and JSON with --json, and exits non-zero with a one-line reason.
//
// Start-up is kept to what the invocation needs: a command's module (and through it core and the
// SDK clients) is loaded with import() only when that command runs or shows its own help. The
// others are listed by name and summary, so `envelope --help` loads commander and nothing else.
import { Command } from 'commander';
import { packageVersion } from './version';

interface CommandEntry {
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

// The summary is the command's own description (test/cli/program.test.ts keeps them equal).
export const commandTable: Readonly<Record<string, CommandEntry>> = {
  whoami: {
    summary: 'print the caller identity of the selected account (sandbox or real)',
    load: async () => (await import('./commands/whoami')).whoamiCommand(),
  },
  profiles: {
    summary: 'list AWS profiles with their kind, region and endpoint (never secrets)',
    load: async () => (await import('./commands/profiles')).profilesCommand(),
  },
  login: {
    summary: 'log in to IAM Identity Center (device code flow) for an sso-session or the --profile’s session',
    load: async () => (await import('./commands/login')).loginCommand(),
  },
  sandbox: {
    summary:
      'run the sandbox AWS account on 127.0.0.1 in the foreground (EC2, KMS, S3, STS, IAM, SSO, Auto Scaling)',
    load: async () => (await import('./commands/sandbox')).sandboxCommand(),
  },
  inventory: {
    summary:
      'list instances, volumes, snapshots, AMIs, launch templates, Auto Scaling groups, KMS keys and S3 buckets, with the key that protects each',
    load: async () => (await import('./commands/inventory')).inventoryCommand(),
  },
  diagnose: {
    summary:
      'check EBS default keys, key health and policies, S3 prefix buckets, repeated and shared AMIs; print findings with fixes',
    load: async () => (await import('./commands/diagnose')).diagnoseCommand(),
  },
  migrate: {
    summary:
      'encrypt instances’ EBS volumes with a KMS key in place, with the least downtime; resumable and reversible',
    load: async () => (await import('./commands/migrate')).migrateCommand(),
  },
  'copy-ami': {
    summary: 'make encrypted copies of AMIs with a chosen KMS key (checked before anything is created)',
    load: async () => (await import('./commands/copy-ami')).copyAmiCommand(),
  },
  's3-encrypt': {
    summary:
      're-encrypt the objects already in an S3 bucket (or prefix) with a KMS key, in place; S3 Batch Operations for large buckets',
    load: async () => (await import('./commands/s3-encrypt')).s3EncryptCommand(),
  },
  plan: {
    summary: 'export (signed), import, check (seal, signature, drift), run and trust plans',
    load: async () => (await import('./commands/plan')).planCommand(),
  },
};

// Global options that take a value: the word after them is not the command's name.
const valueOptions = new Set(['--profile', '--region', '--endpoint-url']);

// The sub-command this argv runs or asks help for (`envelope help whoami` too), if any.
export function requestedCommand(argv: readonly string[]): string | undefined {
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') break;
    if (arg.startsWith('-')) {
      if (valueOptions.has(arg)) i++;
      continue;
    }
    words.push(arg);
  }
  const [first, second] = words;
  return first === 'help' ? second : first;
}

// argv as process.argv (node, script, ...args).
export async function buildProgram(argv: readonly string[] = process.argv): Promise<Command> {
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
  const wanted = requestedCommand(argv.slice(2));
  for (const [name, entry] of Object.entries(commandTable)) {
    program.addCommand(name === wanted ? await entry.load() : new Command(name).description(entry.summary));
  }
  return program;
}

// Every command fully loaded: for tests that look at each command's own options and description.
export async function loadAllCommands(): Promise<Command[]> {
  return Promise.all(Object.values(commandTable).map((entry) => entry.load()));
}
