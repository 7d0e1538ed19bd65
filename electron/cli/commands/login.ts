// `envelope login --sso-session NAME` (or --profile P): IAM Identity Center's device flow on the
// terminal. It prints the verification URL and the code, polls until the login is approved and
// writes the token where the AWS CLI v2 keeps it, so `aws` and the SDK reuse the login.
import { Command } from 'commander';
import { formatTime } from '../../../shared/format/time';
import type { EventPayload } from '../../../shared/ipc/contract';
import { AppError } from '../../core/errors/app-error';
import { print, printTable } from '../output';
import { type GlobalOptions, withCore } from '../context';

interface LoginOptions extends GlobalOptions {
  readonly ssoSession?: string;
}

export function loginCommand(): Command {
  return new Command('login')
    .description(
      'log in to IAM Identity Center (device code flow) for an sso-session or the --profile’s session',
    )
    .option('--sso-session <name>', 'the [sso-session NAME] of ~/.aws/config')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<LoginOptions>();
      const target = options.ssoSession
        ? { ssoSession: options.ssoSession }
        : options.profile
          ? { profile: options.profile }
          : undefined;
      if (!target)
        throw new AppError(
          'invalid-argument',
          'Name the session to log in to.',
          'Use --sso-session NAME or --profile NAME.',
        );
      const result = await withCore({ ...options, profile: undefined }, async (core) => {
        let ended: EventPayload<'accounts:ssoLogin'> | undefined;
        core.events.subscribe((name, payload) => {
          if (name === 'accounts:ssoLogin') ended = payload as EventPayload<'accounts:ssoLogin'>;
        });
        const started = await core.accounts.startSsoLogin(target);
        process.stderr.write(
          `Open ${started.verificationUriComplete}\nand confirm the code ${started.userCode}\n(code valid until ${formatTime(started.expiresAt)}; waiting…)\n`,
        );
        const outcome = await core.accounts.sso.wait(started.loginId);
        if (outcome !== 'succeeded') {
          throw new AppError(
            `sso-login-${outcome}`,
            ended?.error ?? `The login ${outcome === 'cancelled' ? 'was cancelled' : 'failed'}.`,
          );
        }
        const { ssoSessions } = await core.accounts.listProfiles();
        const session = ssoSessions.find((s) => s.name === ended?.ssoSession);
        return {
          ssoSession: ended?.ssoSession ?? '',
          state: outcome,
          // ISO 8601 for --json; the table below formats it for people.
          ...(session?.expiresAt ? { expiresAt: new Date(session.expiresAt).toISOString() } : {}),
        };
      });
      // --json keeps ISO 8601; the table shows the one display format.
      print(options, result, () =>
        printTable(
          [
            {
              ...result,
              expiresAt: result.expiresAt === undefined ? undefined : formatTime(result.expiresAt),
            },
          ],
          ['ssoSession', 'state', 'expiresAt'],
        ),
      );
    });
}
