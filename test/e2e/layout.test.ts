// Nothing scrolls sideways at desktop widths (issue 20, item 12): walks every page on avi-lab in
// Chromium — Overview, each Inventory tab and a volume's detail, the Copy AMI wizard's steps and
// its running copy, the migration form, review (replace and swap) and live view, Diagnostics'
// findings, a finding, its fix preview, the intended keys and applied fixes, the Plans import view
// with a plan, Jobs, a job's result and the jobs panel (below, and set beside), S3 objects before a bucket is chosen,
// Accounts and its scanning settings — at 1280×800 and 1440×900, and fails on an element that
// scrolls sideways, a page wider than the window, a table cell whose content is cut or spills over
// (layout-probe.ts), and a word broken between two letters in a column header or a named column
// (table-words-probe.ts). With ENVELOPE_UPDATE_SCREENSHOTS=1 it writes one screenshot per page at
// 1440×900 into docs/layout/.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../electron/preview/server';
import { aviLab } from '../../electron/sandbox/scenarios/avi-lab';
import { allowEbsOn } from '../core/migration/harness';
import { makeTempDir } from '../helpers/temp-dir';
import { launchChromium } from './chromium';
import { findSidewaysOverflow, type LayoutProblem } from './layout-probe';
import { callPreview } from './preview-api';
import { findWordsBrokenInTables } from './table-words-probe';
import { docsScreenshots } from './screenshots';

const REGION = 'us-west-2';
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
] as const;

let preview: Preview;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const docs = docsScreenshots();

const api = <T>(channel: string, args: unknown = {}): Promise<T> => callPreview<T>(preview, channel, args);
const nav = async (title: string): Promise<void> => {
  await page
    .getByRole('navigation', { name: 'Side navigation' })
    .getByRole('link', { name: title, exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: title }).first().waitFor();
};

// Two animation frames: a resize's ResizeObserver callbacks (Cloudscape's column widths, the
// app layout's breakpoints) have run and the layout they changed has been computed.
const settled = () =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const frame = (globalThis as unknown as { requestAnimationFrame(f: () => void): void })
          .requestAnimationFrame;
        frame(() => frame(() => resolve()));
      }),
  );

// Checks the current view at both sizes. A problem must still be there after the layout settled
// and a few more frames (bounded): a table fits its columns to a new width a frame or two late.
// Soft assertions, so one run lists every view's problems. `screenshot` names the 1440×900 one.
async function checkView(view: string, screenshot?: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await settled();
    let problems: LayoutProblem[] = await page.evaluate(findSidewaysOverflow);
    for (let attempt = 0; problems.length > 0 && attempt < 10; attempt++) {
      await settled();
      problems = await page.evaluate(findSidewaysOverflow);
    }
    expect.soft(problems, `${view} at ${size.width}×${size.height}`).toEqual([]);
    const brokenWords = await page.evaluate(findWordsBrokenInTables);
    expect.soft(brokenWords, `words broken in ${view} at ${size.width}×${size.height}`).toEqual([]);
    if (screenshot && size.width === 1440)
      await page.screenshot({ path: docs.path(`layout/${screenshot}.png`) });
  }
}

