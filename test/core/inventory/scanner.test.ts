// The scanner against the sandbox: what it reports equals the sandbox's state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanInventory } from '../../../electron/core/inventory/scanner';
import type { RegionInventory } from '../../../shared/domain/inventory';
import { withSandbox } from '../../helpers/sandbox';
import { sandboxScanClients, type CountingClients } from './sandbox-clients';

const ACCOUNT = '123456789012';
const sandbox = withSandbox({ scenario: 'avi-lab' });
let clients: CountingClients;

beforeAll(() => {
  clients = sandboxScanClients(sandbox);
});
afterAll(() => clients.destroy());

async function scanOne(region: string): Promise<RegionInventory> {
  const [outcome] = await scanInventory({ account: ACCOUNT, regions: [region], clients });
  if (!outcome?.ok) throw new Error(`scan failed: ${String(outcome?.error)}`);
  return outcome.inventory;
}

const sorted = <T>(items: T[], key: (t: T) => string): T[] =>
  [...items].sort((a, b) => key(a).localeCompare(key(b)));

describe('scanner on avi-lab (us-west-2)', () => {
  let inventory: RegionInventory;
  beforeAll(async () => {
    inventory = await scanOne('us-west-2');
  });

  it('reports every volume with its encryption, key ARN and attachments', () => {
    const world = [...sandbox.handle.world.volumes.values()].filter(
      (v) => v.region === 'us-west-2' && v.state !== 'deleted',
    );
    expect(
      sorted(inventory.volumes, (v) => v.id).map((v) => [
        v.id,
        v.encrypted,
        v.kmsKeyId,
        v.sizeGiB,
        v.type,
        v.az,
      ]),
    ).toEqual(
      sorted(world, (v) => v.volumeId).map((v) => [
        v.volumeId,
        v.encrypted,
        v.kmsKeyArn,
        v.sizeGiB,
        v.volumeType,
        v.availabilityZone,
      ]),
    );
    const attached = inventory.volumes.filter((v) => v.attachments.length > 0);
    for (const volume of attached) {
      const truth = sandbox.handle.world.volumes.get(volume.id)!;
      expect(volume.attachments.map((a) => [a.instanceId, a.device])).toEqual(
        truth.attachments.map((a) => [a.instanceId, a.device]),
      );
    }
  });

  it('reports owned snapshots only, with progress and key', () => {
    const world = [...sandbox.handle.world.snapshots.values()].filter(
      (s) => s.region === 'us-west-2' && s.accountId === ACCOUNT,
    );
    expect(
      sorted(inventory.snapshots, (s) => s.id).map((s) => [s.id, s.volumeId, s.encrypted, s.kmsKeyId]),
    ).toEqual(
      sorted(world, (s) => s.snapshotId).map((s) => [s.snapshotId, s.volumeId, s.encrypted, s.kmsKeyArn]),
    );
    expect(inventory.snapshots.every((s) => /^\d+%$/.test(s.progress))).toBe(true);
  });

  it('reports owned AMIs and the foreign AMI the controllers run from', () => {
    const owned = [...sandbox.handle.world.images.values()].filter(
      (i) => i.region === 'us-west-2' && i.ownerId === ACCOUNT && i.state !== 'deregistered',
    );
    expect(
      sorted(
        inventory.images.filter((i) => i.owned),
        (i) => i.id,
      ).map((i) => i.id),
    ).toEqual(sorted(owned, (i) => i.imageId).map((i) => i.imageId));
    const foreign = inventory.images.filter((i) => !i.owned);
    const runFrom = new Set(inventory.instances.map((i) => i.imageId));
    expect(foreign.length).toBeGreaterThan(0);
    for (const image of foreign) expect(runFrom.has(image.id)).toBe(true);
    const controller = foreign[0]!;
    expect(controller.isPublic).toBe(true);
    expect(controller.blockDevices[0]?.encrypted).toBe(false);
  });

  it('summarizes each instance’s encryption from its volumes', () => {
    expect(inventory.instances).toHaveLength(3);
    for (const instance of inventory.instances) {
      expect(instance.devices.length).toBeGreaterThan(0);
      expect(instance.encryption).toBe('none');
    }
  });

  it('reports keys with aliases, state, spec, manager and rotation', () => {
    const world = [...sandbox.handle.world.kmsKeys.values()].filter(
      (k) => k.region === 'us-west-2' && k.accountId === ACCOUNT,
    );
    expect(sorted(inventory.keys, (k) => k.arn).map((k) => [k.arn, k.state, k.spec, k.manager])).toEqual(
      sorted(world, (k) => k.arn).map((k) => [k.arn, k.state, k.keySpec, k.keyManager]),
    );
    const aliases = [...sandbox.handle.world.kmsAliases.values()].filter(
      (a) => a.region === 'us-west-2' && a.targetKeyId,
    );
    for (const alias of aliases) {
      const key = inventory.keys.find((k) => k.keyId === alias.targetKeyId);
      expect(key?.aliases).toContain(alias.aliasName);
    }
    const awsManaged = inventory.keys.filter((k) => k.manager === 'AWS');
    expect(awsManaged.every((k) => k.rotation === true)).toBe(true);
    const pending = inventory.keys.find((k) => k.state === 'PendingDeletion');
    expect(pending?.rotation).toBeUndefined();
    expect(pending?.deletionDate).toBeTypeOf('number');
  });

  it('reports EBS encryption by default and the default key', () => {
    const truth = sandbox.handle.world.ebsEncryptionByDefault.get(`${ACCOUNT}/us-west-2`);
    expect(inventory.ebsDefaults?.encryptionByDefault).toBe(truth?.enabled ?? false);
    expect(inventory.ebsDefaults?.defaultKmsKeyId).toMatch(/^arn:aws:kms:us-west-2:|^alias\/aws\/ebs$/);
  });

  it('reports the region’s buckets with encryption and versioning', () => {
    const world = [...sandbox.handle.world.buckets.values()].filter((b) => b.region === 'us-west-2');
    expect(
      sorted(inventory.buckets, (b) => b.name).map((b) => [b.name, b.versioning, b.encryption?.algorithm]),
    ).toEqual(
      // Since 2023 S3 applies SSE-S3 to a bucket with no configuration, and reports it.
      sorted(world, (b) => b.name).map((b) => [
        b.name,
        b.versioning,
        b.encryption ? b.encryption.rules[0]?.sseAlgorithm : 'AES256',
      ]),
    );
    expect(inventory.errors).toEqual([]);
  });
});

