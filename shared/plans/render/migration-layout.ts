// A migration plan's per-instance layout, read back from its steps' params (the producer,
// electron/core/migration/plan.ts, writes them): devices with their original volumes, the new
// volumes' type/IOPS/throughput, the key, the AZ, and whether the instance is stopped and started.
import type { Plan, PlanStep } from '../plan-document';

export interface LayoutVolume {
  readonly device: string;
  readonly volumeId: string;
  readonly sizeGiB: number;
  readonly volumeType: string;
  readonly iops: number | null;
  readonly throughput: number | null;
  readonly deleteOnTermination: boolean;
}

export interface InstanceLayout {
  readonly instanceId: string;
  readonly region: string;
  readonly availabilityZone: string;
  readonly kmsKeyArn: string;
  readonly wasRunning: boolean;
  readonly volumes: LayoutVolume[];
}

const rec = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const arr = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.map(rec) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

function stepOf(plan: Plan, instanceId: string, name: string): PlanStep | undefined {
  return plan.steps.find((s) => s.id === `${instanceId}:${name}`);
}

export function migrationLayout(plan: Plan): InstanceLayout[] {
  const ids = [...new Set(plan.steps.map((s) => str(s.params.instanceId)).filter(Boolean))];
  return ids.map((instanceId) => {
    const online = stepOf(plan, instanceId, 'snapshot-online');
    const create = stepOf(plan, instanceId, 'create-volumes');
    const dot = stepOf(plan, instanceId, 'delete-on-termination');
    const start = stepOf(plan, instanceId, 'start');
    const originals = arr(online?.params.volumes);
    const created = arr(create?.params.volumes);
    const dotDevices = Array.isArray(dot?.params.devices) ? dot.params.devices : [];
    return {
      instanceId,
      region: online?.region ?? plan.regions[0] ?? '',
      availabilityZone: str(create?.params.availabilityZone),
      kmsKeyArn: str(create?.params.kmsKeyId),
      wasRunning: start?.params.start === true,
      volumes: originals.map((o) => {
        const c = created.find((x) => x.device === o.device) ?? {};
        return {
          device: str(o.device),
          volumeId: str(o.volumeId),
          sizeGiB: num(o.sizeGiB) ?? 0,
          volumeType: str(c.volumeType) || 'gp3',
          iops: num(c.iops),
          throughput: num(c.throughput),
          deleteOnTermination: dotDevices.includes(o.device),
        };
      }),
    };
  });
}
