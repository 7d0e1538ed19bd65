import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPreviewApi, readPreviewToken } from '../../../renderer/bridge/preview-transport';

// Enough of EventSource for the transport: jsdom has none.
class FakeEventSource {
  static last: FakeEventSource | undefined;
  onmessage: ((message: MessageEvent<string>) => void) | null = null;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  deliver(data: unknown) {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(data) }));
  }
}

describe('preview transport', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.head.innerHTML = '';
  });

  it('reads the token the preview put in the page', () => {
    document.head.innerHTML = '<meta name="envelope-preview-token" content="t0k3n">';
    expect(readPreviewToken(document)).toBe('t0k3n');
  });

  it('posts each call to /api/<channel> with the token header and returns the Result', async () => {
    const fetch = vi.fn(() =>
      Promise.resolve(new Response(JSON.stringify({ ok: true, value: { jobs: [] } }), { status: 200 })),
    );
    vi.stubGlobal('fetch', fetch);
    const api = createPreviewApi('secret-token');
    expect(await api.jobs.list()).toEqual({ ok: true, value: { jobs: [] } });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/jobs%3Alist');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['X-Envelope-Token']).toBe('secret-token');
    expect(init.body).toBe('{}');
  });

  it('answers a typed error, not an exception, when the server is gone', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const result = await createPreviewApi('t').app.info();
    expect(result).toMatchObject({ ok: false, error: { code: 'preview-unreachable' } });
  });

  it('delivers events from one EventSource to the listeners of that event', () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const api = createPreviewApi('tok en');
    const jobs: unknown[] = [];
    const off = api.jobs.onChanged((payload) => jobs.push(payload));
    api.accounts.onChanged(() => jobs.push('wrong listener'));
    expect(FakeEventSource.last?.url).toBe('/api/events?token=tok%20en');
    FakeEventSource.last?.deliver({ name: 'jobs:changed', payload: { jobs: [] } });
    off();
    FakeEventSource.last?.deliver({ name: 'jobs:changed', payload: { jobs: [] } });
    expect(jobs).toEqual([{ jobs: [] }]);
  });
});
