// What runs inside the page (serialized by Playwright, so self-contained): a fake window.api that
// answers inventory:get with the benchmark's inventory and everything else with an error, and
// the timing of "data arrives → the first frame that shows it".
export interface ProbeWindow {
  api?: unknown;
  __benchDataAt?: number;
  __benchRenderedAt?: number;
  __benchProbe?: { timeKeystroke(): Promise<number> };
}

export function installProbe(inventory: unknown): void {
  const w = window as unknown as ProbeWindow;
  // Resolves after the frame in which the DOM showed the change, i.e. once it was painted.
  const afterPaint = (): Promise<number> =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(undefined);
      }),
    );
  const watchFirstRow = (): void => {
    const shown = document.querySelector('table tbody tr')?.textContent?.includes('vol-');
    if (shown) void afterPaint().then((t) => (w.__benchRenderedAt = t));
    else requestAnimationFrame(watchFirstRow);
  };
  const answer = (domain: string, verb: string): Promise<unknown> => {
    if (domain === 'inventory' && verb === 'get') {
      return new Promise((resolve) =>
        setTimeout(() => {
          w.__benchDataAt = performance.now();
          requestAnimationFrame(watchFirstRow);
          resolve({ ok: true, value: inventory });
        }, 50),
      );
    }
    return Promise.resolve({
      ok: false,
      error: { code: 'unavailable', message: 'Not part of the renderer benchmark.' },
    });
  };
  w.api = new Proxy(
    {},
    {
      get: (_target, domain) =>
        new Proxy(
          {},
          {
            get: (_t, verb) =>
              String(verb).startsWith('on')
                ? () => () => undefined
                : () => answer(String(domain), String(verb)),
          },
        ),
    },
  );
}

// Types one character into the focused filter and resolves with the ms from the key event to the
// painted frame whose "N matches" text differs from before.
export function timeKeystroke(): Promise<number> {
  // The filter's "N matches" sits next to its input: climb from the focused input, not the page.
  const input = document.activeElement;
  const countText = (): string => {
    let element = input?.parentElement;
    for (let depth = 0; element && depth < 6; depth++, element = element.parentElement) {
      const match = /\d+ matches/.exec(element.textContent ?? '');
      if (match) return match[0];
    }
    return '';
  };
  const before = countText();
  return new Promise((resolve) => {
    const onKey = (event: KeyboardEvent): void => {
      window.removeEventListener('keydown', onKey, true);
      const start = event.timeStamp;
      const poll = (): void => {
        if (countText() === before) {
          requestAnimationFrame(poll);
          return;
        }
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - start);
          channel.port2.postMessage(undefined);
        });
      };
      requestAnimationFrame(poll);
    };
    window.addEventListener('keydown', onKey, true);
  });
}
