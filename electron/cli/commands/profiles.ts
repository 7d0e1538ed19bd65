import { Command } from 'commander';
import { print, printTable } from '../output';
import { type GlobalOptions, withCore } from '../context';

export function profilesCommand(): Command {
  return new Command('profiles').description('list AWS profiles with their kind and region (never secrets)').action(async (_options, command: Command) => {
    const options = command.optsWithGlobals<GlobalOptions>();
    const listing = await withCore(options, (core) => core.accounts.listProfiles());
    print(options, listing, () => {
      printTable(
        listing.profiles.map((p) => ({ name: p.name, kind: p.kind, region: p.region, endpoint: p.endpointUrl })),
        ['name', 'kind', 'region', 'endpoint'],
      );
      for (const e of listing.fileErrors) process.stderr.write(`warning: ${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}\n`);
    });
  });
}
