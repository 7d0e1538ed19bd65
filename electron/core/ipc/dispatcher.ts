// The transport-agnostic service map: channel → handler. Electron's ipcMain adapter and the
// browser preview both call dispatch(); it parses the arguments with the channel's schema, runs
// the handler and parses the result with the output schema (which also strips any field the
// contract does not name, so nothing unplanned, a secret least of all, leaves core).
import type { ChannelArgs, ChannelName, ChannelOutput } from '../../../shared/ipc/contract';
import { channels } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/channel';
import { toApiError } from '../errors/to-api-error';
import { log } from '../log';

export type Handlers = {
  readonly [C in ChannelName]: (args: ChannelArgs<C>) => Promise<ChannelOutput<C>>;
};

export type Dispatch = (channel: string, rawArgs: unknown) => Promise<Result<unknown>>;

const isChannel = (name: string): name is ChannelName => Object.prototype.hasOwnProperty.call(channels, name);

export function createDispatcher(handlers: Handlers): Dispatch {
  return async (name, rawArgs) => {
    if (!isChannel(name)) {
      return { ok: false, error: { code: 'unknown-channel', message: `There is no channel named ${name}.` } };
    }
    const spec = channels[name];
    const parsed = spec.input.safeParse(rawArgs ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      return {
        ok: false,
        error: {
          code: 'invalid-argument',
          message: `Invalid input for ${name}: ${where}${issue?.message ?? 'does not match the contract'}.`,
          hint: 'Correct the highlighted value and try again.',
        },
      };
    }
    try {
      const handler = handlers[name] as (args: unknown) => Promise<unknown>;
      const value = spec.output.parse(await handler(parsed.data));
      return { ok: true, value };
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === 'internal') log.error(`handler ${name} failed`, error);
      else log.warn(`handler ${name}: ${apiError.code}: ${apiError.message}`);
      return { ok: false, error: apiError };
    }
  };
}
