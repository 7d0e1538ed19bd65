// Reads the live state of each fact a plan relied on, with targeted Describe calls (one per
// resource, so that a resource that is gone is told apart from the rest), in the attribute names
// the producers use. null = the resource no longer exists; undefined = no reader for this kind.
import {
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { DescribeKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { PlanFact } from '../../../shared/plans/plan-document';

export interface LiveClients {
  ec2(region: string): EC2Client;
  kms(region: string): KMSClient;
}

export type LiveAttributes = Record<string, string | number | boolean | null>;

const NOT_FOUND = new Set([
  'InvalidInstanceID.NotFound',
  'InvalidInstanceID.Malformed',
  'InvalidVolume.NotFound',
  'InvalidVolumeID.Malformed',
  'InvalidAMIID.NotFound',
  'InvalidAMIID.Unavailable',
  'InvalidSnapshot.NotFound',
  'NotFoundException',
]);

const isNotFound = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && NOT_FOUND.has((error as { name?: string }).name ?? '');

async function orGone<T>(read: () => Promise<T | null>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

async function instance(ec2: EC2Client, id: string): Promise<LiveAttributes | null> {
  const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }));
  const i = out.Reservations?.[0]?.Instances?.[0];
  if (!i) return null;
  return {
    state: i.State?.Name ?? null,
    instanceType: i.InstanceType ?? null,
    availabilityZone: i.Placement?.AvailabilityZone ?? null,
  };
}

async function volume(ec2: EC2Client, id: string): Promise<LiveAttributes | null> {
  const out = await ec2.send(new DescribeVolumesCommand({ VolumeIds: [id] }));
  const v = out.Volumes?.[0];
  if (!v) return null;
  return {
    device: v.Attachments?.[0]?.Device ?? null,
    sizeGiB: v.Size ?? null,
    volumeType: v.VolumeType ?? null,
    encrypted: v.Encrypted ?? false,
    kmsKeyArn: v.KmsKeyId ?? null,
    state: v.State ?? null,
  };
}

async function snapshot(ec2: EC2Client, id: string): Promise<LiveAttributes | null> {
  const out = await ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [id] }));
  const s = out.Snapshots?.[0];
  if (!s) return null;
  return { sizeGiB: s.VolumeSize ?? null, encrypted: s.Encrypted ?? false, kmsKeyArn: s.KmsKeyId ?? null };
}

async function image(ec2: EC2Client, id: string): Promise<LiveAttributes | null> {
  const out = await ec2.send(new DescribeImagesCommand({ ImageIds: [id] }));
  const i = out.Images?.[0];
  if (!i) return null;
  return { name: i.Name ?? null, state: i.State ?? null };
}

async function key(kms: KMSClient, id: string): Promise<LiveAttributes | null> {
  const out = await kms.send(new DescribeKeyCommand({ KeyId: id }));
  const m = out.KeyMetadata;
  if (!m) return null;
  return { state: m.KeyState ?? null };
}

async function accountSetting(ec2: EC2Client, id: string): Promise<LiveAttributes | undefined> {
  if (id.startsWith('ebs-encryption-by-default/')) {
    const out = await ec2.send(new GetEbsEncryptionByDefaultCommand({}));
    return { encryptionByDefault: out.EbsEncryptionByDefault ?? false };
  }
  if (id.startsWith('ebs-default-kms-key/')) {
    const out = await ec2.send(new GetEbsDefaultKmsKeyIdCommand({}));
    return { defaultKmsKeyId: out.KmsKeyId ?? null };
  }
  return undefined;
}

// Throws on network/credential errors (the caller reports the check as offline).
export async function readLive(
  clients: LiveClients,
  fact: PlanFact,
): Promise<LiveAttributes | null | undefined> {
  const ec2 = () => clients.ec2(fact.region);
  switch (fact.resource) {
    case 'instance':
      return orGone(() => instance(ec2(), fact.id));
    case 'volume':
      return orGone(() => volume(ec2(), fact.id));
    case 'snapshot':
      return orGone(() => snapshot(ec2(), fact.id));
    case 'image':
      return orGone(() => image(ec2(), fact.id));
    case 'key':
      return orGone(() => key(clients.kms(fact.region), fact.id));
    case 'account-setting':
      return accountSetting(ec2(), fact.id);
    case 'bucket':
      return undefined;
  }
}
