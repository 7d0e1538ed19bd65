// The migration wizard with a fake window.api: bad input is refused with the core's message and
// hint before anything runs; a good request shows the sealed plan (its steps, the expected
// downtime, the warnings) and only then can be run.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MigrationWizard } from '../../../renderer/components/migration/migration-wizard';
import { useMigrationStore } from '../../../renderer/stores/migration-store';
import { fail, installFakeApi, uninstallFakeApi, type FakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';
import { INSTANCE, journal, plan } from './fixtures';

const initial = useMigrationStore.getState();
let fake: FakeApi;

beforeEach(() => {
  resetStores();
  useMigrationStore.setState(initial, true);
  useMigrationStore.getState().setSelected([INSTANCE]);
  fake = installFakeApi({ 'migration:plan': () => plan });
});
afterEach(() => uninstallFakeApi());

function typeKey(value: string) {
  const input = screen.getByPlaceholderText('alias/my-cmk');
  fireEvent.change(input, { target: { value } });
}

describe('MigrationWizard', () => {
  it('refuses a key EC2 cannot use with the message and the hint, and offers no Run', async () => {
    fake.setHandler('migration:plan', () =>
      fail({
        code: 'key-not-usable-by-ec2',
        message: 'alias/avi-cmk does not let EC2 use it for you in us-west-2.',
        hint: 'Add the statement with kms:ViaService ec2.us-west-2.amazonaws.com to the key policy.',
      }),
    );
    render(<MigrationWizard />);
    typeKey('alias/avi-cmk');
    fireEvent.click(screen.getByRole('button', { name: 'Review plan' }));
    expect(
      await screen.findByText('alias/avi-cmk does not let EC2 use it for you in us-west-2.'),
    ).toBeTruthy();
    expect(screen.getByText(/kms:ViaService ec2.us-west-2.amazonaws.com/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Run' }).hasAttribute('disabled')).toBe(true);
    expect(fake.callsTo('migration:plan')).toEqual([
      { instanceIds: [INSTANCE], kmsKeyRef: 'alias/avi-cmk', strategy: 'swap', autoConfirm: false },
    ]);
    expect(fake.callsTo('migration:start')).toEqual([]);
  });

  it('refuses an unknown instance and clears the refusal when the input changes', async () => {
    fake.setHandler('migration:plan', () =>
      fail({
        code: 'instance-not-found',
        message: `${INSTANCE} was not found in us-west-2.`,
        hint: 'Check the region: the instance may be in another one.',
      }),
    );
    render(<MigrationWizard />);
    typeKey('alias/avi-cmk');
    fireEvent.click(screen.getByRole('button', { name: 'Review plan' }));
    expect(await screen.findByText(`${INSTANCE} was not found in us-west-2.`)).toBeTruthy();
    expect(screen.getByText('Check the region: the instance may be in another one.')).toBeTruthy();
    typeKey('alias/other');
    expect(screen.queryByText(`${INSTANCE} was not found in us-west-2.`)).toBeNull();
  });

  it('disables Review plan until instances and a key are chosen', () => {
    useMigrationStore.getState().setSelected([]);
    render(<MigrationWizard />);
    expect(screen.getByRole('button', { name: 'Review plan' }).hasAttribute('disabled')).toBe(true);
  });

  it('shows the plan: steps, expected downtime, warnings; then runs it', async () => {
    fake.setHandler('migration:start', () => ({ migrationId: 'mig-1a2b3c4d', jobId: 'job-1' }));
    fake.setHandler('migration:get', () => journal());
    fake.setHandler('migration:list', () => ({ migrations: [] }));
    render(<MigrationWizard />);
    typeKey('alias/avi-cmk');
    fireEvent.click(screen.getByRole('button', { name: 'Review plan' }));
    expect(await screen.findByText(plan.title)).toBeTruthy();
    expect(screen.getByText(/Expected downtime: 2 min 25 s per instance/)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Plan steps' });
    for (const s of plan.steps) expect(within(table).getByText(s.title)).toBeTruthy();
    expect(within(table).getByText('ec2:StopInstances')).toBeTruthy();
    expect(screen.getByText(plan.warnings[0]!)).toBeTruthy();
    expect(screen.getByText(/4 steps · 1 rollback steps/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    await screen.findByRole('button', { name: 'Review plan' });
    // Run sends the reviewed plan itself, not the form's selection.
    expect(fake.callsTo('migration:start')).toEqual([{ plan }]);
  });

  it('plans the replace strategy: sent as chosen, no downtime of its own', async () => {
    fake.setHandler('migration:plan', () => ({
      ...plan,
      expectedDowntimeSeconds: 0,
      input: { ...plan.input, strategy: 'replace' },
    }));
    useMigrationStore.getState().setStrategy('replace');
    render(<MigrationWizard />);
    typeKey('alias/lab-ebs');
    fireEvent.click(screen.getByRole('button', { name: 'Review plan' }));
    expect(await screen.findByText(/No downtime of its own/)).toBeTruthy();
    expect(fake.callsTo('migration:plan')).toEqual([
      { instanceIds: [INSTANCE], kmsKeyRef: 'alias/lab-ebs', strategy: 'replace', autoConfirm: false },
    ]);
  });

  it('exports the reviewed plan in every format, the SSM runbook included', async () => {
    const createObjectURL = vi.fn(() => 'blob:plan');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    fake.setHandler('plans:render', ({ format }) => ({
      text: `plan as ${format}`,
      fileName: `plan.${format}`,
      mime: 'text/plain',
    }));
    render(<MigrationWizard />);
    typeKey('alias/avi-cmk');
    fireEvent.click(screen.getByRole('button', { name: 'Review plan' }));
    await screen.findByText(plan.title);
    for (const label of ['JSON', 'HTML', 'Markdown', 'AWS CLI script', 'SSM runbook']) {
      fireEvent.click(screen.getByRole('button', { name: `Export the reviewed plan as ${label}` }));
    }
    await vi.waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(5));
    expect(fake.callsTo('plans:render').map((c) => c.format)).toEqual(['json', 'html', 'md', 'bash', 'ssm']);
    expect(fake.callsTo('plans:render')[0]?.plan).toEqual(plan);
  });

  it('says the volumes in words and marks an instance that cannot be migrated', async () => {
    const { instanceOption } = await import('../../../renderer/components/migration/instance-options');
    const record = {
      id: INSTANCE,
      name: 'avi-controller-1',
      state: 'running',
      type: 'm5.large',
      az: 'us-west-2a',
      imageId: 'ami-1',
      devices: [{ device: '/dev/sda1', volumeId: 'vol-1' }],
      encryption: 'none' as const,
    };
    expect(instanceOption(record, 'swap').description).toContain('no volume encrypted');
    expect(instanceOption(record, 'swap').disabled).toBeUndefined();
    const encrypted = instanceOption({ ...record, encryption: 'all' }, 'swap');
    expect(encrypted.disabled).toBe(true);
    expect(encrypted.tags?.[0]).toMatch(/Cannot be migrated: every volume is already encrypted/);
    expect(instanceOption({ ...record, state: 'terminated' }, 'rekey').tags?.[0]).toMatch(/it is terminated/);
  });
});
