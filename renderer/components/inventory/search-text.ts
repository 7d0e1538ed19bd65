// The text filter's index: for each row, one lowercased string of every value it holds (nested
// attachments and devices included), built once per item object and kept while it lives. A
// keystroke over 10,000 rows is then one `includes` per row instead of stringifying every field
// (collection-hooks' default), which is what made typing slow (bench/renderer, P3).
const cache = new WeakMap<object, string>();

function collect(value: unknown, parts: string[]): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'object') {
    for (const inner of Array.isArray(value) ? value : Object.values(value)) collect(inner, parts);
    return;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    parts.push(String(value));
}

// `extra` adds text the row shows but does not hold (a key's alias for its ARN, say).
export function searchTextOf<T extends object>(item: T, extra?: (item: T) => string): string {
  let text = cache.get(item);
  if (text === undefined) {
    const parts: string[] = [];
    collect(item, parts);
    if (extra) parts.push(extra(item));
    // A separator no one types, so a match never spans two values.
    text = parts.join('\u0000').toLowerCase();
    cache.set(item, text);
  }
  return text;
}

// A filteringFunction for useCollection; the lowercased query is kept between calls (one per row).
export function createSearchFilter<T extends object>(
  extra?: (item: T) => string,
): (item: T, filteringText: string) => boolean {
  let query = '';
  let lowered = '';
  return (item, filteringText) => {
    if (filteringText.length === 0) return true;
    if (filteringText !== query) {
      query = filteringText;
      lowered = filteringText.toLowerCase();
    }
    return searchTextOf(item, extra).includes(lowered);
  };
}

// Builds the index in idle time after the rows are shown, so the first keystroke does not pay
// for 10,000 strings. A no-op where the browser has no requestIdleCallback (jsdom).
export function warmSearchText<T extends object>(
  items: readonly T[],
  extra?: (item: T) => string,
): () => void {
  if (typeof requestIdleCallback !== 'function') return () => undefined;
  let index = 0;
  let handle = 0;
  const step = (deadline: IdleDeadline): void => {
    while (index < items.length && deadline.timeRemaining() > 1) {
      const item = items[index++];
      if (item) searchTextOf(item, extra);
    }
    if (index < items.length) handle = requestIdleCallback(step);
  };
  handle = requestIdleCallback(step);
  return () => cancelIdleCallback(handle);
}
