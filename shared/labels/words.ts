// The last resort for a name that has no label of its own: camelCase or kebab-case split into
// lower-case words ("defaultKeyArn" → "default key arn"), so no internal code reaches a reader
// as it is. Label tables in this folder are the first choice; tests keep them complete.
export const wordsOf = (code: string): string =>
  code
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase()
    .trim();

// A scalar as a reader says it: yes/no for booleans, "none" for null, the value itself otherwise.
export const scalarWords = (value: string | number | boolean | null | undefined): string =>
  value === null || value === undefined || value === ''
    ? 'none'
    : typeof value === 'boolean'
      ? value
        ? 'yes'
        : 'no'
      : String(value);
