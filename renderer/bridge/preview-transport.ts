// window.api for the browser preview: the same contract (buildApi) over loopback HTTP. Calls are
// POST /api/<channel> with the per-run token in a header; events arrive on one EventSource.
import type { Api, Transport } from '../../shared/ipc/api';
import { buildApi } from '../../shared/ipc/api';
import type { Result } from '../../shared/ipc/channel';
import type { ChannelName, EventName } from '../../shared/ipc/contract';
import { MEDIA_TYPES } from '../../shared/media-types';

export const PREVIEW_TOKEN_META = 'envelope-preview-token';
export const PREVIEW_TOKEN_HEADER = 'X-Envelope-Token';

export function readPreviewToken(doc: Document): string | undefined {
  const meta = doc.querySelector<HTMLMetaElement>(`meta[name="${PREVIEW_TOKEN_META}"]`);
  return meta?.content || undefined;
}

const unreachable = (channel: string): Result<unknown> => ({
  ok: false,
  error: {
    code: 'preview-unreachable',
    message: `The preview server did not answer ${channel}.`,
    hint: 'Check that `npm run preview` is still running, then reload the page.',
  },
});

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';
}

export function createPreviewTransport(token: string, base = ''): Transport {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | undefined;

  const openSource = () => {
    source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as { name: EventName; payload: unknown };
      for (const listener of listeners.get(event.name) ?? []) listener(event.payload);
    };
  };

  return {
    async invoke(channel: ChannelName, args: unknown) {
      try {
        const response = await fetch(`${base}/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': MEDIA_TYPES.json, [PREVIEW_TOKEN_HEADER]: token },
          body: JSON.stringify(args ?? {}),
        });
        const body: unknown = await response.json();
        return isResult(body) ? body : unreachable(channel);
      } catch {
        return unreachable(channel);
      }
    },
    subscribe(event, listener) {
      if (!source) openSource();
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
}

export const createPreviewApi = (token: string): Api => buildApi(createPreviewTransport(token));
