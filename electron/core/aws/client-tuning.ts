// How core builds every SDK client beyond region, credentials, endpoint and retries. Kept apart from
// client-factory.ts (which imports every service's client) so that tests and benchmarks that build
// their own clients can apply exactly the same settings.
import type { MiddlewareStack } from '@smithy/types';

// cacheMiddleware: resolve each command class's middleware stack once per client instead of on every
// send (the stack is sorted and cloned per call otherwise; a scan sends thousands of commands).
// Core never changes a client's stack after its first send, which is the option's one condition.
export const CLIENT_SETTINGS = { cacheMiddleware: true } as const;

// The SDK's logger middleware runs even with no logger configured: it hands NoOpLogger.info a
// sensitive-data-filtered deep copy of every response, which is then thrown away (15% of the CPU of
// scanning 69,000 resources). Core gives the SDK no logger (its own log redacts through
// electron-log), so the middleware only ever does that copy.
export function withoutSdkLogging<C extends { readonly middlewareStack: unknown }>(client: C): C {
  (client.middlewareStack as MiddlewareStack<object, object>).remove('loggerMiddleware');
  return client;
}