// This suite loads another scenario into the file's sandbox: it puts avi-lab back afterwards, so
// the avi-lab suite sees its own world in whichever order the suites run (--sequence.shuffle).
describe('scanner on kublr-cluster', () => {
  afterAll(() => sandbox.control.loadScenario('avi-lab'));

  it('reports launch templates with their default version’s block devices, and Auto Scaling groups', async () => {
    sandbox.control.loadScenario('kublr-cluster');
    const region = [...sandbox.handle.world.launchTemplates.values()][0]?.region ?? 'us-east-1';
    const inventory = await scanOne(region);
    const world = [...sandbox.handle.world.launchTemplates.values()].filter((t) => t.region === region);
    expect(inventory.launchTemplates.map((t) => t.id).sort()).toEqual(
      world.map((t) => t.launchTemplateId).sort(),
    );
    for (const template of inventory.launchTemplates) {
      const truth = world.find((t) => t.launchTemplateId === template.id)!;
      const version = truth.versions.find((v) => v.isDefault)!;
      expect(template.defaultVersion).toBe(version.versionNumber);
      expect(template.blockDevices.map((d) => [d.device, d.encrypted, d.kmsKeyId])).toEqual(
        version.data.blockDeviceMappings.map((m) => [m.deviceName, m.ebs?.encrypted, m.ebs?.kmsKeyId]),
      );
    }
    const groups = [...sandbox.handle.world.autoScalingGroups.values()].filter((g) => g.region === region);
    expect(
      inventory.autoScalingGroups.map((g) => [g.name, g.launchTemplate?.id, g.serviceLinkedRoleArn]),
    ).toEqual(groups.map((g) => [g.name, g.launchTemplate?.launchTemplateId, g.serviceLinkedRoleArn]));
  });
});
