import { describe, expect, it } from 'vitest';
import { afterNextPaint, createFrameCoalescer } from '../../../renderer/bridge/frame-coalescer';

describe('createFrameCoalescer', () => {
  it('applies only the latest value, once per scheduled frame', () => {
    const frames: (() => void)[] = [];
    const applied: string[] = [];
    const push = createFrameCoalescer<string>(
      (v) => applied.push(v),
      (cb) => frames.push(cb),
    );
    push('a');
    push('ab');
    push('abc');
    expect(frames).toHaveLength(1);
    frames.shift()?.();
    expect(applied).toEqual(['abc']);
    push('abcd');
    frames.shift()?.();
    expect(applied).toEqual(['abc', 'abcd']);
  });
});

describe('afterNextPaint', () => {
  it('runs after every callback of the next frame, not inside it', async () => {
    const order: string[] = [];
    const done = new Promise<void>((resolve) =>
      afterNextPaint(() => {
        order.push('after paint');
        resolve();
      }),
    );
    window.requestAnimationFrame(() => order.push('frame callback'));
    expect(order).toEqual([]);
    await done;
    expect(order).toEqual(['frame callback', 'after paint']);
  });
});
