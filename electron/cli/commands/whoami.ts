import { Command } from 'commander';
import { print, printTable } from '../output';
import { type GlobalOptions, withAccounts } from '../context';

export function whoamiCommand(): Command {
  return new Command('whoami')
    .description('print the caller identity of the selected account (sandbox or real)')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const identity = await withAccounts(options, (accounts) => accounts.identity());
      print(options, identity, () => printTable([identity], ['profile', 'accountId', 'arn', 'userId']));
    });
}
