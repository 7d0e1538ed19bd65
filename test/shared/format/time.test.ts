import { describe, expect, it } from 'vitest';
import { formatTime } from '../../../shared/format/time';

const AT = '2026-12-04T01:23:45.000Z';

describe('formatTime', () => {
  it('shows local time with the zone, whatever the input form', () => {
    expect(formatTime(AT, { timeZone: 'UTC' })).toBe('4 Dec 2026, 01:23:45 UTC');
    expect(formatTime(Date.parse(AT), { timeZone: 'Europe/Berlin' })).toBe('4 Dec 2026, 02:23:45 CET');
    expect(formatTime(new Date(AT), { timeZone: 'Asia/Tokyo' })).toMatch(
      /^4 Dec 2026, 10:23:45 (GMT\+9|JST)$/,
    );
  });

  it('uses the machine zone when none is given', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
    try {
      expect(formatTime(AT)).toBe('4 Dec 2026, 02:23:45 CET');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('shows a value that is not a time as it came, never Invalid Date', () => {
    expect(formatTime('yesterday', { timeZone: 'UTC' })).toBe('yesterday');
    expect(formatTime(Number.NaN, { timeZone: 'UTC' })).toBe('unknown time');
    expect(formatTime('', { timeZone: 'UTC' })).toBe('unknown time');
  });
});
