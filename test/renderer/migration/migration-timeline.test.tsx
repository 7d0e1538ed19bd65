// The migration timeline fills its card and keeps the downtime label off the axis's end tick
// (issue L item 15): the label has a row of its own and stays inside the drawing.
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JournalInstance } from '../../../shared/domain/migration';
import { MigrationTimeline } from '../../../renderer/components/migration/migration-timeline';
import { INSTANCE, journal } from './fixtures';

const FONT_SIZE = 11; // px, the axis labels' font size

const instance = (overrides: Partial<JournalInstance> = {}): JournalInstance => ({
  ...journal().instances[0]!,
  ...overrides,
});

// A ResizeObserver that reports the card as `width` px wide as soon as it observes it.
function cardWidth(width: number) {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(private readonly callback: ResizeObserverCallback) {}
      observe(target: Element) {
        this.callback([{ target, contentRect: { width } as DOMRectReadOnly } as ResizeObserverEntry], this);
      }
      disconnect() {}
      unobserve() {}
    },
  );
}

const svg = () => screen.getByRole('img', { name: `Timeline of ${INSTANCE}` });
const y = (element: Element) => Number(element.getAttribute('y'));
const x = (element: Element) => Number(element.getAttribute('x'));

describe('MigrationTimeline', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is as wide as its card', () => {
    cardWidth(1180);
    const first = instance();
    render(<MigrationTimeline instance={first} now={first.steps.at(-1)!.endedAt!} />);
    expect(svg().getAttribute('width')).toBe('1180');
    // The axis runs to the card's right edge (less a 10 px margin), where its end label sits.
    expect(svg().querySelector('line')?.getAttribute('x2')).toBe('1170');
    expect(x(screen.getByText('3 min 21 s'))).toBe(1170);
  });

  it('puts the downtime label on its own row under the tick labels, inside the drawing', () => {
    cardWidth(900);
    // The stop comes at the very end of the axis, right under the end tick's label.
    const T0 = instance().steps[0]!.startedAt;
    const late = instance({ stoppedAt: T0 + 195_000, runningAt: T0 + 200_000 });
    render(<MigrationTimeline instance={late} now={T0 + 201_000} />);
    const endTick = screen.getByText('3 min 21 s');
    const downtime = screen.getByTestId('downtime-label');
    expect(downtime.textContent).toBe('downtime 5 s');
    expect(y(downtime) - y(endTick)).toBeGreaterThanOrEqual(FONT_SIZE + 4);
    expect(y(downtime)).toBeLessThanOrEqual(Number(svg().getAttribute('height')));
    // Near the right edge it ends where the downtime ends, so it is not cut off.
    expect(downtime.getAttribute('text-anchor')).toBe('end');
    expect(x(downtime)).toBeLessThanOrEqual(890);
  });

  it('starts the label at the stop when the stop is in the left half', () => {
    cardWidth(900);
    render(<MigrationTimeline instance={instance()} now={0} />);
    const downtime = screen.getByTestId('downtime-label');
    expect(downtime.getAttribute('text-anchor')).toBe('start');
    expect(x(downtime)).toBe(Number(screen.getByTestId('downtime-window').getAttribute('x')));
  });
});
