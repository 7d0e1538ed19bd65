// Deterministic id minting. Every id comes from world.idCounter through a hash, so loading the same
// scenario twice yields the same ids (tests can name them) while ids still look like AWS's:
// 17 lowercase hex digits after the prefix (vol-0123456789abcdef0), KMS key ids as UUIDs.
import { createHash } from 'node:crypto';
import type { SandboxWorld } from './world';

function nextDigest(world: SandboxWorld, kind: string): string {
  world.idCounter += 1;
  return createHash('sha256').update(`${kind}:${world.idCounter}`).digest('hex');
}

function resourceId(world: SandboxWorld, prefix: string): string {
  return `${prefix}-${nextDigest(world, prefix).slice(0, 17)}`;
}

export const mintVolumeId = (world: SandboxWorld): string => resourceId(world, 'vol');
export const mintSnapshotId = (world: SandboxWorld): string => resourceId(world, 'snap');
export const mintImageId = (world: SandboxWorld): string => resourceId(world, 'ami');
export const mintInstanceId = (world: SandboxWorld): string => resourceId(world, 'i');
export const mintLaunchTemplateId = (world: SandboxWorld): string => resourceId(world, 'lt');
export const mintSubnetId = (world: SandboxWorld): string => resourceId(world, 'subnet');
export const mintVpcId = (world: SandboxWorld): string => resourceId(world, 'vpc');
export const mintSecurityGroupId = (world: SandboxWorld): string => resourceId(world, 'sg');

// RFC 4122-shaped version-4 UUID (KMS key ids, grant-less ids, request ids in scenarios).
export function mintUuid(world: SandboxWorld): string {
  const hex = nextDigest(world, 'uuid');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// KMS grant ids are 64 hex digits; grant tokens and SSO secrets use the same source.
export function mintHex(world: SandboxWorld, length: number): string {
  let out = '';
  while (out.length < length) out += nextDigest(world, 'hex');
  return out.slice(0, length);
}

// Access key ids: 'AKIA' (long-term) or 'ASIA' (temporary) + 16 uppercase base32-ish characters.
export function mintAccessKeyId(world: SandboxWorld, prefix: 'AKIA' | 'ASIA'): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes = Buffer.from(nextDigest(world, prefix), 'hex');
  let id = prefix;
  for (let i = 0; i < 16; i++) id += alphabet.charAt((bytes[i] ?? 0) % alphabet.length);
  return id;
}

// 40-character secret access key.
export function mintSecret(world: SandboxWorld): string {
  return Buffer.from(nextDigest(world, 'secret'), 'hex')
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 40)
    .padEnd(40, 'x');
}

// IAM unique ids: AIDA (users), AROA (roles) + 17 uppercase characters.
export function mintUniqueId(world: SandboxWorld, prefix: 'AIDA' | 'AROA'): string {
  return `${prefix}${nextDigest(world, prefix).slice(0, 17).toUpperCase()}`;
}
