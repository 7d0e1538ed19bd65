// Saving the intended keys is confirmed in the Flashbar, naming what was saved (issue L item 17);
// a refused save shows the store's error instead of a confirmation.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DiagnosticsSettings } from '../../../shared/domain/diagnostics';
import { IntendedKeysPanel } from '../../../renderer/components/diagnostics/intended-keys-panel';
import { Notifications } from '../../../renderer/components/notifications';
import { fail, installFakeApi, uninstallFakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';
import { stubMatchMedia } from '../stub-match-media';

const settings: DiagnosticsSettings = { intended: {}, bucketPrefixes: ['avi-se-'], repeatWindowHours: 24 };

async function saveEbsKey(key: string) {
  render(
    <>
      <Notifications />
      <IntendedKeysPanel settings={settings} region="us-east-1" />
    </>,
  );
  await userEvent.type(screen.getByLabelText('Intended EBS key'), key);
  await userEvent.click(screen.getByRole('button', { name: 'Save intended keys' }));
}

describe('intended keys: saving', () => {
  beforeEach(() => {
    resetStores();
    stubMatchMedia();
  });
  afterEach(uninstallFakeApi);

  it('confirms the save with the region, the key and the bucket prefixes', async () => {
    const fake = installFakeApi({ 'diagnostics:saveSettings': (s) => s });
    await saveEbsKey('alias/lab-ebs');
    expect(await screen.findByText('Intended keys saved')).toBeTruthy();
    expect(
      screen.getByText(/Saved EBS key alias\/lab-ebs for us-east-1; bucket prefixes avi-se-\./),
    ).toBeTruthy();
    expect(fake.callsTo('diagnostics:saveSettings')).toEqual([
      {
        ...settings,
        intended: { 'us-east-1': { ebsKey: 'alias/lab-ebs', source: 'user' } },
      },
    ]);
  });

  it('shows the error, and no confirmation, when the save is refused', async () => {
    installFakeApi({
      'diagnostics:saveSettings': () =>
        fail({ code: 'io', message: 'The settings file could not be written.', hint: 'Check the disk.' }),
    });
    await saveEbsKey('alias/lab-ebs');
    expect(await screen.findByText('The settings file could not be written.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('Intended keys saved')).toBeNull());
  });
});
