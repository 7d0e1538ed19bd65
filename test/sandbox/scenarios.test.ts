import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../electron/sandbox/index';
import { aviLab } from '../../electron/sandbox/scenarios/avi-lab';
import { kublrCluster } from '../../electron/sandbox/scenarios/kublr-cluster';

describe('scenarios', () => {
  it('load avi-lab with the exported, stable ids', async () => {
    const sandbox = await startSandbox({ scenario: 'avi-lab', speed: 0 });
    try {
      const world = sandbox.world;
      expect(aviLab.ids.controllerInstanceIds).toHaveLength(3);
      for (const id of aviLab.ids.controllerInstanceIds)
        expect(world.instances.get(id)?.region).toBe('us-west-2');
      expect(world.images.get(aviLab.ids.controllerImageId)).toMatchObject({
        isPublic: true,
        name: 'avi-controller-22.1.3',
      });
      for (const id of aviLab.ids.seSnapshotIds)
        expect(world.snapshots.get(id)?.kmsKeyArn).toBe(aviLab.ids.awsEbsKeyArn);
      expect(aviLab.ids.cmkArn).not.toBe(aviLab.ids.awsEbsKeyArn);
      expect(world.kmsKeys.get(aviLab.ids.cmkArn)?.policy).not.toContain('kms:ViaService');
      expect(world.kmsKeys.get(aviLab.ids.asymmetricKeyArn)?.keySpec).toBe('RSA_2048');
      expect(world.kmsKeys.get(aviLab.ids.pendingDeletionKeyArn)?.state).toBe('PendingDeletion');
      expect(world.buckets.get(aviLab.ids.seBucket)).toMatchObject({ versioning: 'Enabled' });
      expect(aviLab.ids.prefixedSeBucket).toMatch(/^lab-se-/);
      expect(world.ebsEncryptionByDefault.get('123456789012/us-west-2')).toEqual({ enabled: true });
      // Reloading yields the same ids.
      sandbox.control.reset();
      expect([...world.instances.keys()].sort()).toEqual([...aviLab.ids.controllerInstanceIds].sort());
    } finally {
      await sandbox.close();
    }
  });

  it('load kublr-cluster: ASGs with launch templates and a key policy without the Auto Scaling grant', async () => {
    const sandbox = await startSandbox({ scenario: 'kublr-cluster', speed: 0 });
    try {
      const world = sandbox.world;
      expect(kublrCluster.ids.etcdVolumeIds).toHaveLength(3);
      expect(world.autoScalingGroups.get('kublr-cluster-master')?.instanceIds).toEqual(
        kublrCluster.ids.masterInstanceIds,
      );
      const policy = world.kmsKeys.get(kublrCluster.ids.cmkArn)?.policy ?? '';
      expect(policy).toContain('Allow use of the key by AutoScaling');
      expect(policy).not.toContain('Allow attachment of persistent resources by AutoScaling');
    } finally {
      await sandbox.close();
    }
  });

  it('load large with parameters', async () => {
    const sandbox = await startSandbox({
      scenario: 'large',
      scenarioParams: {
        regions: 2,
        volumesPerRegion: 30,
        snapshotsPerRegion: 40,
        imagesPerRegion: 5,
        keysPerRegion: 3,
        buckets: 7,
      },
      speed: 0,
    });
    try {
      expect(sandbox.world.volumes.size).toBe(60);
      expect(sandbox.world.buckets.size).toBe(7);
      expect(sandbox.world.images.size).toBe(10);
    } finally {
      await sandbox.close();
    }
  });
});
