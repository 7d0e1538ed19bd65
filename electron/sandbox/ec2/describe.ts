// The shared shape of EC2 Describe* calls: optional ids (each must exist and be visible, else
// the resource's NotFound), filters, then MaxResults/NextToken pagination with the action's
// bounds. Where AWS forbids it, ids together with MaxResults is InvalidParameterCombination.
import type { AwsError, QueryParams } from '../context';
import { paginate, type Page } from '../protocol/paginate';
import { optionalInt, readList } from '../protocol/query-params';
import type { Tag } from '../world';
import { idsWithMaxResults } from './errors';
import { filterPredicate, type FilterFields } from './filters';

export interface DescribeSpec<T extends { tags: Tag[] }> {
  readonly action: string;
  readonly visible: readonly T[]; // what the caller may see, in a stable order
  readonly idOf: (r: T) => string;
  readonly idParam: string; // 'VolumeId'
  readonly setName?: string; // 'volumeSet': set when ids and MaxResults exclude each other
  readonly checkId?: (id: string) => void; // Malformed check
  readonly notFound: (id: string) => AwsError;
  readonly fields: FilterFields<T>;
  readonly min: number;
  readonly max: number;
}

export function describe<T extends { tags: Tag[] }>(params: QueryParams, spec: DescribeSpec<T>): Page<T> {
  const ids = readList(params, spec.idParam);
  const maxResults = optionalInt(params, 'MaxResults');
  if (ids.length > 0 && maxResults !== undefined && spec.setName) throw idsWithMaxResults(spec.setName);
  let items = spec.visible;
  if (ids.length > 0) {
    const byId = new Map(items.map((r) => [spec.idOf(r), r]));
    for (const id of ids) spec.checkId?.(id);
    const missing = ids.find((id) => !byId.has(id));
    if (missing !== undefined) throw spec.notFound(missing);
    const wanted = new Set(ids);
    items = items.filter((r) => wanted.has(spec.idOf(r)));
  }
  const keep = filterPredicate(params, spec.fields);
  return paginate(
    items.filter((r) => keep(r)),
    maxResults,
    params.NextToken,
    { scope: `ec2:${spec.action}`, min: spec.min, max: spec.max },
  );
}
