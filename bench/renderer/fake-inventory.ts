// The data of P3: one region's inventory with 10,000 volumes (a third encrypted under one of four
// customer keys, a third attached), shaped as inventory:get answers it.
import {
  emptyRegionInventory,
  type Inventory,
  type KeyRecord,
  type VolumeRecord,
} from '../../shared/domain/inventory';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const TYPES = ['gp3', 'gp2', 'io2', 'st1'];

const key = (n: number): KeyRecord => {
  const keyId = `0000000${n}-aaaa-4bbb-8ccc-dddddddddddd`;
  return {
    arn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/${keyId}`,
    keyId,
    account: ACCOUNT,
    aliases: [`alias/app-${n}`],
    state: 'Enabled',
    spec: 'SYMMETRIC_DEFAULT',
    manager: 'CUSTOMER',
    rotation: true,
  };
};

export function fakeInventory(volumes: number): Inventory {
  const keys = [0, 1, 2, 3].map(key);
  const region = emptyRegionInventory(ACCOUNT, REGION, Date.now());
  region.keys = keys;
  region.volumes = Array.from({ length: volumes }, (_, i): VolumeRecord => {
    const encrypted = i % 3 === 0;
    return {
      id: `vol-${(0x10000000 + i).toString(16)}${'0'.repeat(9)}`,
      name: `app-${i}`,
      sizeGiB: 8 + (i % 64),
      type: TYPES[i % TYPES.length] ?? 'gp3',
      az: `${REGION}${'abc'[i % 3] ?? 'a'}`,
      state: i % 3 === 1 ? 'in-use' : 'available',
      encrypted,
      ...(encrypted ? { kmsKeyId: keys[i % keys.length]?.arn } : {}),
      attachments:
        i % 3 === 1
          ? [
              {
                instanceId: `i-${(0x20000000 + i).toString(16)}${'0'.repeat(9)}`,
                device: '/dev/xvdf',
                state: 'attached',
              },
            ]
          : [],
    };
  });
  return { profile: 'bench', account: ACCOUNT, regions: [region], missing: [] };
}
