// Auto Scaling (awsQuery, 2011-01-01): DescribeAutoScalingGroups over world.autoScalingGroups,
// with names, tag filters and MaxRecords/NextToken pagination (default 50, at most 100).
import { requireAllowed } from '../authorize';
import type { CallContext, QueryHandler, QueryParams } from '../context';
import { paginate } from '../protocol/paginate';
import { optionalInt, readMemberList, readStructList } from '../protocol/query-params';
import type { AutoScalingGroup } from '../world';

const LIFECYCLE: Record<string, string> = {
  pending: 'Pending',
  running: 'InService',
  stopping: 'Standby',
  stopped: 'Standby',
  'shutting-down': 'Terminating',
  terminated: 'Terminated',
};

function matchesFilters(group: AutoScalingGroup, params: QueryParams): boolean {
  return readStructList(params, 'Filters.member').every((filter) => {
    const name = filter.Name ?? '';
    const values = readMemberList(filter, 'Values');
    if (name.startsWith('tag:')) {
      const key = name.slice(4);
      return group.tags.some((t) => t.Key === key && values.includes(t.Value));
    }
    if (name === 'tag-key') return group.tags.some((t) => values.includes(t.Key));
    if (name === 'tag-value') return group.tags.some((t) => values.includes(t.Value));
    return true;
  });
}

function describeGroup(ctx: CallContext, group: AutoScalingGroup): Record<string, unknown> {
  const launchTemplate = group.launchTemplate
    ? {
        LaunchTemplateId: group.launchTemplate.launchTemplateId,
        LaunchTemplateName: group.launchTemplate.launchTemplateName,
        Version: group.launchTemplate.version,
      }
    : undefined;
  const instances = group.instanceIds.flatMap((id) => {
    const instance = ctx.world.instances.get(id);
    if (!instance) return [];
    return [
      {
        InstanceId: id,
        InstanceType: instance.instanceType,
        AvailabilityZone: instance.availabilityZone,
        LifecycleState: LIFECYCLE[instance.state] ?? 'InService',
        HealthStatus: instance.state === 'running' || instance.state === 'pending' ? 'Healthy' : 'Unhealthy',
        ...(launchTemplate ? { LaunchTemplate: launchTemplate } : {}),
        ProtectedFromScaleIn: false,
      },
    ];
  });
  return {
    AutoScalingGroupName: group.name,
    AutoScalingGroupARN: group.arn,
    ...(launchTemplate ? { LaunchTemplate: launchTemplate } : {}),
    MinSize: group.minSize,
    MaxSize: group.maxSize,
    DesiredCapacity: group.desiredCapacity,
    DefaultCooldown: 300,
    AvailabilityZones: { member: group.availabilityZones },
    LoadBalancerNames: { member: [] },
    TargetGroupARNs: { member: [] },
    HealthCheckType: 'EC2',
    HealthCheckGracePeriod: 300,
    Instances: { member: instances },
    CreatedTime: new Date(group.createdTime).toISOString(),
    SuspendedProcesses: { member: [] },
    EnabledMetrics: { member: [] },
    Tags: {
      member: group.tags.map((t) => ({
        ResourceId: group.name,
        ResourceType: 'auto-scaling-group',
        Key: t.Key,
        Value: t.Value,
        PropagateAtLaunch: true,
      })),
    },
    TerminationPolicies: { member: ['Default'] },
    NewInstancesProtectedFromScaleIn: false,
    ServiceLinkedRoleARN: group.serviceLinkedRoleArn,
  };
}

const describeAutoScalingGroups: QueryHandler = (ctx, params) => {
  requireAllowed(ctx, 'autoscaling:DescribeAutoScalingGroups', '*');
  const names = readMemberList(params, 'AutoScalingGroupNames');
  const groups = [...ctx.world.autoScalingGroups.values()]
    .filter((g) => g.accountId === ctx.accountId && g.region === ctx.region)
    .filter((g) => names.length === 0 || names.includes(g.name))
    .filter((g) => matchesFilters(g, params))
    .sort((a, b) => a.name.localeCompare(b.name));
  const page = paginate(groups, optionalInt(params, 'MaxRecords'), params.NextToken, {
    scope: 'autoscaling:DescribeAutoScalingGroups',
    min: 1,
    max: 100,
    aboveMax: 'reject',
    defaultSize: 50,
    sizeName: 'maxRecords',
    sizeErrorCode: 'ValidationError',
    tokenErrorCode: 'InvalidNextToken',
    tokenErrorMessage: 'The token is invalid.',
  });
  return {
    AutoScalingGroups: { member: page.items.map((g) => describeGroup(ctx, g)) },
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
};

export const autoScalingHandlers: Record<string, QueryHandler> = {
  DescribeAutoScalingGroups: describeAutoScalingGroups,
};
