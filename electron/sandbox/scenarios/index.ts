// Scenarios by name. A scenario refills the world in place (the running server and tests keep
// their reference) from an empty account, writing plain objects, so ids are the same on every load.
import { forgetJobs } from '../s3control/job-model';
import { createWorld } from '../world-factory';
import type { SandboxWorld } from '../world';
import { loadAviLab } from './avi-lab';
import { loadKublrCluster } from './kublr-cluster';
import { loadLarge } from './large';

export type ScenarioLoader = (world: SandboxWorld, now: number, params: Record<string, unknown>) => void;

// `region`: where the scenario's resources live, the region the sandbox's credentials name.
const scenarios: Record<
  string,
  { readonly description: string; readonly region: string; readonly load: ScenarioLoader }
> = {
  empty: {
    description: 'An empty account: no resources, encryption by default off.',
    region: 'us-east-1',
    load: () => undefined,
  },
  'avi-lab': {
    description:
      'Avi controllers, service-engine AMIs re-created under aws/ebs, S3 buckets, KMS keys (us-west-2).',
    region: 'us-west-2',
    load: loadAviLab,
  },
  'kublr-cluster': {
    description:
      'A Kublr cluster: ASG with a launch template, etcd volumes, a CMK missing the Auto Scaling grant (us-east-1).',
    region: 'us-east-1',
    load: loadKublrCluster,
  },
  large: {
    description: 'Parametric volume: regions × volumes, snapshots, AMIs, keys, buckets (benchmarks).',
    region: 'us-east-1',
    load: loadLarge,
  },
};

export const scenarioNames = Object.keys(scenarios);

export function scenarioRegion(name: string): string {
  return (Object.hasOwn(scenarios, name) ? scenarios[name]?.region : undefined) ?? 'us-east-1';
}

export function loadScenario(
  world: SandboxWorld,
  now: number,
  name: string,
  params: Record<string, unknown>,
): void {
  const scenario = Object.hasOwn(scenarios, name) ? scenarios[name] : undefined;
  if (!scenario) throw new RangeError(`unknown scenario '${name}' (known: ${scenarioNames.join(', ')})`);
  Object.assign(world, createWorld({ accountId: world.defaultAccountId, scenario: name }));
  // Batch Operations jobs are kept beside the world (s3control/job-model.ts): they go with it.
  forgetJobs(world);
  scenario.load(world, now, params);
}
