// DescribeRegions and DescribeAvailabilityZones from the world's region list. Regions not opted in
// are listed only with AllRegions=true, as EC2 does.
import type { QueryHandler } from '../context';
import { optionalBool, readFilters, readList } from '../protocol/query-params';
import { invalidParameterValue } from './errors';
import { wildcardMatch } from './filters';
import { itemList } from './scope';

function keep(values: Record<string, string>, filters: { name: string; values: string[] }[]): boolean {
  return filters.every((f) => {
    const actual = values[f.name];
    if (actual === undefined) throw invalidParameterValue(`The filter '${f.name}' is invalid`);
    return f.values.some((p) => wildcardMatch(p, actual));
  });
}

export const describeRegions: QueryHandler = (ctx, params) => {
  const names = readList(params, 'RegionName');
  const all = optionalBool(params, 'AllRegions') ?? false;
  const filters = readFilters(params);
  for (const name of names) {
    if (!ctx.world.regions.some((r) => r.name === name))
      throw invalidParameterValue(`Invalid region: ${name}`);
  }
  const regions = ctx.world.regions.filter(
    (r) =>
      (names.length > 0 ? names.includes(r.name) : all || r.optInStatus !== 'not-opted-in') &&
      keep(
        { 'region-name': r.name, endpoint: `ec2.${r.name}.amazonaws.com`, 'opt-in-status': r.optInStatus },
        filters,
      ),
  );
  return {
    regionInfo: itemList(
      regions.map((r) => ({
        regionName: r.name,
        regionEndpoint: `ec2.${r.name}.amazonaws.com`,
        optInStatus: r.optInStatus,
      })),
    ),
  };
};

export const describeAvailabilityZones: QueryHandler = (ctx, params) => {
  const names = readList(params, 'ZoneName');
  const filters = readFilters(params);
  const zones = (ctx.world.availabilityZones[ctx.region] ?? []).map((zoneName, n) => ({
    zoneName,
    zoneId: `${ctx.region.replace(/-/g, '').slice(0, 3)}${ctx.region.split('-').pop() ?? ''}-az${n + 1}`,
  }));
  for (const name of names) {
    if (!zones.some((z) => z.zoneName === name))
      throw invalidParameterValue(`The zone '${name}' does not exist.`);
  }
  const chosen = zones.filter(
    (z) =>
      (names.length === 0 || names.includes(z.zoneName)) &&
      keep(
        {
          'zone-name': z.zoneName,
          'zone-id': z.zoneId,
          'region-name': ctx.region,
          state: 'available',
          'zone-type': 'availability-zone',
        },
        filters,
      ),
  );
  return {
    availabilityZoneInfo: itemList(
      chosen.map((z) => ({
        zoneName: z.zoneName,
        zoneState: 'available',
        regionName: ctx.region,
        zoneId: z.zoneId,
        optInStatus: 'opt-in-not-required',
        messageSet: itemList([]),
        groupName: ctx.region,
        networkBorderGroup: ctx.region,
        zoneType: 'availability-zone',
      })),
    ),
  };
};
