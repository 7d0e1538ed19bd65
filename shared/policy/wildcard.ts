// IAM's wildcard matching: `*` matches any run of characters (also none), `?` exactly one.
// Used for Action (case-insensitive), Resource, StringLike and ArnLike (case-sensitive).

const cache = new Map<string, RegExp>();

function toRegExp(pattern: string, ignoreCase: boolean): RegExp {
  const cacheKey = `${ignoreCase ? 'i' : 's'}:${pattern}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const body = pattern
    .split('')
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const regExp = new RegExp(`^${body}$`, ignoreCase ? 'is' : 's');
  if (cache.size > 5000) cache.clear();
  cache.set(cacheKey, regExp);
  return regExp;
}

export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*') && !pattern.includes('?')) {
    return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  }
  return toRegExp(pattern, ignoreCase).test(value);
}

// Actions are "service:Name"; the service prefix and the name are both case-insensitive.
export function actionMatches(pattern: string, action: string): boolean {
  return wildcardMatch(pattern, action, true);
}
