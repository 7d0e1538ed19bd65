// Progress can arrive many times a second; the page needs at most one render per frame.
// Keeps only the latest value and applies it on the next animation frame.
export type ScheduleFrame = (callback: () => void) => unknown;

const nextFrame: ScheduleFrame = (callback) => window.requestAnimationFrame(() => callback());

// Once the next frame has been painted: a message posted from a frame's animation callback is
// delivered after that frame's style, layout and paint (and, unlike setTimeout, is not clamped).
export const afterNextPaint: ScheduleFrame = (callback) =>
  window.requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      callback();
    };
    channel.port2.postMessage(undefined);
  });

export function createFrameCoalescer<T>(apply: (value: T) => void, schedule: ScheduleFrame = nextFrame) {
  let pending: { value: T } | undefined;
  return (value: T) => {
    const isScheduled = pending !== undefined;
    pending = { value };
    if (isScheduled) return;
    schedule(() => {
      const latest = pending;
      pending = undefined;
      if (latest) apply(latest.value);
    });
  };
}
