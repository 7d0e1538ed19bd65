// DescribeLaunchTemplates, DescribeLaunchTemplateVersions, and version resolution for RunInstances
// (LaunchTemplate.Version: a number, $Latest or $Default).
import { AwsError, type CallContext, type QueryHandler, type QueryParams } from '../context';
import { paginate } from '../protocol/paginate';
import { optionalInt, readList } from '../protocol/query-params';
import type { LaunchTemplate, LaunchTemplateVersion } from '../world';
import { bool, filterPredicate, type FilterFields } from './filters';
import { isMine, iso, itemList } from './scope';
import { tagSetXml } from './serialize';

const templateIdNotFound = (id: string): AwsError =>
  new AwsError(
    'InvalidLaunchTemplateId.NotFound',
    `The specified launch template, with template ID ${id}, does not exist.`,
  );
const templateNameNotFound = (): AwsError =>
  new AwsError(
    'InvalidLaunchTemplateName.NotFoundException',
    'At least one of the launch templates specified in the request does not exist.',
  );

function myTemplates(ctx: CallContext): LaunchTemplate[] {
  return [...ctx.world.launchTemplates.values()].filter((t) => isMine(ctx, t));
}

export function findTemplate(
  ctx: CallContext,
  id: string | undefined,
  name: string | undefined,
): LaunchTemplate {
  const all = myTemplates(ctx);
  if (id !== undefined) {
    const t = all.find((x) => x.launchTemplateId === id);
    if (!t) throw templateIdNotFound(id);
    return t;
  }
  const t = all.find((x) => x.launchTemplateName === name);
  if (!t) throw templateNameNotFound();
  return t;
}

export function latestVersion(t: LaunchTemplate): number {
  return Math.max(0, ...t.versions.map((v) => v.versionNumber));
}

export function resolveVersion(t: LaunchTemplate, spec = '$Default'): LaunchTemplateVersion {
  const found =
    spec === '$Latest'
      ? t.versions.find((v) => v.versionNumber === latestVersion(t))
      : spec === '$Default'
        ? t.versions.find((v) => v.isDefault)
        : t.versions.find((v) => String(v.versionNumber) === spec);
  if (!found) {
    throw new AwsError(
      'InvalidLaunchTemplateId.VersionNotFound',
      `Could not find launch template version ${spec} for template ${t.launchTemplateId}`,
    );
  }
  return found;
}

function templateXml(t: LaunchTemplate): Record<string, unknown> {
  return {
    launchTemplateId: t.launchTemplateId,
    launchTemplateName: t.launchTemplateName,
    createTime: iso(t.createTime),
    createdBy: `arn:aws:iam::${t.accountId}:root`,
    defaultVersionNumber: t.versions.find((v) => v.isDefault)?.versionNumber ?? 1,
    latestVersionNumber: latestVersion(t),
    tagSet: t.tags.length > 0 ? tagSetXml(t.tags) : undefined,
  };
}

function versionXml(t: LaunchTemplate, v: LaunchTemplateVersion): Record<string, unknown> {
  return {
    launchTemplateId: t.launchTemplateId,
    launchTemplateName: t.launchTemplateName,
    versionNumber: v.versionNumber,
    createTime: iso(v.createTime),
    createdBy: `arn:aws:iam::${t.accountId}:root`,
    defaultVersion: v.isDefault,
    launchTemplateData: {
      imageId: v.data.imageId,
      instanceType: v.data.instanceType,
      blockDeviceMappingSet: itemList(
        v.data.blockDeviceMappings.map((m) => ({
          deviceName: m.deviceName,
          ebs: m.ebs
            ? {
                encrypted: m.ebs.encrypted,
                deleteOnTermination: m.ebs.deleteOnTermination,
                kmsKeyId: m.ebs.kmsKeyId,
                volumeSize: m.ebs.volumeSizeGiB,
                volumeType: m.ebs.volumeType,
              }
            : undefined,
        })),
      ),
    },
  };
}

const TEMPLATE_FILTERS: FilterFields<LaunchTemplate> = {
  'launch-template-name': (t) => [t.launchTemplateName],
  'create-time': (t) => [iso(t.createTime)],
};

export const describeLaunchTemplates: QueryHandler = (ctx, params) => {
  const ids = readList(params, 'LaunchTemplateId');
  const names = readList(params, 'LaunchTemplateName');
  let items = myTemplates(ctx);
  for (const id of ids) if (!items.some((t) => t.launchTemplateId === id)) throw templateIdNotFound(id);
  for (const name of names)
    if (!items.some((t) => t.launchTemplateName === name)) throw templateNameNotFound();
  if (ids.length > 0 || names.length > 0) {
    items = items.filter((t) => ids.includes(t.launchTemplateId) || names.includes(t.launchTemplateName));
  }
  const keep = filterPredicate(params, TEMPLATE_FILTERS);
  const page = paginate(
    items.filter((t) => keep(t)),
    optionalInt(params, 'MaxResults'),
    params.NextToken,
    {
      scope: 'ec2:DescribeLaunchTemplates',
      min: 1,
      max: 200,
    },
  );
  return { launchTemplates: itemList(page.items.map(templateXml)), nextToken: page.nextToken };
};

interface VersionRow {
  readonly template: LaunchTemplate;
  readonly version: LaunchTemplateVersion;
  readonly tags: LaunchTemplate['tags'];
}

const VERSION_FILTERS: FilterFields<VersionRow> = {
  'is-default-version': (r) => [bool(r.version.isDefault)],
  'image-id': (r) => [r.version.data.imageId],
  'instance-type': (r) => [r.version.data.instanceType],
  'ebs-optimized': () => ['false'],
};

function selectVersions(t: LaunchTemplate, params: QueryParams): LaunchTemplateVersion[] {
  const specs = readList(params, 'LaunchTemplateVersion');
  const min = params.MinVersion !== undefined ? Number(params.MinVersion) : -Infinity;
  const max = params.MaxVersion !== undefined ? Number(params.MaxVersion) : Infinity;
  const chosen = specs.length > 0 ? specs.map((s) => resolveVersion(t, s)) : [...t.versions];
  return chosen.filter((v) => v.versionNumber >= min && v.versionNumber <= max);
}

export const describeLaunchTemplateVersions: QueryHandler = (ctx, params) => {
  const byRef = params.LaunchTemplateId !== undefined || params.LaunchTemplateName !== undefined;
  const templates = byRef
    ? [findTemplate(ctx, params.LaunchTemplateId, params.LaunchTemplateName)]
    : myTemplates(ctx);
  const keep = filterPredicate(params, VERSION_FILTERS);
  const rows = templates
    .flatMap((t) => selectVersions(t, params).map((version) => ({ template: t, version, tags: t.tags })))
    .filter((r) => keep(r));
  const page = paginate(rows, optionalInt(params, 'MaxResults'), params.NextToken, {
    scope: 'ec2:DescribeLaunchTemplateVersions',
    min: 1,
    max: 200,
  });
  return {
    launchTemplateVersionSet: itemList(page.items.map((r) => versionXml(r.template, r.version))),
    nextToken: page.nextToken,
  };
};
