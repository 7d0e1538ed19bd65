// Readers for the flattened Query wire format (EC2, STS, IAM, Auto Scaling). The SDK and the AWS
// CLI serialize lists and structures as numbered keys, 1-based:
//   EC2 query:  VolumeId.1=vol-a&VolumeId.2=vol-b, Filter.1.Name=encrypted&Filter.1.Value.1=false,
//               TagSpecification.1.ResourceType=volume&TagSpecification.1.Tag.1.Key=Name,
//               BlockDeviceMapping.1.Ebs.KmsKeyId=…
//   awsQuery:   ActionNames.member.1=ec2:CreateVolume, AutoScalingGroupNames.member.1=asg
// A number missing from the sequence ends the list, as AWS's own deserializers read it.
import { AwsError, type QueryParams } from '../context';

// `prefix.1`, `prefix.2`, … → values. For EC2 pass the singular wire name ('VolumeId');
// for awsQuery pass `${Name}.member` ('ActionNames.member').
export function readList(params: QueryParams, prefix: string): string[] {
  const values: string[] = [];
  for (let n = 1; ; n++) {
    const value = params[`${prefix}.${n}`];
    if (value === undefined) return values;
    values.push(value);
  }
}

// awsQuery list `Name.member.N`.
export function readMemberList(params: QueryParams, name: string): string[] {
  return readList(params, `${name}.member`);
}

// The numbered structures under `prefix`: for 'Filter' returns one QueryParams per Filter.N, with
// keys relative to it ({ Name, 'Value.1', … }). Works for nested structures too
// (readStructList(spec, 'Tag') on a TagSpecification entry).
export function readStructList(params: QueryParams, prefix: string): QueryParams[] {
  const byIndex = new Map<number, Record<string, string>>();
  const head = `${prefix}.`;
  for (const [key, value] of Object.entries(params)) {
    if (!key.startsWith(head)) continue;
    const rest = key.slice(head.length);
    const dot = rest.indexOf('.');
    if (dot <= 0) continue;
    const index = Number(rest.slice(0, dot));
    if (!Number.isInteger(index) || index < 1) continue;
    let entry = byIndex.get(index);
    if (!entry) byIndex.set(index, (entry = {}));
    entry[rest.slice(dot + 1)] = value;
  }
  const list: QueryParams[] = [];
  for (let n = 1; byIndex.has(n); n++) list.push(byIndex.get(n) ?? {});
  return list;
}

export interface QueryFilter {
  readonly name: string;
  readonly values: string[];
}

// EC2 `Filter.N.Name` / `Filter.N.Value.M`.
export function readFilters(params: QueryParams): QueryFilter[] {
  return readStructList(params, 'Filter').map((f) => ({ name: f.Name ?? '', values: readList(f, 'Value') }));
}

export interface QueryTag {
  readonly Key: string;
  readonly Value: string;
}

// EC2 `Tag.N.Key` / `Tag.N.Value` under `prefix` ('Tag' for CreateTags).
export function readTags(params: QueryParams, prefix = 'Tag'): QueryTag[] {
  return readStructList(params, prefix).map((t) => ({ Key: t.Key ?? '', Value: t.Value ?? '' }));
}

export interface TagSpecification {
  readonly resourceType: string;
  readonly tags: QueryTag[];
}

// EC2 `TagSpecification.N.ResourceType` / `TagSpecification.N.Tag.M.Key|Value`.
export function readTagSpecifications(params: QueryParams): TagSpecification[] {
  return readStructList(params, 'TagSpecification').map((spec) => ({
    resourceType: spec.ResourceType ?? '',
    tags: readTags(spec),
  }));
}

export interface BlockDeviceMappingParam {
  readonly deviceName?: string;
  readonly virtualName?: string;
  readonly noDevice?: boolean;
  readonly ebs?: {
    readonly snapshotId?: string;
    readonly volumeSize?: number;
    readonly volumeType?: string;
    readonly iops?: number;
    readonly throughput?: number;
    readonly deleteOnTermination?: boolean;
    readonly encrypted?: boolean;
    readonly kmsKeyId?: string;
  };
}

// EC2 `BlockDeviceMapping.N.DeviceName`, `.Ebs.SnapshotId`, `.Ebs.Encrypted`, `.Ebs.KmsKeyId`, …
export function readBlockDeviceMappings(
  params: QueryParams,
  prefix = 'BlockDeviceMapping',
): BlockDeviceMappingParam[] {
  return readStructList(params, prefix).map((m) => {
    const hasEbs = Object.keys(m).some((k) => k.startsWith('Ebs.'));
    return {
      deviceName: m.DeviceName,
      virtualName: m.VirtualName,
      noDevice: m.NoDevice !== undefined ? true : undefined,
      ebs: hasEbs
        ? {
            snapshotId: m['Ebs.SnapshotId'],
            volumeSize: optionalInt(m, 'Ebs.VolumeSize'),
            volumeType: m['Ebs.VolumeType'],
            iops: optionalInt(m, 'Ebs.Iops'),
            throughput: optionalInt(m, 'Ebs.Throughput'),
            deleteOnTermination: optionalBool(m, 'Ebs.DeleteOnTermination'),
            encrypted: optionalBool(m, 'Ebs.Encrypted'),
            kmsKeyId: m['Ebs.KmsKeyId'],
          }
        : undefined,
    };
  });
}

// A required scalar: AWS answers MissingParameter when it is absent.
export function requireParam(params: QueryParams, name: string): string {
  const value = params[name];
  if (value === undefined || value === '') {
    throw new AwsError('MissingParameter', `The request must contain the parameter ${name}`);
  }
  return value;
}

// Booleans are sent as 'true'/'false'; anything else is InvalidParameterValue.
export function optionalBool(params: QueryParams, name: string): boolean | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new AwsError(
    'InvalidParameterValue',
    `Value (${value}) for parameter ${name} is invalid. Expected: 'true' or 'false'.`,
  );
}

export function optionalInt(params: QueryParams, name: string): number | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) {
    throw new AwsError(
      'InvalidParameterValue',
      `Value (${value}) for parameter ${name} is invalid. Expected an integer.`,
    );
  }
  return n;
}
