// The live view of one migration with a fake window.api: per instance the timeline bars with the
// downtime window, per volume the seeds' block (Volume ID, Snapshot, Encrypted, KMS Key ID) for
// the original and the replacement, redrawn from `migration:changed`; resume, rollback and cleanup
// are sent only after a confirmation.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bindEvents } from '../../../renderer/bridge/bind-events';
import { MigrationLive } from '../../../renderer/components/migration/migration-live';
import { useMigrationStore } from '../../../renderer/stores/migration-store';
import { installFakeApi, uninstallFakeApi, type FakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';
import { awaitingReplace, INSTANCE, journal, KEY_ARN, REPLACEMENT } from './fixtures';

const initial = useMigrationStore.getState();
let fake: FakeApi;
const started = () => ({ migrationId: 'mig-1a2b3c4d', jobId: 'job-9' });

beforeEach(() => {
  resetStores();
  useMigrationStore.setState(initial, true);
  fake = installFakeApi({
    'migration:resume': started,
    'migration:rollback': started,
    'migration:cleanup': started,
    'migration:confirm': started,
    'migration:list': () => ({ migrations: [] }),
  });
});
afterEach(() => uninstallFakeApi());

function Live() {
  const current = useMigrationStore((s) => s.journals['mig-1a2b3c4d']);
  return current ? <MigrationLive journal={current} /> : null;
}

describe('MigrationLive', () => {
  it('draws the timeline bars and the downtime window', () => {
    render(<MigrationLive journal={journal()} />);
    const timeline = screen.getByRole('img', { name: `Timeline of ${INSTANCE}` });
    // One bar per journaled step, each labelled with the step's title.
    expect(timeline.querySelectorAll('rect:not([data-testid])')).toHaveLength(5);
    for (const title of ['Snapshot while running', 'Stop the instance', 'Verify'])
      expect(within(timeline).getByText(title)).toBeTruthy();
    const window = timeline.querySelector('[data-testid="downtime-window"]');
    expect(window).not.toBeNull();
    // Stop at +100 s, running at +200 s on a 0…201 s axis: the window covers about half the bars' width.
    const width = Number(window?.getAttribute('width'));
    expect(width).toBeGreaterThan(200);
    expect(width).toBeLessThan(240);
    // The header's timer and the axis label agree: stop → running took 100 s.
    // The instance's state in words beside it (a status indicator, not the journal's code).
    expect(screen.getByText(/— downtime 100 s/)).toBeTruthy();
    expect(screen.getAllByText('Verified').length).toBeGreaterThan(0);
    expect(screen.queryByText(/verified/)).toBeNull();
    expect(within(timeline).getByText('downtime 100 s')).toBeTruthy();
    expect(within(timeline).getByText('3 min 21 s')).toBeTruthy();
  });

  it('shows the seeds’ volume block for the original and the replacement', () => {
    render(<MigrationLive journal={journal()} />);
    const original = screen.getByLabelText('/dev/sda1 original');
    expect(original.textContent).toContain('Volume ID: vol-0de3660075df2bb90');
    expect(original.textContent).toContain('Snapshot: snap-0aaaaaaaaaaaaaaa1');
    expect(original.textContent).toContain('Encrypted: Not encrypted');
    expect(original.textContent).toContain('KMS Key ID: —');
    const replacement = screen.getByLabelText('/dev/sda1 replacement');
    expect(replacement.textContent).toContain('Volume ID: vol-0f261557a638f5628');
    expect(replacement.textContent).toContain('Snapshot: snap-091b3e473091b8a0d');
    expect(replacement.textContent).toContain('Encrypted: Encrypted');
    expect(replacement.textContent).toContain('KMS Key ID: b9c76fe7-735f-461c-9ce0-f8c01e020676');
  });

  it('redraws from migration:changed', () => {
    const unbind = bindEvents(fake.api);
    const running = journal({ status: 'running' });
    const instance = running.instances[0]!;
    const first = {
      ...running,
      instances: [
        {
          ...instance,
          status: 'running' as const,
          steps: instance.steps.slice(0, 1),
          stoppedAt: undefined,
          runningAt: undefined,
          volumes: [
            {
              ...instance.volumes[0]!,
              finalSnapshotId: undefined,
              replacementVolumeId: undefined,
              replacementKmsKeyArn: undefined,
            },
          ],
        },
      ],
    };
    act(() => fake.emit('migration:changed', first));
    render(<Live />);
    expect(screen.getByLabelText('/dev/sda1 replacement').textContent).toContain('Volume ID: —');
    expect(screen.queryByTestId('downtime-window')).toBeNull();
    act(() => fake.emit('migration:changed', journal()));
    expect(screen.getByLabelText('/dev/sda1 replacement').textContent).toContain('vol-0f261557a638f5628');
    expect(screen.getByTestId('downtime-window')).toBeTruthy();
    unbind();
  });

  for (const [button, channel] of [
    ['Resume', 'migration:resume'],
    ['Roll back', 'migration:rollback'],
    ['Clean up', 'migration:cleanup'],
  ] as const) {
    it(`asks before it sends ${channel}`, async () => {
      // Resume needs an unfinished migration; rollback and cleanup a verified one.
      render(<MigrationLive journal={journal(button === 'Resume' ? { status: 'failed' } : {})} />);
      fireEvent.click(screen.getByRole('button', { name: button }));
      const dialog = await screen.findByRole('dialog');
      expect(within(dialog).getByText(/\?/)).toBeTruthy();
      fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
      expect(fake.callsTo(channel)).toEqual([]);
      fireEvent.click(screen.getByRole('button', { name: button }));
      fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Confirm' }));
      await waitFor(() => expect(fake.callsTo(channel)).toHaveLength(1));
      expect(fake.callsTo(channel)[0]).toMatchObject({ id: 'mig-1a2b3c4d' });
      if (channel === 'migration:cleanup')
        expect(fake.callsTo(channel)[0]).toEqual({ id: 'mig-1a2b3c4d', confirm: true });
    });
  }

  it('replace: shows the images and the replacement, and confirms the waiting node only after asking', async () => {
    const paused = awaitingReplace();
    render(<MigrationLive journal={paused} />);
    expect(screen.getByText('ami-0bbbbbbbbbbbbbbb2')).toBeTruthy();
    expect(screen.getByText('10.0.1.7 → 10.0.1.42')).toBeTruthy();
    const timeline = screen.getByRole('img', { name: `Timeline of ${INSTANCE}` });
    expect(within(timeline).getByText('Launch the replacement')).toBeTruthy();
    expect(screen.queryByTestId('downtime-window')).toBeNull();
    expect(screen.getByText(new RegExp(`its replacement ${REPLACEMENT} runs`))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Confirm swap' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/moved the workload/)).toBeTruthy();
    expect(fake.callsTo('migration:confirm')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(fake.callsTo('migration:confirm')).toEqual([{ id: 'mig-1a2b3c4d' }]));
  });

  it('replace: a copy under way shows its progress bar; rollback says it terminates the replacement', async () => {
    const paused = awaitingReplace();
    const copying = {
      ...paused,
      status: 'running' as const,
      instances: [
        {
          ...paused.instances[0]!,
          status: 'running' as const,
          replace: { ...paused.instances[0]!.replace!, copyFraction: 0.4, replacementInstanceId: undefined },
        },
      ],
    };
    render(<MigrationLive journal={copying} />);
    const bar = screen.getByRole('progressbar', { name: /Encrypted copy of avi-controller-1/ });
    expect((bar as HTMLProgressElement).value).toBe(40);
    expect(screen.queryByRole('button', { name: 'Confirm swap' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Roll back' }));
    expect(within(await screen.findByRole('dialog')).getByText(/Terminate the replacements/)).toBeTruthy();
  });

  it('says a failed migration plainly: code, message, what to do, and the next actions', () => {
    const error = {
      code: 'key-not-usable',
      message: `EBS did not make the volume available (vol-1 is deleted): the KMS key alias/avi-cmk (${KEY_ARN}) is Disabled.`,
      hint: `Enable the key (aws kms enable-key --key-id ${KEY_ARN}) or choose another key.`,
    };
    const rolledBack = journal({ status: 'rolled-back', error });
    const { unmount } = render(<MigrationLive journal={rolledBack} />);
    expect(screen.getByText('The migration failed and was rolled back')).toBeTruthy();
    expect(screen.getByText('key-not-usable')).toBeTruthy();
    expect(screen.getByText(/alias\/avi-cmk .* is Disabled/)).toBeTruthy();
    expect(screen.getByText(/aws kms enable-key/)).toBeTruthy();
    const next = screen.getByRole('list', { name: 'Next actions' });
    expect(within(next).getByText(/fix the cause, then migrate again/)).toBeTruthy();
    expect(within(next).getByText(`envelope migrate --cleanup ${rolledBack.id} --yes`)).toBeTruthy();
    unmount();

    render(<MigrationLive journal={journal({ status: 'failed', error })} />);
    expect(screen.getByText('The migration failed')).toBeTruthy();
    const actions = within(screen.getByRole('list', { name: 'Next actions' }));
    expect(actions.getByText('envelope migrate --resume mig-1a2b3c4d')).toBeTruthy();
    expect(actions.getByText('envelope migrate --rollback mig-1a2b3c4d')).toBeTruthy();
  });

  it('shows no failure for a verified migration', () => {
    render(<MigrationLive journal={journal()} />);
    expect(screen.queryByRole('list', { name: 'Next actions' })).toBeNull();
  });
});
