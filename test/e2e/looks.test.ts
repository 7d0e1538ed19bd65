// What only a real layout shows (issue L items 16 and 17), measured in Chromium on avi-lab at
// 1440×900: the Overview chart's tick labels are whole numbers; the findings filters' labels and
// the principal ARN never break inside a word; Escape closes the fix preview once it says
// "Applied"; the side navigation is open again at desktop width after the window was narrowed to
// the mobile layout. (The timeline's downtime label and the Jobs "Done" are shown by the renderer
// unit tests.)
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../electron/preview/server';
import { makeTempDir } from '../helpers/temp-dir';
import { launchChromium } from './chromium';
import { arnPiecesCut, numericChartLabels, wordsBrokenAcrossLines } from './looks-probe';
import { callPreview } from './preview-api';

let preview: Preview;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const nav = async (title: string): Promise<void> => {
  await page
    .getByRole('navigation', { name: 'Side navigation' })
    .getByRole('link', { name: title, exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: title }).first().waitFor();
};

describe('looks, measured in Chromium', () => {
  beforeAll(async () => {
    preview = await startPreview({ dataDir: makeTempDir('envelope-e2e-looks-'), scenario: 'avi-lab' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(preview.url);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  it('labels the Overview chart in whole resources', async () => {
    // The chart is the Overview's only SVG with text: its categories and its count axis.
    const countLabels = () => page.evaluate(numericChartLabels);
    await page.getByText('Resources', { exact: true }).waitFor();
    await expect.poll(async () => (await countLabels()).length, { timeout: 10_000 }).toBeGreaterThan(1);
    for (const label of await countLabels()) expect(label).toMatch(/^\d[\d,]*$/);
  });

  it('shows the principal ARN broken only after ":" or "/"', async () => {
    const { arn } = await callPreview<{ arn: string }>(preview, 'accounts:identity', {});
    for (const width of [1280, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      const { pieces, cut } = await page.evaluate(arnPiecesCut, arn);
      expect(pieces).toBeGreaterThan(1);
      expect(cut).toEqual([]);
    }
  });

  it('keeps the findings filters’ labels whole', async () => {
    await nav('Diagnostics');
    await page.getByRole('button', { name: 'Run diagnostics' }).click();
    await page.getByRole('row').filter({ hasText: 'does not let EC2 use it' }).waitFor({ timeout: 60_000 });
    for (const width of [1280, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await page.evaluate(wordsBrokenAcrossLines, ['Severity', 'Check', 'All'])).toEqual([]);
    }
  });

  it('closes the "Applied" fix preview on Escape', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('row').filter({ hasText: 'does not let EC2 use it' }).getByRole('radio').check();
    await page.getByRole('button', { name: 'Preview fix' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Apply fix' }).click();
    await dialog.getByText('Applied', { exact: true }).waitFor();
    // The key goes to whatever has the focus, as a person's would.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('opens the side navigation again at desktop width after a narrow window', async () => {
    const sideNav = page.getByRole('navigation', { name: 'Side navigation' });
    await page.setViewportSize({ width: 600, height: 900 });
    await page.getByRole('button', { name: 'Open side navigation' }).first().waitFor();
    await page.setViewportSize({ width: 1440, height: 900 });
    await sideNav.getByRole('link', { name: 'Diagnostics', exact: true }).waitFor();
    // Open, not the collapsed rail: the navigation is as wide as its links.
    expect((await sideNav.boundingBox())?.width ?? 0).toBeGreaterThan(200);
    expect(pageErrors).toEqual([]);
  });
});
