// EC2 Filter.N semantics: a resource matches when every filter matches; a filter matches when any
// of its values matches any of the resource's values for that name. Values accept the wildcards
// `*` (any run) and `?` (one character), as EC2 documents. Tag filters (tag:KEY, tag-key,
// tag-value) work the same for every taggable resource.
import { AwsError, type QueryParams } from '../context';
import { readFilters, type QueryFilter } from '../protocol/query-params';
import type { Tag } from '../world';

// For a filter name, the resource's values (strings), or undefined when the name is not a filter
// this resource type supports.
export type FilterFields<T> = Record<string, (resource: T) => readonly (string | undefined)[]>;

export function wildcardMatch(pattern: string, value: string): boolean {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === '\\' && i + 1 < pattern.length) re += escapeRe(pattern.charAt(++i));
    else if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else re += escapeRe(c);
  }
  return new RegExp(`${re}$`, 's').test(value);
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function tagValues(name: string, tags: readonly Tag[]): string[] | undefined {
  if (name.startsWith('tag:')) {
    const key = name.slice(4);
    return tags.filter((t) => t.Key === key).map((t) => t.Value);
  }
  if (name === 'tag-key') return tags.map((t) => t.Key);
  if (name === 'tag-value') return tags.map((t) => t.Value);
  return undefined;
}

// Reads Filter.N from the params and returns a predicate; throws InvalidParameterValue for a
// filter name the resource type does not support, as EC2 does.
export function filterPredicate<T extends { tags: Tag[] }>(
  params: QueryParams,
  fields: FilterFields<T>,
): (resource: T) => boolean {
  const filters = readFilters(params);
  for (const f of filters) {
    if (!(f.name in fields) && tagValues(f.name, []) === undefined) {
      throw new AwsError('InvalidParameterValue', `The filter '${f.name}' is invalid`);
    }
  }
  return (resource) => filters.every((f) => matches(f, resource, fields));
}

function matches<T extends { tags: Tag[] }>(f: QueryFilter, resource: T, fields: FilterFields<T>): boolean {
  const read = fields[f.name];
  const values = (read ? read(resource) : (tagValues(f.name, resource.tags) ?? [])).filter(
    (v): v is string => v !== undefined,
  );
  return f.values.some((pattern) => values.some((v) => wildcardMatch(pattern, v)));
}

export const bool = (b: boolean): string => (b ? 'true' : 'false');
