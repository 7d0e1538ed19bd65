// The migration wizard end to end in Chromium against the browser preview on avi-lab: choose the
// first controller, type the lab's CMK (alias/avi-cmk, given the EC2 via-service statement first,
// as a person following Envelope's hint would), review the plan, run it and follow the live view
// to a verified migration; the screenshot becomes docs/screenshot-migrate.png (ENVELOPE_UPDATE_SCREENSHOTS=1), and the sandbox
// confirms every device now holds a volume encrypted with the CMK while the originals remain.
// The test speeds the preview sandbox's clock with ENVELOPE_SANDBOX_SPEED (electron/sandbox/provider.ts)
// and shortens the waiters' polls with ENVELOPE_WAIT_DELAY_SECONDS, as the README describes.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DescribeInstancesCommand, DescribeVolumesCommand } from '@aws-sdk/client-ec2';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../electron/preview/server';
import { callPreview } from './preview-api';
import { aviLab } from '../../electron/sandbox/scenarios/avi-lab';
import { allowEbsOn } from '../core/migration/harness';
import { launchChromium } from './chromium';
import { docsScreenshots } from './screenshots';
import { makeTempDir } from '../helpers/temp-dir';

const screenshots = join('test-results', 'screenshots');
const REGION = 'us-west-2';
let preview: Preview;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const docs = docsScreenshots();

const api = <T>(channel: string, args: unknown = {}): Promise<T> => callPreview<T>(preview, channel, args);

describe('Migrate page in Chromium', () => {
  beforeAll(async () => {
    process.env.ENVELOPE_WAIT_DELAY_SECONDS = '0.25';
    mkdirSync(screenshots, { recursive: true });
    // The preview's sandbox starts at this speed (an hour of AWS time per second); its control
    // API needs the run's token, which only the process that started it holds.
    process.env.ENVELOPE_SANDBOX_SPEED = '3600';
    preview = await startPreview({
      dataDir: makeTempDir('envelope-e2e-migrate-'),
      scenario: 'avi-lab',
    });
    await api('accounts:identity');
    await api('accounts:select', { profile: 'sandbox', region: REGION });
    await allowEbsOn(preview.core.accounts.clients.get('kms', 'sandbox', REGION), aviLab.ids.cmkArn, REGION);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1100 }, colorScheme: 'light' });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(preview.url);
  });

  afterAll(async () => {
    delete process.env.ENVELOPE_SANDBOX_SPEED;
    delete process.env.ENVELOPE_WAIT_DELAY_SECONDS;
    await browser?.close();
    await preview?.close();
    docs.dispose();
  });

  it('migrates one controller to alias/avi-cmk and shows the live view', async () => {
    const instanceId = aviLab.ids.controllerInstanceIds[0]!;
    await page
      .getByRole('navigation', { name: 'Side navigation' })
      .getByRole('link', { name: 'Migrate', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Migrate' }).waitFor();
    await page.getByText('Choose instances').click();
    await page.getByRole('option', { name: /avi-controller-1/ }).click({ timeout: 60_000 });
    await page.keyboard.press('Escape');
    await page.getByPlaceholder('alias/my-cmk').fill('alias/avi-cmk');
    await page.getByRole('button', { name: 'Review plan' }).click();
    await page.getByText(/Expected downtime:/).waitFor({ timeout: 30_000 });
    await page.getByRole('table', { name: 'Plan steps' }).waitFor();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('heading', { name: /^mig-[a-z0-9-]+:\s*Verified$/ }).waitFor({ timeout: 110_000 });
    await page.getByRole('img', { name: `Timeline of ${instanceId}` }).waitFor();
    await page
      .getByText(/Volume ID: vol-/)
      .first()
      .waitFor();
    await page.screenshot({ path: join(screenshots, 'migrate.png') });
    copyFileSync(join(screenshots, 'migrate.png'), docs.path('screenshot-migrate.png'));

    // The sandbox agrees: every device holds a volume encrypted with the CMK; originals kept.
    const ec2 = preview.core.accounts.clients.get('ec2', 'sandbox', REGION);
    const instance = (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] })))
      .Reservations?.[0]?.Instances?.[0];
    expect(instance?.State?.Name).toBe('running');
    const attached = (instance?.BlockDeviceMappings ?? []).map((b) => b.Ebs?.VolumeId ?? '');
    const volumes = (await ec2.send(new DescribeVolumesCommand({ VolumeIds: attached }))).Volumes ?? [];
    expect(volumes).toHaveLength(2);
    for (const v of volumes) {
      expect(v.Encrypted).toBe(true);
      expect(v.KmsKeyId).toBe(aviLab.ids.cmkArn);
    }
    const { migrations } = await api<{ migrations: { status: string }[] }>('migration:list');
    expect(migrations.map((m) => m.status)).toEqual(['verified']);
    expect(problems).toEqual([]);
  });

  it('replaces the second controller from an encrypted image, node by node with a confirmation', async () => {
    const instanceId = aviLab.ids.controllerInstanceIds[1]!;
    // A fresh window: nothing chosen yet.
    await page.reload();
    await page
      .getByRole('navigation', { name: 'Side navigation' })
      .getByRole('link', { name: 'Migrate', exact: true })
      .click();
    await page.getByText('Choose instances').click();
    await page.getByRole('option', { name: /avi-controller-2/ }).click({ timeout: 60_000 });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /Swap in place/ }).click();
    await page.getByRole('option', { name: /Replace from an encrypted AMI/ }).click();
    await page.getByPlaceholder('alias/my-cmk').fill('alias/lab-ebs');
    await page.getByRole('button', { name: 'Review plan' }).click();
    await page.getByText(/No downtime of its own/).waitFor({ timeout: 30_000 });
    await page
      .getByText(/cluster membership/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page
      .getByRole('heading', { name: /^mig-[a-z0-9-]+:\s*Waiting for your confirmation$/ })
      .waitFor({ timeout: 110_000 });
    await page
      .getByText(/Private IP: original → replacement/)
      .first()
      .waitFor();
    await page.screenshot({ path: join(screenshots, 'migrate-replace.png') });
    copyFileSync(join(screenshots, 'migrate-replace.png'), docs.path('screenshot-migrate-replace.png'));
    const ec2 = preview.core.accounts.clients.get('ec2', 'sandbox', REGION);
    const state = async (id: string) =>
      (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations?.[0]?.Instances?.[0]
        ?.State?.Name;
    // The original keeps serving until the user confirms.
    expect(await state(instanceId)).toBe('running');
    await page.getByRole('button', { name: 'Confirm swap' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm', exact: true }).click();
    await page.getByRole('heading', { name: /^mig-[a-z0-9-]+:\s*Verified$/ }).waitFor({ timeout: 110_000 });
    expect(await state(instanceId)).toBe('stopped');
    expect(problems).toEqual([]);
  });
});
