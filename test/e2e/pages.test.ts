// Clicks through every page of the app in Chromium against the browser preview on the sandbox
// account, switches region, follows a job in the jobs panel, and stores screenshots (the
// Overview one becomes docs/screenshot.png for the README with ENVELOPE_UPDATE_SCREENSHOTS=1).
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../electron/preview/server';
import { callPreview } from './preview-api';
import { launchChromium } from './chromium';
import { docsScreenshots } from './screenshots';
import { makeTempDir } from '../helpers/temp-dir';

const screenshots = join('test-results', 'screenshots');
const pages = [
  { id: 'overview', title: 'Overview' },
  { id: 'inventory', title: 'Inventory' },
  { id: 'copy-ami', title: 'Copy AMI' },
  { id: 'migrate', title: 'Migrate' },
  { id: 's3', title: 'S3 objects' },
  { id: 'diagnostics', title: 'Diagnostics' },
  { id: 'plans', title: 'Plans' },
  { id: 'jobs', title: 'Jobs' },
  { id: 'accounts', title: 'Accounts' },
] as const;

let preview: Preview;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const docs = docsScreenshots();

const apiValue = <T>(channel: string, args: unknown = {}): Promise<T> =>
  callPreview<T>(preview, channel, args);

// The page's own title is the first h1 (a Cloudscape Wizard titles its current step with an h1 too).
const heading = () => page.getByRole('heading', { level: 1 }).first();
const bodyClass = async () => (await page.locator('body').getAttribute('class')) ?? '';
const sideNav = () => page.getByRole('navigation', { name: 'Side navigation' });

describe('the app in Chromium, on the sandbox account', () => {
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    preview = await startPreview({ dataDir: makeTempDir('envelope-e2e-data-') });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy/i.test(message.text()))
        problems.push(message.text());
    });
    await page.goto(preview.url);
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    docs.dispose();
  });

  it('opens on the Overview with the sandbox identity', async () => {
    const identity = await apiValue<{ accountId: string; arn: string }>('accounts:identity');
    expect(identity.accountId).toMatch(/^\d{12}$/);
    await expect.poll(() => heading().textContent()).toBe('Overview');
    const main = page.getByRole('main');
    await main.getByText(identity.arn, { exact: true }).waitFor();
    await main.getByText(identity.accountId, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Account: sandbox' }).waitFor();
    await page.screenshot({ path: join(screenshots, 'overview.png') });
    copyFileSync(join(screenshots, 'overview.png'), docs.path('screenshot.png'));
  });

  it('visits every page through the side navigation', async () => {
    for (const { id, title } of pages) {
      await sideNav().getByRole('link', { name: title, exact: true }).click();
      // Jobs and Accounts show a counter after the title: "Jobs (0)".
      await expect.poll(() => heading().textContent()).toMatch(new RegExp(`^${title}( \\(\\d+\\))?$`));
      expect(new URL(page.url()).hash).toBe(`#/${id}`);
      await page.screenshot({ path: join(screenshots, `${id}.png`) });
    }
  });

  it('lists the sandbox among the accounts', async () => {
    await sideNav().getByRole('link', { name: 'Accounts', exact: true }).click();
    await page.getByRole('rowheader', { name: 'sandbox', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Account: sandbox' }).click();
    await page.getByRole('menuitem', { name: /sandbox/ }).waitFor();
    await page.keyboard.press('Escape');
  });

  it('switches region from the top bar', async () => {
    const before = (await apiValue<{ selection: { region: string } }>('accounts:list')).selection.region;
    const { regions } = await apiValue<{ regions: { name: string; optInStatus: string }[] }>('regions:list');
    const target = regions.find((r) => r.name !== before && r.optInStatus !== 'not-opted-in')?.name;
    expect(target).toBeDefined();
    await page.getByRole('button', { name: `Region: ${before}` }).click();
    await page.getByRole('menuitem', { name: target, exact: true }).click();
    await page.getByRole('button', { name: `Region: ${target}` }).waitFor();
    const after = await apiValue<{ selection: { region: string } }>('accounts:list');
    expect(after.selection.region).toBe(target);
  });

  it('shows a running job in the jobs panel and cancels it', async () => {
    const id = preview.core.jobs.start('e2e', 'End-to-end demo job', async ({ signal, progress }) => {
      progress({ value: 0.5, title: 'Halfway', detail: 'waiting to be cancelled' });
      await new Promise((_, reject) =>
        signal.addEventListener('abort', () => reject(new Error('cancelled'))),
      );
    });
    await page.getByRole('button', { name: 'Show the jobs panel' }).click();
    const bar = page.getByRole('progressbar', { name: 'Progress of End-to-end demo job' }).first();
    await expect.poll(() => bar.getAttribute('value')).toBe('50');
    await page.screenshot({ path: join(screenshots, 'jobs-panel.png') });
    await page.getByRole('button', { name: 'Cancel End-to-end demo job' }).first().click();
    expect((await preview.core.jobs.wait(id)).state).toBe('cancelled');
    await page.getByText('Cancelled').first().waitFor();
  });

  it('follows the dark colour scheme of the OS', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(bodyClass).toContain('awsui-dark-mode');
    await sideNav().getByRole('link', { name: 'Overview', exact: true }).click();
    await page.screenshot({ path: join(screenshots, 'overview-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(bodyClass).not.toContain('awsui-dark-mode');
  });

  it('logged no page error and no Content-Security-Policy violation', () => {
    expect(problems).toEqual([]);
  });
});
