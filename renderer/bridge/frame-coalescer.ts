// Progress can arrive many times a second; the page needs at most one render per frame.
// Keeps only the latest value and applies it on the next animation frame.
export type ScheduleFrame = (callback: () => void) => unknown;

const nextFrame: ScheduleFrame = (callback) => window.requestAnimationFrame(() => callback());

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
