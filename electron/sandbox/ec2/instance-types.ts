// DescribeInstanceTypes over a small catalog of the types the app and scenarios use, previous
// generation included. EbsInfo.encryptionSupport is 'supported' for every one of them: the EBS user
// guide, "Requirements for Amazon EBS encryption" → "Supported instance types", says "Amazon EBS
// encryption is available on all current generation and previous generation instance types"
// (docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption-requirements.html). The old exception
// list (m1, m2, c1, t1, …) is history, so no type refuses an encrypted volume here.
import { AwsError, type QueryHandler } from '../context';
import { paginate } from '../protocol/paginate';
import { optionalInt, readFilters, readList } from '../protocol/query-params';
import { wildcardMatch } from './filters';
import { invalidParameterValue } from './errors';
import { itemList } from './scope';

interface TypeSpec {
  readonly vcpus: number;
  readonly memoryMiB: number;
  readonly current: boolean;
  readonly arch: 'x86_64' | 'arm64' | 'i386';
}

export const INSTANCE_TYPES: Readonly<Record<string, TypeSpec>> = {
  't1.micro': { vcpus: 1, memoryMiB: 627, current: false, arch: 'x86_64' },
  'm1.small': { vcpus: 1, memoryMiB: 1740, current: false, arch: 'x86_64' },
  'm1.medium': { vcpus: 1, memoryMiB: 3788, current: false, arch: 'x86_64' },
  'm1.large': { vcpus: 2, memoryMiB: 7680, current: false, arch: 'x86_64' },
  'c1.medium': { vcpus: 2, memoryMiB: 1740, current: false, arch: 'x86_64' },
  'm3.medium': { vcpus: 1, memoryMiB: 3840, current: false, arch: 'x86_64' },
  'm2.4xlarge': { vcpus: 8, memoryMiB: 70042, current: false, arch: 'x86_64' },
  'm4.2xlarge': { vcpus: 8, memoryMiB: 32768, current: false, arch: 'x86_64' },
  't2.micro': { vcpus: 1, memoryMiB: 1024, current: true, arch: 'x86_64' },
  't2.medium': { vcpus: 2, memoryMiB: 4096, current: true, arch: 'x86_64' },
  't3.micro': { vcpus: 2, memoryMiB: 1024, current: true, arch: 'x86_64' },
  't3.medium': { vcpus: 2, memoryMiB: 4096, current: true, arch: 'x86_64' },
  't3.large': { vcpus: 2, memoryMiB: 8192, current: true, arch: 'x86_64' },
  't4g.medium': { vcpus: 2, memoryMiB: 4096, current: true, arch: 'arm64' },
  'm5.large': { vcpus: 2, memoryMiB: 8192, current: true, arch: 'x86_64' },
  'm5.xlarge': { vcpus: 4, memoryMiB: 16384, current: true, arch: 'x86_64' },
  'm5.2xlarge': { vcpus: 8, memoryMiB: 32768, current: true, arch: 'x86_64' },
  'c5.large': { vcpus: 2, memoryMiB: 4096, current: true, arch: 'x86_64' },
  'c5.xlarge': { vcpus: 4, memoryMiB: 8192, current: true, arch: 'x86_64' },
  'r5.large': { vcpus: 2, memoryMiB: 16384, current: true, arch: 'x86_64' },
  'm6i.large': { vcpus: 2, memoryMiB: 8192, current: true, arch: 'x86_64' },
};

export function isKnownType(type: string): boolean {
  return type in INSTANCE_TYPES;
}

const ENCRYPTION_SUPPORT = 'supported';

function typeXml(name: string, t: TypeSpec): Record<string, unknown> {
  return {
    instanceType: name,
    currentGeneration: t.current,
    freeTierEligible: name === 't2.micro' || name === 't3.micro',
    supportedUsageClasses: itemList(['on-demand', 'spot']),
    supportedRootDeviceTypes: itemList(['ebs']),
    supportedVirtualizationTypes: itemList(['hvm']),
    bareMetal: false,
    hypervisor: t.current ? 'nitro' : 'xen',
    processorInfo: { supportedArchitectures: itemList([t.arch]) },
    vCpuInfo: { defaultVCpus: t.vcpus },
    memoryInfo: { sizeInMiB: t.memoryMiB },
    instanceStorageSupported: false,
    ebsInfo: {
      ebsOptimizedSupport: t.current ? 'default' : 'unsupported',
      encryptionSupport: ENCRYPTION_SUPPORT,
      nvmeSupport: t.current ? 'required' : 'unsupported',
    },
    networkInfo: { networkPerformance: 'Up to 10 Gigabit', maximumNetworkInterfaces: 3 },
  };
}

const TYPE_FILTERS: Record<string, (name: string, t: TypeSpec) => string> = {
  'instance-type': (name) => name,
  'current-generation': (_n, t) => String(t.current),
  'ebs-info.encryption-support': () => ENCRYPTION_SUPPORT,
  'processor-info.supported-architecture': (_n, t) => t.arch,
  'vcpu-info.default-vcpus': (_n, t) => String(t.vcpus),
};

export const describeInstanceTypes: QueryHandler = (_ctx, params) => {
  const wanted = readList(params, 'InstanceType');
  for (const type of wanted) {
    // AWS's code and wording, as quoted from the real service in scylladb/scylla-cluster-tests#12419:
    // "InvalidInstanceType … The following supplied instance types do not exist: [i8ge.xlarge]".
    if (!isKnownType(type))
      throw new AwsError(
        'InvalidInstanceType',
        `The following supplied instance types do not exist: [${type}]`,
      );
  }
  const filters = readFilters(params);
  for (const f of filters) {
    if (!(f.name in TYPE_FILTERS)) throw invalidParameterValue(`The filter '${f.name}' is invalid`);
  }
  const rows = Object.entries(INSTANCE_TYPES).filter(
    ([name, t]) =>
      (wanted.length === 0 || wanted.includes(name)) &&
      filters.every((f) => {
        const read = TYPE_FILTERS[f.name];
        return read !== undefined && f.values.some((p) => wildcardMatch(p, read(name, t)));
      }),
  );
  const page = paginate(rows, optionalInt(params, 'MaxResults'), params.NextToken, {
    scope: 'ec2:DescribeInstanceTypes',
    min: 5,
    max: 100,
  });
  return {
    instanceTypeSet: itemList(page.items.map(([name, t]) => typeXml(name, t))),
    nextToken: page.nextToken,
  };
};
