// Guidance for clustered members, from the seeds (Avi's EBS encryption procedure): a controller
// cluster must keep a quorum, so its members are migrated one at a time, the followers first,
// waiting for the cluster to be READY again before the next. Envelope cannot see the cluster's
// state, so it says so in the plan; several members in one migration would stop them together.
import type { Tag } from '@aws-sdk/client-ec2';

// The role an instance plays in a cluster that needs one-at-a-time handling, from its tags.
export function clusterRoleOf(tags: readonly Tag[] | undefined): string | undefined {
  const tag = (key: string) => tags?.find((t) => t.Key === key)?.Value;
  if (tag('avi:role') === 'controller') return 'avi-controller';
  if (/avi-?controller/i.test(tag('Name') ?? '')) return 'avi-controller';
  return undefined;
}

export function clusterWarnings(
  instances: readonly {
    readonly instanceId: string;
    readonly name?: string;
    readonly clusterRole?: string;
  }[],
): string[] {
  const members = instances.filter((i) => i.clusterRole === 'avi-controller');
  if (members.length === 0) return [];
  const names = members.map((i) => i.name ?? i.instanceId).join(', ');
  const warnings = [
    `${names}: Avi Controller cluster member${members.length === 1 ? '' : 's'}. Migrate one member at a time, the followers first; after each, wait for the cluster to be READY before the next. For a 1-node cluster, back up the controller configuration first.`,
  ];
  if (members.length > 1) {
    warnings.push(
      `This plan stops ${members.length} controller cluster members at once, which loses the cluster's quorum: run one migration per member instead.`,
    );
  }
  return warnings;
}
