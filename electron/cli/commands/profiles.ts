import { Command } from 'commander';
import { profileKindLabels } from '../../../shared/labels/accounts';
import { print, printTable } from '../output';
import { type GlobalOptions, withAccounts } from '../context';

export function profilesCommand(): Command {
  return new Command('profiles')
    .description('list AWS profiles with their kind, region and endpoint (never secrets)')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const listing = await withAccounts(options, async (accounts) => ({
        ...(await accounts.listProfiles()),
        selection: accounts.current(),
      }));
      // File errors go to stderr in both modes: the listing on stdout stays parseable.
      for (const e of listing.fileErrors)
        process.stderr.write(`warning: ${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}\n`);
      print(options, listing, () => {
        printTable(
          listing.profiles.map((p) => ({
            name: p.name,
            kind: profileKindLabels[p.kind],
            region: p.region,
            endpoint: p.endpointUrl,
            detail: p.roleArn ?? p.ssoSession ?? p.ssoStartUrl ?? p.mfaSerial ?? p.credentialSource ?? '',
            selected: p.name === listing.selection.profile ? '*' : '',
          })),
          ['name', 'kind', 'region', 'endpoint', 'detail', 'selected'],
        );
      });
    });
}
