// Counts SDK calls per action with client middleware: `sends` once per command (retries not
// included), `attempts` once per HTTP request (retries included), `throttled` for the attempts
// AWS answered with a throttling error. The benchmark reports these; tests assert on them.
import type { MiddlewareStack } from '@smithy/types';

export interface CallCounts {
  readonly sends: Map<string, number>;
  readonly attempts: Map<string, number>;
  readonly throttled: Map<string, number>;
}

const throttlingCodes = new Set([
  'RequestLimitExceeded',
  'ThrottlingException',
  'Throttling',
  'SlowDown',
  'TooManyRequestsException',
]);

export const newCallCounts = (): CallCounts => ({
  sends: new Map(),
  attempts: new Map(),
  throttled: new Map(),
});

const bump = (map: Map<string, number>, key: string): void => {
  map.set(key, (map.get(key) ?? 0) + 1);
};

export function countCalls<C extends { readonly middlewareStack: unknown }>(
  client: C,
  counts: CallCounts,
): C {
  // Every SDK v3 client's stack is a MiddlewareStack; its type parameters differ per service.
  const stack = client.middlewareStack as MiddlewareStack<object, object>;
  stack.add(
    (next, context) => (args) => {
      bump(counts.sends, String(context.commandName ?? 'unknown'));
      return next(args);
    },
    { step: 'initialize', name: 'envelopeCountSends' },
  );
  stack.add(
    (next, context) => async (args) => {
      const action = String(context.commandName ?? 'unknown');
      bump(counts.attempts, action);
      try {
        return await next(args);
      } catch (error) {
        if (throttlingCodes.has((error as { name?: string }).name ?? '')) bump(counts.throttled, action);
        throw error;
      }
    },
    // Inside the retry middleware (finalizeRequest, high priority), outside deserialization: once per
    // attempt, seeing AWS's parsed error.
    { step: 'finalizeRequest', priority: 'low', name: 'envelopeCountAttempts' },
  );
  return client;
}

export const total = (map: ReadonlyMap<string, number>): number =>
  [...map.values()].reduce((a, b) => a + b, 0);
