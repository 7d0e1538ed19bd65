// Launch templates (with the block devices of each default version) and Auto Scaling groups: what
// new instances will be launched with, hence whether they will come up encrypted and under which key.
import type { EC2Client } from '@aws-sdk/client-ec2';
import { paginateDescribeLaunchTemplates, paginateDescribeLaunchTemplateVersions } from '@aws-sdk/client-ec2';
import type { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { paginateDescribeAutoScalingGroups } from '@aws-sdk/client-auto-scaling';
import type { AutoScalingGroupRecord, LaunchTemplateRecord } from '../../../shared/domain/inventory';
import { MAX_PAGE } from './scan-clients';
import { toBlockDevice } from './fetch-images';

export async function fetchLaunchTemplates(
  client: EC2Client,
  signal?: AbortSignal,
): Promise<LaunchTemplateRecord[]> {
  const templates = new Map<string, LaunchTemplateRecord>();
  for await (const page of paginateDescribeLaunchTemplates(
    { client, pageSize: MAX_PAGE.describeLaunchTemplates },
    {},
  )) {
    signal?.throwIfAborted();
    for (const t of page.LaunchTemplates ?? []) {
      const id = t.LaunchTemplateId ?? '';
      templates.set(id, {
        id,
        name: t.LaunchTemplateName ?? '',
        defaultVersion: t.DefaultVersionNumber ?? 1,
        latestVersion: t.LatestVersionNumber ?? 1,
        blockDevices: [],
      });
    }
  }
  if (templates.size === 0) return [];
  // One account-wide call for every template's default version ("$Default" with no template id
  // or name), instead of one call per template.
  const input = { Versions: ['$Default'] };
  const versionPages = paginateDescribeLaunchTemplateVersions(
    { client, pageSize: MAX_PAGE.describeLaunchTemplateVersions },
    input,
  );
  for await (const page of versionPages) {
    signal?.throwIfAborted();
    for (const v of page.LaunchTemplateVersions ?? []) {
      const template = templates.get(v.LaunchTemplateId ?? '');
      if (!template) continue;
      const data = v.LaunchTemplateData;
      templates.set(template.id, {
        ...template,
        ...(data?.ImageId ? { imageId: data.ImageId } : {}),
        ...(data?.InstanceType ? { instanceType: data.InstanceType } : {}),
        blockDevices: (data?.BlockDeviceMappings ?? []).map(toBlockDevice),
      });
    }
  }
  return [...templates.values()];
}

export async function fetchAutoScalingGroups(
  client: AutoScalingClient,
  signal?: AbortSignal,
): Promise<AutoScalingGroupRecord[]> {
  const records: AutoScalingGroupRecord[] = [];
  for await (const page of paginateDescribeAutoScalingGroups(
    { client, pageSize: MAX_PAGE.describeAutoScalingGroups },
    {},
  )) {
    signal?.throwIfAborted();
    for (const g of page.AutoScalingGroups ?? []) {
      const lt = g.LaunchTemplate ?? g.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification;
      records.push({
        name: g.AutoScalingGroupName ?? '',
        arn: g.AutoScalingGroupARN ?? '',
        ...(lt
          ? {
              launchTemplate: {
                id: lt.LaunchTemplateId ?? '',
                name: lt.LaunchTemplateName ?? '',
                version: lt.Version ?? '$Default',
              },
            }
          : {}),
        ...(g.LaunchConfigurationName ? { launchConfiguration: g.LaunchConfigurationName } : {}),
        min: g.MinSize ?? 0,
        max: g.MaxSize ?? 0,
        desired: g.DesiredCapacity ?? 0,
        instanceIds: (g.Instances ?? []).map((i) => i.InstanceId ?? ''),
        ...(g.ServiceLinkedRoleARN ? { serviceLinkedRoleArn: g.ServiceLinkedRoleARN } : {}),
      });
    }
  }
  return records;
}
