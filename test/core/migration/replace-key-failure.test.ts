// The replace strategy when the key becomes unusable after EC2 accepted the work: disabled as
// CopyImage arrives, the encrypted copy fails afterwards and the migration stops before anything
// is launched (the original keeps running, the partial image is journaled for cleanup); scheduled
// for deletion as RunInstances arrives, the replacement goes pending → terminated and the node is
// rolled back. Either way the error names the key's state.
import { DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeMigration } from '../../../electron/core/migration/executor';
import { JournalStore } from '../../../electron/core/migration/journal';
import { createJournal, prepareMigration } from '../../../electron/core/migration/prepare';
import { aviLab } from '../../../electron/sandbox/scenarios/avi-lab';
import { withSandbox } from '../../helpers/sandbox';
import { sandboxContext } from './harness';

const sandbox = withSandbox({ scenario: 'avi-lab', speed: 3600 });
let ctx: ReturnType<typeof sandboxContext>;
const instanceId = aviLab.ids.controllerInstanceIds[0]!;
const named = (state: string) =>
  new RegExp(`the KMS key alias/lab-ebs \\(${aviLab.ids.labKeyArn}\\) is ${state}`);

beforeAll(() => {
  ctx = sandboxContext(sandbox);
});
afterAll(() => ctx.destroy());

async function migrateWithKeyChange(action: string, state: 'Disabled' | 'PendingDeletion') {
  sandbox.control.reset();
  const prepared = await prepareMigration(ctx, {
    instanceIds: [instanceId],
    kmsKeyRef: 'alias/lab-ebs',
    strategy: 'replace',
    autoConfirm: true,
  });
  const journal = createJournal(new JournalStore({ dataDir: ctx.dataDir }), ctx, prepared);
  sandbox.control.addFault({ kind: 'key-state', keyId: 'alias/lab-ebs', state, service: 'ec2', action });
  await executeMigration({ ctx, journal, signal: new AbortController().signal });
  const original = await ctx.ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
  return { journal: journal.value, originalState: original.Reservations?.[0]?.Instances?.[0]?.State?.Name };
}

describe('replace with the key made unusable after EC2 accepted the work', () => {
  it('disabled at CopyImage: stops before any launch, original running, partial copy journaled', async () => {
    const { journal, originalState } = await migrateWithKeyChange('CopyImage', 'Disabled');
    expect(journal.status).toBe('failed');
    const instance = journal.instances[0]!;
    expect(instance.error?.code).toBe('copy-failed');
    expect(instance.error?.message).toMatch(named('Disabled'));
    expect(instance.error?.hint).toMatch(/aws kms enable-key/);
    expect(instance.replace?.encryptedImageId).toMatch(/^ami-/);
    expect(instance.replace?.replacementInstanceId).toBeUndefined();
    expect(originalState).toBe('running');
  });

  it('scheduled for deletion at RunInstances: the replacement is terminated, the original runs', async () => {
    const { journal, originalState } = await migrateWithKeyChange('RunInstances', 'PendingDeletion');
    expect(journal.status).toBe('rolled-back');
    const instance = journal.instances[0]!;
    expect(instance.error?.code).toBe('key-not-usable');
    expect(instance.error?.message).toMatch(named('PendingDeletion'));
    const replacementId = instance.replace?.replacementInstanceId;
    expect(replacementId).toMatch(/^i-/);
    const replacement = sandbox.handle.world.instances.get(replacementId!);
    expect(replacement?.state).toBe('terminated');
    expect(originalState).toBe('running');
  });
});
