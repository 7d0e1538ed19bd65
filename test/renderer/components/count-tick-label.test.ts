// A count axis labels whole numbers only (issue L item 16: the Overview chart said "0.5 resources").
import { describe, expect, it } from 'vitest';
import { countTickLabel } from '../../../renderer/components/count-tick-label';

describe('countTickLabel', () => {
  it('labels the whole-number ticks and leaves the fractional ones blank', () => {
    // What d3's ticks() gives Cloudscape for a 0..3 axis about 350 px long.
    const ticks = [0, 0.5, 1, 1.5, 2, 2.5, 3];
    expect(ticks.map(countTickLabel)).toEqual(['0', '', '1', '', '2', '', '3']);
  });

  it('keeps large counts readable', () => {
    expect(countTickLabel(12000)).toBe((12000).toLocaleString());
    expect(countTickLabel(0.2)).toBe('');
  });
});
