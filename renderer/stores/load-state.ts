// What a store knows about one remote value: a discriminated union rather than boolean flags.
import type { ApiError } from '../../shared/ipc/channel';

export type LoadState<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'error'; readonly error: ApiError };

export const idle = { status: 'idle' } as const;
export const loading = { status: 'loading' } as const;
export const ready = <T>(value: T): LoadState<T> => ({ status: 'ready', value });
export const failed = (error: ApiError): LoadState<never> => ({ status: 'error', error });

export const valueOf = <T>(state: LoadState<T>): T | undefined =>
  state.status === 'ready' ? state.value : undefined;
