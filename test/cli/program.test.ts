// The command table that keeps start-up small: each command is listed by its summary and loaded
// only when it runs. The summaries must stay the commands' own descriptions, and the argv reading
// must find the command behind the global options.
import { describe, expect, it } from 'vitest';
import { buildProgram, commandTable, loadAllCommands, requestedCommand } from '../../electron/cli/program';

describe('envelope command table', () => {
  it('lists every command with its own description', async () => {
    const commands = await loadAllCommands();
    expect(commands.map((c) => c.name())).toEqual(Object.keys(commandTable));
    for (const command of commands) expect(commandTable[command.name()]?.summary).toBe(command.description());
  });

  it.each([
    [['whoami'], 'whoami'],
    [['--profile', 'inventory', 'whoami', '--json'], 'whoami'],
    [['--region', 'eu-west-1', '--endpoint-url', 'http://127.0.0.1:1', 'plan', 'export'], 'plan'],
    [['--profile=x', 'diagnose'], 'diagnose'],
    [['help', 'copy-ami'], 'copy-ami'],
    [['--region', 'us-west-2', 's3-encrypt', '--bucket', 'b', '--kms-key', 'alias/k'], 's3-encrypt'],
    [['--help'], undefined],
    [['--json', '--', 'whoami'], undefined],
  ])('%j runs %s', (argv, name) => {
    expect(requestedCommand(argv)).toBe(name);
  });

  it('loads only the command that runs; the others are name and summary', async () => {
    const program = await buildProgram(['node', 'envelope', 'whoami', '--help']);
    const whoami = program.commands.find((c) => c.name() === 'whoami');
    const plan = program.commands.find((c) => c.name() === 'plan');
    expect(whoami?.description()).toBe(commandTable.whoami?.summary);
    expect(plan?.commands).toEqual([]); // not loaded: no sub-commands yet
    const full = await buildProgram(['node', 'envelope', 'plan']);
    expect(full.commands.find((c) => c.name() === 'plan')?.commands.map((c) => c.name())).toEqual([
      'export',
      'import',
      'check',
      'run',
      'trust',
      'fingerprint',
    ]);
  });
});
