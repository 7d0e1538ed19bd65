// The S3 objects page end to end (issue M item 4), in Chromium against the preview on avi-lab at
// 1280×800: opened on the SE bucket from its row in Inventory, its objects drawn by
// encryption; a plan reviewed with alias/lab-ebs; Run; the report, with every object read back
// under the key, and the same report from Jobs. The page never scrolls sideways.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../electron/preview/server';
import { AVI_REGION, aviLab } from '../../electron/sandbox/scenarios/avi-lab';
import { makeTempDir } from '../helpers/temp-dir';
import { launchChromium } from './chromium';
import { findSidewaysOverflow } from './layout-probe';
import { callPreview } from './preview-api';

interface Tally {
  readonly tallies: readonly { readonly encryption: string; readonly objects: number }[];
}

let preview: Preview;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const bucket = aviLab.ids.seBucket;

const api = <T>(channel: string, args: unknown = {}): Promise<T> => callPreview<T>(preview, channel, args);

// Nothing scrolls sideways and no table cell is cut (the layout check's probe); Cloudscape settles
// column widths a frame or two after a change, so it is asked until it holds.
const expectNoSidewaysScroll = () =>
  expect.poll(() => page.evaluate(findSidewaysOverflow), { timeout: 5_000 }).toEqual([]);

describe('S3 objects page on avi-lab', () => {
  beforeAll(async () => {
    preview = await startPreview({ dataDir: makeTempDir('envelope-e2e-s3-'), scenario: 'avi-lab' });
    await api('accounts:identity');
    await api('accounts:select', { profile: 'sandbox', region: AVI_REGION });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  it('draws the bucket by encryption, reviews a plan with alias/lab-ebs, runs it and shows the report', async () => {
    // From the bucket's row in Inventory, as a user finds it.
    await page.goto(preview.url);
    await page
      .getByRole('navigation', { name: 'Side navigation' })
      .getByRole('link', { name: 'Inventory', exact: true })
      .click();
    const tab = page.getByRole('tab', { name: /^Buckets \(\d+\)/ });
    await tab.waitFor({ timeout: 60_000 });
    await tab.click();
    await page.getByRole('link', { name: `Re-encrypt the objects of ${bucket}` }).click();
    await page.getByRole('heading', { level: 1, name: 'S3 objects' }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/s3?bucket=${bucket}`);
    // Opened on the bucket: its objects are counted at once and drawn by encryption.
    await page.getByText(/; every object was read\.|; sampled, not exact/).waitFor({ timeout: 60_000 });
    await page.getByLabel(`Objects in ${bucket} by encryption`).first().waitFor();
    await expectNoSidewaysScroll();

    await page.getByPlaceholder('alias/my-key').fill('alias/lab-ebs');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Review plan' }).click();
    await page.getByRole('heading', { name: 'What changes' }).waitFor({ timeout: 60_000 });
    await page.getByText('Cost estimate').waitFor();
    await page.getByRole('button', { name: 'Export the re-encryption plan as S3 Batch job' }).waitFor();
    await expectNoSidewaysScroll();

    const run = page.getByRole('button', { name: 'Run', exact: true });
    expect(await run.isDisabled()).toBe(false);
    await run.click();
    await page.getByRole('heading', { name: 'Encryption after the run' }).waitFor({ timeout: 90_000 });
    await page.getByText('No object failed.').waitFor();
    await page.getByLabel(`Objects in ${bucket} after the run`).first().waitFor();
    await expectNoSidewaysScroll();

    // Read back as core reads it: nothing is left under SSE-S3 (SSE-C objects, if any, are skipped).
    const after = await api<Tally>('s3Encrypt:tally', { bucket });
    expect(after.tallies.filter((t) => t.encryption === 'sse-s3' && t.objects > 0)).toEqual([]);

    // The run's report also opens from Jobs (#/jobs/<id>).
    const { jobs } = await api<{ jobs: { id: string; kind: string }[] }>('jobs:list');
    const job = jobs.find((j) => j.kind === 's3-encrypt');
    expect(job).toBeDefined();
    await page.evaluate(
      (hash) => {
        (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
      },
      `#/jobs/${encodeURIComponent(job!.id)}`,
    );
    await page.getByRole('heading', { level: 1, name: /^Jobs/ }).waitFor();
    await page.getByLabel(`Objects in ${bucket} after the run`).first().waitFor();
    expect(problems).toEqual([]);
  });
});
