// Guidance for clustered members, from the seeds (Avi's EBS encryption procedure): a controller
// cluster must keep a quorum, so its members are migrated one at a time, the followers first,
// waiting for the cluster to be READY again before the next. Envelope cannot see the cluster's
// state, so it says so in the plan; several members in one swap would stop them together, while
// the replace strategy (the seeds' "new Controller VMs" path) goes node by node with the user.
import type { Tag } from '@aws-sdk/client-ec2';
import type { MigrationStrategy } from '../../../shared/domain/migration';

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
  strategy: MigrationStrategy = 'swap',
): string[] {
  const members = instances.filter((i) => i.clusterRole === 'avi-controller');
  if (members.length === 0) return [];
  const names = members.map((i) => i.name ?? i.instanceId).join(', ');
  if (strategy === 'replace') {
    return [
      `${names}: Avi Controller cluster member${members.length === 1 ? '' : 's'}. List the followers first, the leader last. When each replacement runs: modify the cluster membership to remove the old node and add the new one, wait for the cluster to be READY, then confirm; re-associate Elastic IPs that were on the old VMs (the cluster VIP is handled by the Controller).`,
    ];
  }
  const warnings = [
    `${names}: Avi Controller cluster member${members.length === 1 ? '' : 's'}. Migrate one member at a time, the followers first; after each, wait for the cluster to be READY before the next. For a 1-node cluster, back up the controller configuration first.`,
  ];
  if (members.length > 1) {
    warnings.push(
      `This plan stops ${members.length} controller cluster members at once, which loses the cluster's quorum: run one migration per member, or use --strategy replace (node by node).`,
    );
  }
  return warnings;
}
