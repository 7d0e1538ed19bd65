// The one timestamp format for people: local time with its zone, e.g. "4 Dec 2026, 01:23:45 UTC"
// or "4 Dec 2026, 02:23:45 CET" (day, month, year, 24-hour clock with seconds, short zone name).
//
// The rule: everything a person reads goes through formatTime — the UI, the HTML and
// Markdown exports, comments in the bash and SSM exports, the diagnostics report and the CLI's
// human output. Everything a machine reads keeps ISO 8601 in UTC — the plan document, the JSON
// exports, journals, caches and the CLI's --json output — so it sorts, parses and compares the
// same on every machine. test/shared/format/time-in-one-place.test.ts fails when a display path
// formats a time any other way (toISOString, toLocaleString, its own Intl.DateTimeFormat).

// When: ms since the epoch, an ISO 8601 string (as stored in plans and reports), or a Date.
export type TimeInput = number | string | Date;

export interface TimeFormatOptions {
  // An IANA zone such as 'Europe/Berlin'; the machine's own zone when left out. Tests pass one so
  // they do not depend on where they run.
  readonly timeZone?: string;
}

// en-GB gives "4 Dec 2026, 01:23:45 UTC": day before month, no AM/PM, unambiguous in any locale.
const LOCALE = 'en-GB';

const toDate = (at: TimeInput): Date => (at instanceof Date ? at : new Date(at));

// A value that is not a time is shown as it came rather than as "Invalid Date" or a RangeError:
// a report with one odd field should still be readable.
const unreadable = (at: TimeInput): string => (typeof at === 'string' && at !== '' ? at : 'unknown time');

// "4 Dec 2026, 01:23:45 UTC"
export function formatTime(at: TimeInput, options: TimeFormatOptions = {}): string {
  const date = toDate(at);
  if (Number.isNaN(date.getTime())) return unreadable(at);
  return new Intl.DateTimeFormat(LOCALE, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
    timeZone: options.timeZone,
  }).format(date);
}
