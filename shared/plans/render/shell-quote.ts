// POSIX single quoting: the one way a value from a plan reaches a generated shell command.
export const sq = (value: unknown): string => `'${String(value).replace(/'/g, `'\\''`)}'`;

// A shell variable name derived from an id (ids are [a-z0-9-]; anything else becomes _).
export const varName = (prefix: string, id: string): string =>
  `${prefix}_${id.replace(/[^A-Za-z0-9]/g, '_')}`;
