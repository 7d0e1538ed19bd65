// CreateTags, DescribeTags and TagSpecification on create calls.
import { AwsError, type CallContext, type QueryHandler, type QueryParams } from '../context';
import { paginate } from '../protocol/paginate';
import { optionalInt, readList, readTagSpecifications, readTags } from '../protocol/query-params';
import type { Tag } from '../world';
import { wildcardMatch } from './filters';
import { readFilters } from '../protocol/query-params';
import { imageNotFound, instanceNotFound, snapshotNotFound, volumeNotFound } from './errors';
import { isMine, itemList } from './scope';

// Tags of TagSpecification.N whose ResourceType is `resourceType`.
export function tagsFor(params: QueryParams, resourceType: string): Tag[] {
  return readTagSpecifications(params)
    .filter((s) => s.resourceType === resourceType)
    .flatMap((s) => s.tags.map((t) => ({ Key: t.Key, Value: t.Value })));
}

export function mergeTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  const byKey = new Map(existing.map((t) => [t.Key, t]));
  for (const t of added) byKey.set(t.Key, t);
  return [...byKey.values()];
}

interface Taggable {
  tags: Tag[];
}

interface TaggedResource {
  readonly id: string;
  readonly type: string;
  readonly resource: Taggable;
}

function findTaggable(ctx: CallContext, id: string): Taggable {
  const w = ctx.world;
  if (id.startsWith('vol-')) {
    const v = w.volumes.get(id);
    if (!v || !isMine(ctx, v)) throw volumeNotFound(id);
    return v;
  }
  if (id.startsWith('snap-')) {
    const s = w.snapshots.get(id);
    if (!s || !isMine(ctx, s)) throw snapshotNotFound(id);
    return s;
  }
  if (id.startsWith('ami-')) {
    const i = w.images.get(id);
    if (!i || !isMine(ctx, i)) throw imageNotFound(id);
    return i;
  }
  if (id.startsWith('i-')) {
    const i = w.instances.get(id);
    if (!i || !isMine(ctx, i)) throw instanceNotFound(id);
    return i;
  }
  if (id.startsWith('lt-')) {
    const t = w.launchTemplates.get(id);
    if (!t || !isMine(ctx, t)) {
      throw new AwsError(
        'InvalidLaunchTemplateId.NotFound',
        `The specified launch template, with template ID ${id}, does not exist.`,
      );
    }
    return t;
  }
  throw new AwsError('InvalidID', `The ID '${id}' is not valid`);
}

export const createTags: QueryHandler = (ctx, params) => {
  const ids = readList(params, 'ResourceId');
  if (ids.length === 0)
    throw new AwsError('MissingParameter', 'The request must contain the parameter resourceIdSet');
  const tags = readTags(params);
  if (tags.length === 0)
    throw new AwsError('MissingParameter', 'The request must contain the parameter tagSet');
  const resources = ids.map((id) => findTaggable(ctx, id));
  for (const r of resources) r.tags = mergeTags(r.tags, tags);
  return { return: true };
};

function allTagged(ctx: CallContext): TaggedResource[] {
  const w = ctx.world;
  const out: TaggedResource[] = [];
  const add = (id: string, type: string, resource: Taggable & { region: string }, owner: string): void => {
    if (resource.region === ctx.region && owner === ctx.accountId) out.push({ id, type, resource });
  };
  for (const r of w.instances.values()) add(r.instanceId, 'instance', r, r.accountId);
  for (const r of w.volumes.values()) add(r.volumeId, 'volume', r, r.accountId);
  for (const r of w.snapshots.values()) add(r.snapshotId, 'snapshot', r, r.accountId);
  for (const r of w.images.values()) add(r.imageId, 'image', r, r.ownerId);
  for (const r of w.launchTemplates.values()) add(r.launchTemplateId, 'launch-template', r, r.accountId);
  return out;
}

const TAG_FILTERS = new Set(['key', 'value', 'resource-id', 'resource-type']);

export const describeTags: QueryHandler = (ctx, params) => {
  const filters = readFilters(params);
  for (const f of filters) {
    if (!TAG_FILTERS.has(f.name) && !f.name.startsWith('tag:')) {
      throw new AwsError('InvalidParameterValue', `The filter '${f.name}' is invalid`);
    }
  }
  const rows = allTagged(ctx)
    .flatMap((r) =>
      r.resource.tags.map((t) => ({ resourceId: r.id, resourceType: r.type, key: t.Key, value: t.Value })),
    )
    .filter((row) =>
      filters.every((f) => {
        const actual =
          f.name === 'key'
            ? row.key
            : f.name === 'value'
              ? row.value
              : f.name === 'resource-id'
                ? row.resourceId
                : f.name === 'resource-type'
                  ? row.resourceType
                  : undefined;
        if (actual === undefined)
          return row.key === f.name.slice(4) && f.values.some((p) => wildcardMatch(p, row.value));
        return f.values.some((p) => wildcardMatch(p, actual));
      }),
    )
    .sort((a, b) => a.resourceId.localeCompare(b.resourceId) || a.key.localeCompare(b.key));
  const page = paginate(rows, optionalInt(params, 'MaxResults'), params.NextToken, {
    scope: 'ec2:DescribeTags',
    min: 5,
    max: 1000,
  });
  return { tagSet: itemList(page.items), nextToken: page.nextToken };
};
