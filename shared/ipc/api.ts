// window.api, derived from the contract: `api.<domain>.<verb>(args)` for each channel and
// `api.<domain>.on<Event>(listener)` for each event, returning its unsubscribe. Both the preload
// (over Electron IPC) and the browser preview (over loopback HTTP) build it with buildApi(), so
// the page sees one API whatever carries it.
import type { ChannelInput, ChannelName, ChannelOutput, EventName, EventPayload } from './contract';
import { channelNames, eventNames } from './contract';
import type { Result } from './channel';

type DomainOf<K> = K extends `${infer D}:${string}` ? D : never;
type VerbOf<K> = K extends `${string}:${infer V}` ? V : never;
type Domain = DomainOf<ChannelName> | DomainOf<EventName>;

export type Call<C extends ChannelName> =
  Record<string, never> extends ChannelInput<C>
    ? (args?: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>
    : (args: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;

export type Subscribe<E extends EventName> = (listener: (payload: EventPayload<E>) => void) => () => void;

export type DomainApi<D extends string> = {
  readonly [C in ChannelName as DomainOf<C> extends D ? VerbOf<C> : never]: Call<C>;
} & {
  readonly [E in EventName as DomainOf<E> extends D ? `on${Capitalize<VerbOf<E>>}` : never]: Subscribe<E>;
};

export type Api = { readonly [D in Domain]: DomainApi<D> };

// What carries calls and events. Only buildApi sees it; the page never gets a generic invoke.
export interface Transport {
  invoke(channel: ChannelName, args: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

export const eventMethodName = (event: EventName): string => {
  const verb = event.slice(event.indexOf(':') + 1);
  return `on${verb.charAt(0).toUpperCase()}${verb.slice(1)}`;
};

export function buildApi(transport: Transport): Api {
  const api: Record<string, Record<string, unknown>> = {};
  const domain = (name: string) => (api[name] ??= {});
  for (const name of channelNames) {
    const [d, verb] = name.split(':') as [string, string];
    domain(d)[verb] = (args?: unknown) => transport.invoke(name, args ?? {});
  }
  for (const name of eventNames) {
    const [d] = name.split(':') as [string];
    domain(d)[eventMethodName(name)] = (listener: (payload: unknown) => void) =>
      transport.subscribe(name, listener);
  }
  return api as unknown as Api;
}
