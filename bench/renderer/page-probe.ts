// What runs inside the page (bundled into one script by p3-renderer.ts): a fake window.api that
// answers inventory:get with the benchmark's inventory and everything else with an error, and
// the timing of "data arrives → the first frame that shows it" and of filter keystrokes.
// The Node project has no DOM types, so the few browser APIs used here are typed locally.
interface ProbeElement {
  readonly textContent: string | null;
  readonly parentElement: ProbeElement | null;
  readonly value?: string;
}
interface BrowserGlobals {
  readonly document: {
    querySelector(selector: string): ProbeElement | null;
    readonly activeElement: ProbeElement | null;
  };
  requestAnimationFrame(callback: () => void): number;
  addEventListener(type: 'keydown', listener: (event: { timeStamp: number }) => void, capture: boolean): void;
  removeEventListener(
    type: 'keydown',
    listener: (event: { timeStamp: number }) => void,
    capture: boolean,
  ): void;
}
const browser = globalThis as unknown as BrowserGlobals & ProbeWindow;
const requestAnimationFrame = (callback: () => void): number => browser.requestAnimationFrame(callback);

export interface ProbeWindow {
  api?: unknown;
  __benchDataAt?: number;
  __benchRenderedAt?: number;
  __benchProbe?: { armKeystroke(): void; readKeystroke(): Promise<KeystrokeTiming> };
}

export function installProbe(inventory: unknown): void {
  const w = browser;
  const watchFirstRow = (): void => {
    const shown = browser.document.querySelector('table tbody tr')?.textContent?.includes('vol-');
    if (shown) void afterThisFramePaints().then((t) => (w.__benchRenderedAt = t));
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

export interface KeystrokeTiming {
  readonly echoMs: number; // key event → painted frame showing the typed character in the box
  readonly resultMs: number; // key event → painted frame showing the new "N matches"
}

// Arms the timing of the next key typed into the focused filter (NaN after 10 s). Armed first
// and read afterwards (readKeystroke), so the listener is in place before the key is sent.
let pending: Promise<KeystrokeTiming> | undefined;
export function armKeystroke(): void {
  pending = timeKeystroke();
}
export function readKeystroke(): Promise<KeystrokeTiming> {
  return pending ?? Promise.resolve({ echoMs: Number.NaN, resultMs: Number.NaN });
}

// Called from a requestAnimationFrame callback: resolves with the time once that frame has been
// painted. A message posted now runs after the frame's rendering steps (style, layout, paint),
// without setTimeout's clamping. (Asking for another frame here would count one frame too many.)
const afterThisFramePaints = (): Promise<number> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    (channel.port1 as unknown as { onmessage: () => void }).onmessage = () => resolve(performance.now());
    channel.port2.postMessage(undefined);
  });

// Checks at the start of each frame until `changed` holds; that frame paints the change.
const whenPainted = (changed: () => boolean): Promise<number> =>
  new Promise((resolve) => {
    const poll = (): void => {
      if (changed()) void afterThisFramePaints().then(resolve);
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });

function timeKeystroke(): Promise<KeystrokeTiming> {
  // The filter's "N matches" sits next to its input: climb from the focused input, not the page.
  const input = browser.document.activeElement;
  const countText = (): string => {
    let element = input?.parentElement;
    for (let depth = 0; element && depth < 6; depth++, element = element.parentElement) {
      const match = /\d+ matches/.exec(element.textContent ?? '');
      if (match) return match[0];
    }
    return '';
  };
  const beforeCount = countText();
  const beforeValue = input?.value;
  return new Promise((resolve) => {
    setTimeout(() => resolve({ echoMs: Number.NaN, resultMs: Number.NaN }), 10_000);
    const onKey = (event: { timeStamp: number }): void => {
      browser.removeEventListener('keydown', onKey, true);
      const start = event.timeStamp;
      void Promise.all([
        whenPainted(() => input?.value !== beforeValue),
        whenPainted(() => countText() !== beforeCount),
      ]).then(([echo, result]) => resolve({ echoMs: echo - start, resultMs: result - start }));
    };
    browser.addEventListener('keydown', onKey, true);
  });
}