describe('layout at 1280×800 and 1440×900: nothing scrolls sideways, no cell is cut', () => {
  beforeAll(async () => {
    process.env.ENVELOPE_SANDBOX_SPEED = '3600';
    process.env.ENVELOPE_WAIT_DELAY_SECONDS = '0.25';
    preview = await startPreview({ dataDir: makeTempDir('envelope-e2e-layout-'), scenario: 'avi-lab' });
    await api('accounts:identity');
    await api('accounts:select', { profile: 'sandbox', region: REGION });
    const failed = preview.core.jobs.start('e2e', 'A job that failed', () =>
      Promise.reject(
        new Error('The demo job failed on purpose, with a long message that has to wrap in its cell'),
      ),
    );
    await preview.core.jobs.wait(failed);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: SIZES[1], colorScheme: 'light' });
    page.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`));
    await page.goto(preview.url);
  });

  afterAll(async () => {
    delete process.env.ENVELOPE_SANDBOX_SPEED;
    delete process.env.ENVELOPE_WAIT_DELAY_SECONDS;
    await browser?.close();
    await preview?.close();
    docs.dispose();
  });

  it('Overview', async () => {
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page
      .getByRole('main')
      .getByText(/arn:aws:/)
      .first()
      .waitFor();
    await checkView('overview', 'overview');
  });

  it('Inventory, every tab', async () => {
    await nav('Inventory');
    for (const [label, view] of [
      ['Volumes', 'volumes'],
      ['Instances', 'instances'],
      ['Snapshots', 'snapshots'],
      ['AMIs', 'amis'],
      ['KMS keys', 'keys'],
      ['Buckets', 'buckets'],
    ] as const) {
      const tab = page.getByRole('tab', { name: new RegExp(`^${label} \\(\\d+\\)`) });
      await tab.waitFor({ timeout: 60_000 });
      await tab.click();
      await page.getByRole('tabpanel').getByRole('row').nth(1).waitFor();
      await checkView(`inventory ${view}`, view === 'instances' ? 'inventory' : undefined);
    }
    // A volume's detail below its table.
    await page.getByRole('tab', { name: /^Volumes \(\d+\)/ }).click();
    await page.getByRole('tabpanel').getByRole('radio').first().check();
    await page.getByText('KMS Key ID').first().waitFor();
    await checkView('inventory volume detail');
  });

  it('Copy AMI, every step', async () => {
    await nav('Copy AMI');
    await page.getByRole('searchbox', { name: 'AMI id or name' }).fill('avi-controller');
    await page.getByRole('button', { name: /^Search / }).click();
    await page.getByRole('checkbox', { name: `Copy ${aviLab.ids.controllerImageId}` }).check();
    await checkView('copy-ami source');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Name template').waitFor();
    await checkView('copy-ami destination');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('textbox', { name: 'Key reference' }).fill('alias/lab-ebs');
    await page.getByRole('button', { name: 'Check key' }).click();
    await page.getByText('The key can encrypt the copy').waitFor();
    await checkView('copy-ami key');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Before you copy').waitFor({ timeout: 30_000 });
    await checkView('copy-ami review', 'copy-ami');
    // The copy runs while the other pages are checked; Jobs opens its result at the end.
    await page.getByRole('button', { name: 'Start copy' }).click();
    await checkView('copy-ami running');
  });

  it('Diagnostics: findings, a finding, its fix preview, intended keys', async () => {
    await nav('Diagnostics');
    await page.getByRole('button', { name: 'Run diagnostics' }).click();
    const row = page.getByRole('row').filter({ hasText: 'does not let EC2 use it' });
    await row.waitFor({ timeout: 60_000 });
    await checkView('diagnostics findings');
    await row.getByRole('radio').check();
    await page.getByRole('button', { name: 'Preview fix' }).waitFor();
    await checkView('diagnostics finding', 'diagnostics');
    await page.getByRole('button', { name: 'Preview fix' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Key policy diff').waitFor();
    await checkView('diagnostics fix preview', 'diagnostics-fix-preview');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    for (const tab of [/^Intended keys/, /^Applied fixes/]) {
      await page.getByRole('tab', { name: tab }).click();
      await checkView(`diagnostics ${String(tab)}`);
    }
  });

  it('Migrate: the form, the review and the live view', async () => {
    // The lab's CMK now lets EC2 use it (as migrate.test.ts does), after Diagnostics found it did not.
    await allowEbsOn(preview.core.accounts.clients.get('kms', 'sandbox', REGION), aviLab.ids.cmkArn, REGION);
    await nav('Migrate');
    await checkView('migrate form');
    await page.getByText('Choose instances').click();
    await page.getByRole('option', { name: /avi-controller-1/ }).click({ timeout: 60_000 });
    await page.keyboard.press('Escape');
    await page.getByPlaceholder('alias/my-cmk').fill('alias/avi-cmk');
    // The replace strategy's review first (its own notes), then the swap that runs.
    await page.getByRole('button', { name: /Swap in place/ }).click();
    await page.getByRole('option', { name: /Replace from an encrypted AMI/ }).click();
    await page.getByRole('button', { name: 'Review plan' }).click();
    await page.getByText(/No downtime of its own/).waitFor({ timeout: 30_000 });
    await checkView('migrate review, replace');
    await page.getByRole('button', { name: /Replace from an encrypted AMI/ }).click();
    await page.getByRole('option', { name: /Swap in place/ }).click();
    await page.getByRole('button', { name: 'Review plan' }).click();
    await page.getByText(/Expected downtime:/).waitFor({ timeout: 30_000 });
    await page.getByRole('table', { name: 'Plan steps' }).waitFor({ timeout: 30_000 });
    await checkView('migrate review', 'migrate-review');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    // Finished as the sandbox sees it (the live view's words for the status are not this test's concern).
    await expect
      .poll(
        async () =>
          (await api<{ migrations: { status: string }[] }>('migration:list')).migrations.map((m) => m.status),
        { timeout: 90_000, interval: 500 },
      )
      .toEqual(['verified']);
    await page
      .getByText(/Volume ID: vol-/)
      .first()
      .waitFor();
    await checkView('migrate live view', 'migrate-live');
  });

  it('Plans: an imported plan', async () => {
    const plan = await api<unknown>('migration:plan', {
      instanceIds: [aviLab.ids.controllerInstanceIds[1]],
      kmsKeyRef: 'alias/avi-cmk',
      strategy: 'swap',
    });
    await nav('Plans');
    await checkView('plans empty');
    await page.getByRole('textbox', { name: 'Or paste the plan' }).fill(JSON.stringify(plan, null, 2));
    await page.getByRole('button', { name: 'Validate' }).click();
    await page.getByText('Valid plan').waitFor();
    await checkView('plans imported', 'plans');
  });

  it('Jobs, a finished copy and a failed job', async () => {
    await nav('Jobs');
    await page.getByRole('row').filter({ hasText: 'A job that failed' }).waitFor();
    await checkView('jobs', 'jobs');
    const copy = page.getByRole('link', { name: /^Open the result of .*[Cc]opy/ }).first();
    await copy.click();
    await page.getByText(/^New AMI/).waitFor({ timeout: 90_000 });
    await checkView('jobs copy result', 'job-result');
    await page.getByRole('button', { name: 'Show the jobs panel' }).click();
    await page
      .getByRole('progressbar', { name: /^Progress of / })
      .first()
      .waitFor();
    await checkView('jobs panel');
    // Set beside the page: where that would leave the page less than its minimum width, AppLayout
    // keeps the panel below (its forced position); either way nothing scrolls sideways.
    await page.getByRole('button', { name: 'Jobs panel position' }).click();
    const beside = page.getByRole('radio', { name: /Beside/ });
    if (await beside.isEnabled()) await beside.check();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await checkView('jobs panel set beside');
  });

  it('S3 objects, before a bucket is chosen', async () => {
    await nav('S3 objects');
    await checkView('s3 objects');
  });

  it('Accounts and the scanning settings', async () => {
    await nav('Accounts');
    await page.getByRole('rowheader', { name: 'sandbox', exact: true }).waitFor();
    await checkView('accounts', 'accounts');
  });

  // The check itself: a page made to scroll, cut and spill is reported, each where it happens.
  it('the probe reports a scrolling table, a cut cell and a spilling cell', async () => {
    const probe = await browser.newPage({ viewport: SIZES[0] });
    const long = 'arn:aws:kms:us-west-2:123456789012:key/186ddc6d-c220-4899-b12a-965f26cb1204';
    await probe.setContent(`
      <div style="width:300px;overflow-x:auto"><table aria-label="Wide"><tbody>
        <tr><td style="white-space:nowrap">${long}</td></tr></tbody></table></div>
      <table aria-label="Narrow" style="table-layout:fixed;width:200px"><thead><tr><th>Key</th><th>Id</th></tr></thead>
        <tbody><tr><td><div style="overflow:hidden;white-space:nowrap">${long}</div></td>
        <td><span style="white-space:nowrap">${long}</span></td></tr></tbody></table>`);
    const found = await probe.evaluate(findSidewaysOverflow);
    await probe.close();
    expect(found.map((p) => [p.kind, p.where.replace(/:.*/, '')])).toEqual([
      ['element-scrolls', 'div around table "Wide"'],
      ['cell-cut', 'table "Narrow" column "Key"'],
      ['cell-spills', 'table "Narrow" column "Id"'],
    ]);
  });

  it('logged no page error', () => {
    expect(pageErrors).toEqual([]);
  });
});
