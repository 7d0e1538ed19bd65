// IAM Identity Center login in Chromium against the browser preview's sandbox account: the
// device code shown large, the login approved (the sandbox approves by itself, as a person would
// in the browser), a profile added through the account and role picker after its text is
// reviewed, that profile's identity, and the SDK's fromSSO reading the token file Envelope wrote.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromSSO } from '@aws-sdk/credential-providers';
import { startPreview, type Preview } from '../../electron/preview/server';
import { callPreview } from './preview-api';
import { launchChromium } from './chromium';
import { makeTempDir } from '../helpers/temp-dir';

let preview: Preview;
let browser: Browser;
let page: Page;
const problems: string[] = [];

const apiValue = <T>(channel: string, args: unknown = {}): Promise<T> =>
  callPreview<T>(preview, channel, args);

// Picks an option of a Cloudscape Select in the open dialog, by the select's label.
async function choose(label: string, option: RegExp): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: label }).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

describe('IAM Identity Center login in the browser preview', () => {
  beforeAll(async () => {
    preview = await startPreview({ dataDir: makeTempDir('envelope-e2e-sso-') });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(preview.url);
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  it('runs from device code to a working profile that fromSSO can use', async () => {
    await page
      .getByRole('navigation', { name: 'Side navigation' })
      .getByRole('link', { name: 'Accounts', exact: true })
      .click();
    await page.getByRole('button', { name: 'Log in to envelope-sandbox' }).click();

    const code = page.getByTestId('sso-user-code');
    await code.waitFor();
    expect(await code.textContent()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await page.getByText('Logged in. The AWS CLI shares this login.').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join('test-results', 'screenshots', 'sso-login.png') });

    await page.getByRole('button', { name: 'Add a profile…' }).click();
    await choose('Account', /\d{12}/);
    await choose('Role', /AdministratorAccess/);
    await page.getByRole('textbox', { name: 'Profile name' }).fill('sbx-e2e');
    await page.getByRole('button', { name: 'Review' }).click();
    expect(await page.getByTestId('profile-preview').textContent()).toContain('[profile sbx-e2e]');
    await page.getByRole('button', { name: 'Add to ~/.aws/config' }).click();
    const row = page.getByRole('row', { name: /sbx-e2e/ });
    await row.waitFor();
    // Switch the app to the new profile: the top bar then names it.
    await row.getByRole('button', { name: /Use/ }).click();
    await page
      .getByRole('banner')
      .getByText(/sbx-e2e/)
      .first()
      .waitFor();

    const config = readFileSync(process.env.AWS_CONFIG_FILE!, 'utf8');
    expect(config).toContain('[profile sbx-e2e]');
    expect(config).toContain('sso_session = envelope-sandbox');

    const identity = await apiValue<{ arn: string; accountId: string }>('accounts:identity', {
      profile: 'sbx-e2e',
    });
    expect(identity.arn).toMatch(/assumed-role\/AdministratorAccess\//);

    // The SDK on its own reads the token Envelope wrote (the profile's endpoint_url leads its SSO
    // client to the sandbox when the process uses that profile).
    process.env.AWS_PROFILE = 'sbx-e2e';
    try {
      const credentials = await fromSSO({ profile: 'sbx-e2e' })();
      expect(credentials.accessKeyId).toMatch(/^ASIA/);
    } finally {
      delete process.env.AWS_PROFILE;
    }
    expect(problems).toEqual([]);
  });
});
