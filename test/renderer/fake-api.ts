// A fake window.api typed from the contract, for renderer store and component tests. It is built
// with the real buildApi() over an in-memory transport, so the page sees exactly the Api type the
// preload and the preview give it. Arguments and answers pass through the channel's zod schemas,
// so a fake that drifts from the contract fails the test that uses it.
//
//   const fake = installFakeApi({ 'jobs:list': () => ({ jobs: [job] }) });
//   fake.setHandler('jobs:cancel', () => fail({ code: 'not-found', message: 'No such job.' }));
//   fake.emit('jobs:changed', { jobs: [] });
//   expect(fake.callsTo('jobs:cancel')).toEqual([{ id: 'job-1' }]);
import type { Api, Transport } from '../../shared/ipc/api';
import { buildApi } from '../../shared/ipc/api';
import type { ApiError, Result } from '../../shared/ipc/channel';
import type {
  ChannelArgs,
  ChannelName,
  ChannelOutput,
  EventName,
  EventPayload,
} from '../../shared/ipc/contract';
import { channels, events } from '../../shared/ipc/contract';
import type { JobSnapshot } from '../../shared/domain/jobs';

const failure = Symbol('fake-api-failure');
export interface Failure {
  readonly [failure]: ApiError;
}
// What a fake handler returns to make the call answer { ok: false, error }.
export const fail = (error: ApiError): Failure => ({ [failure]: error });
const isFailure = (value: unknown): value is Failure =>
  typeof value === 'object' && value !== null && failure in value;

export type FakeHandler<C extends ChannelName> = (
  args: ChannelArgs<C>,
) => ChannelOutput<C> | Failure | Promise<ChannelOutput<C> | Failure>;
export type FakeHandlers = { [C in ChannelName]?: FakeHandler<C> };

export const SANDBOX_IDENTITY = {
  profile: 'sandbox',
  accountId: '123456789012',
  arn: 'arn:aws:iam::123456789012:user/envelope-sandbox',
  userId: 'AIDASANDBOXUSER00001',
} as const;

// A plausible sandbox session: the sandbox profile selected in us-east-1, no jobs.
export const defaultHandlers = (): FakeHandlers => {
  let selection = { profile: 'sandbox', region: 'us-east-1' };
  return {
    'app:info': () => ({
      name: 'Envelope',
      version: '0.0.0-test',
      platform: 'linux',
      shell: 'preview',
      versions: { node: '20.20.0' },
    }),
    'accounts:list': () => ({
      profiles: [
        { name: 'sandbox', kind: 'sandbox', region: 'us-east-1', endpointUrl: 'http://127.0.0.1:4566' },
        { name: 'work', kind: 'static', region: 'eu-west-1' },
      ],
      fileErrors: [],
      ssoSessions: [],
      selection,
      scanRegions: [],
    }),
    'accounts:select': ({ profile, region }) => (selection = { profile, region: region ?? 'us-east-1' }),
    'accounts:identity': ({ profile }) => ({ ...SANDBOX_IDENTITY, profile: profile ?? selection.profile }),
    'regions:list': () => ({
      regions: ['eu-west-1', 'us-east-1', 'us-west-2'].map((name) => ({
        name,
        optInStatus: 'opt-in-not-required',
      })),
    }),
    'jobs:list': () => ({ jobs: [] }),
    'jobs:cancel': () => ({ ok: true }),
    'jobs:clearFinished': () => ({ ok: true }),
  };
};

export interface FakeApi {
  readonly api: Api;
  readonly calls: readonly { readonly channel: ChannelName; readonly args: unknown }[];
  callsTo<C extends ChannelName>(channel: C): ChannelArgs<C>[];
  setHandler<C extends ChannelName>(channel: C, handler: FakeHandler<C>): void;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  listenerCount(event: EventName): number;
}

export function createFakeApi(overrides: FakeHandlers = {}): FakeApi {
  const handlers: FakeHandlers = { ...defaultHandlers(), ...overrides };
  const calls: { channel: ChannelName; args: unknown }[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  const transport: Transport = {
    async invoke(channel, rawArgs): Promise<Result<unknown>> {
      const spec = channels[channel];
      const args: unknown = spec.input.parse(rawArgs);
      calls.push({ channel, args });
      const handler = handlers[channel] as ((args: unknown) => unknown) | undefined;
      if (!handler) {
        return {
          ok: false,
          error: { code: 'not-faked', message: `The fake api has no handler for ${channel}.` },
        };
      }
      const answer = await handler(args);
      if (isFailure(answer)) return { ok: false, error: answer[failure] };
      return { ok: true, value: spec.output.parse(answer) };
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };

  return {
    api: buildApi(transport),
    calls,
    callsTo: <C extends ChannelName>(channel: C) =>
      calls.filter((call) => call.channel === channel).map((call) => call.args as ChannelArgs<C>),
    setHandler: (channel, handler) => {
      (handlers as Record<string, unknown>)[channel] = handler;
    },
    emit: (event, payload) => {
      const parsed = events[event].parse(payload);
      for (const listener of listeners.get(event) ?? []) listener(parsed);
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
}

// Creates a fake and sets it as window.api; remove it with uninstallFakeApi() in afterEach.
export function installFakeApi(overrides: FakeHandlers = {}): FakeApi {
  const fake = createFakeApi(overrides);
  window.api = fake.api;
  return fake;
}

export function uninstallFakeApi(): void {
  delete window.api;
}

export function fakeJob(overrides: Partial<JobSnapshot> = {}): JobSnapshot {
  return {
    id: 'job-1',
    kind: 'ami-copy',
    title: 'Copy ami-0123456789abcdef0 to eu-west-1',
    state: 'running',
    progress: { value: 0.42, title: 'Copying snapshots', detail: 'snap-1 at 42%' },
    steps: [],
    createdAt: Date.UTC(2025, 0, 1, 12, 0, 0),
    ...overrides,
  };
}
