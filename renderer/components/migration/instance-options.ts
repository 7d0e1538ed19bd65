// The instance picker's options: each instance's volumes in words, and the reason it cannot be
// migrated with the chosen strategy, from what the inventory already knows (core's prechecks
// still decide at review; this only says it before the user picks).
import type { EncryptionSummary, InstanceRecord } from '../../../shared/domain/inventory';
import type { MigrationStrategy } from '../../../shared/domain/migration';

export const VOLUME_WORDS: Record<EncryptionSummary, string> = {
  all: 'every volume encrypted',
  partial: 'some volumes unencrypted',
  none: 'no volume encrypted',
  unknown: 'volume encryption unknown',
};

// Why the instance cannot be migrated with this strategy, or undefined when it may be.
export function migrationBlocker(instance: InstanceRecord, strategy: MigrationStrategy): string | undefined {
  if (instance.state !== 'running' && instance.state !== 'stopped') {
    return `it is ${instance.state}; only a running or stopped instance can be migrated`;
  }
  if (instance.devices.length === 0) return 'it has no EBS volume to migrate';
  if (strategy === 'swap' && instance.encryption === 'all') {
    return 'every volume is already encrypted (choose Re-key to move them to another key)';
  }
  if (instance.asg && strategy === 'replace') {
    return `it belongs to the Auto Scaling group ${instance.asg}, which would not know its replacement (choose Swap)`;
  }
  return undefined;
}

export function instanceOption(instance: InstanceRecord, strategy: MigrationStrategy) {
  const blocker = migrationBlocker(instance, strategy);
  return {
    value: instance.id,
    label: instance.name ?? instance.id,
    description: `${instance.id} · ${instance.type} · ${instance.state} · ${VOLUME_WORDS[instance.encryption]}`,
    ...(blocker ? { disabled: true, tags: [`Cannot be migrated: ${blocker}`] } : {}),
  };
}
