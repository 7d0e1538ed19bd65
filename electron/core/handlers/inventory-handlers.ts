import type { Handlers } from '../ipc/dispatcher';
import type { InventoryService } from '../inventory/inventory-service';

type InventoryHandlers = Pick<Handlers, 'inventory:scan' | 'inventory:get' | 'kms:resolve' | 'kms:keyPolicy'>;

export function inventoryHandlers(inventory: InventoryService): InventoryHandlers {
  return {
    'inventory:scan': ({ regions }) => Promise.resolve({ jobId: inventory.scan(regions) }),
    'inventory:get': ({ regions }) => inventory.get(regions),
    'kms:resolve': ({ ref, region }) => inventory.resolveKey(ref, region),
    'kms:keyPolicy': async ({ keyArn }) => ({ policy: await inventory.keyPolicy(keyArn) }),
  };
}
