// The Copy AMI wizard end to end in Chromium against the browser preview on avi-lab: search the
// public controller AMI, see the blank key said plainly (aws/ebs), then type and check the lab's CMK,
// review the plan, start it and follow it to an available encrypted copy; the screenshot becomes
// docs/screenshot-copy-ami.png (with ENVELOPE_UPDATE_SCREENSHOTS=1).
// The preview's sandbox starts at the speed ENVELOPE_SANDBOX_SPEED names (electron/sandbox/provider.ts),
// as `envelope sandbox --speed` would.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../electron/preview/server';
import { callPreview } from './preview-api';
import { aviLab } from '../../electron/sandbox/scenarios/avi-lab';
import { launchChromium } from './chromium';
import { docsScreenshots } from './screenshots';
import { makeTempDir } from '../helpers/temp-dir';

const screenshots = join('test-results', 'screenshots');
let preview: Preview;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const docs = docsScreenshots();

const api = <T>(channel: string, args: unknown = {}): Promise<T> => callPreview<T>(preview, channel, args);

describe('Copy AMI wizard in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    // The preview's sandbox starts at this speed (an hour of AWS time per second); its control
    // API needs the run's token, which only the process that started it holds.
    process.env.ENVELOPE_SANDBOX_SPEED = '3600';
    preview = await startPreview({
      dataDir: makeTempDir('envelope-e2e-copy-'),
      scenario: 'avi-lab',
    });
    await api('accounts:identity');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1100 }, colorScheme: 'light' });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(preview.url);
  });

  afterAll(async () => {
    delete process.env.ENVELOPE_SANDBOX_SPEED;
    await browser?.close();
    await preview?.close();
    docs.dispose();
  });

  it('copies the public controller AMI to an available encrypted AMI', async () => {
    const image = aviLab.ids.controllerImageId;
    await page
      .getByRole('navigation', { name: 'Side navigation' })
      .getByRole('link', { name: 'Copy AMI', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Copy AMI' }).waitFor();
    await page.getByRole('searchbox', { name: 'AMI id or name' }).fill('avi-controller');
    await page.getByRole('button', { name: /^Search / }).click();
    await page.getByRole('checkbox', { name: `Copy ${image}` }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Name template').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('No key chosen: AWS managed key aws/ebs').waitFor();
    // The lab's healthy CMK, typed by hand and checked against its policy before the review.
    await page.getByRole('textbox', { name: 'Key reference' }).fill('alias/lab-ebs');
    await page.getByRole('button', { name: 'Check key' }).click();
    await page.getByText('The key can encrypt the copy').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Before you copy').waitFor({ timeout: 30_000 });
    await page.getByText(/cannot be made public/).waitFor();
    await page.getByRole('button', { name: 'Start copy' }).click();
    await page.getByText(/^New AMI/).waitFor({ timeout: 90_000 });
    await page.getByText(/=snap-[0-9a-f]+:128:true:gp2:encrypted/).waitFor();
    await page.getByRole('cell', { name: 'alias/lab-ebs' }).first().waitFor();
    await page.screenshot({ path: join(screenshots, 'copy-ami.png') });
    copyFileSync(join(screenshots, 'copy-ami.png'), docs.path('screenshot-copy-ami.png'));

    const { jobs } = await api<{ jobs: { kind: string; state: string }[] }>('jobs:list');
    expect(jobs.filter((j) => j.kind === 'ami-copy').map((j) => j.state)).toEqual(['done']);
    expect(problems).toEqual([]);
  });
});
