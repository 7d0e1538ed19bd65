// The migration wizard runs exactly the plan on screen, or nothing (issue L item 1), in Chromium
// against the preview on avi-lab. The plan's answer is held back (Playwright route) so the test
// can act while it is loading: the form is locked then, the plan shown is the one asked for; a
// change after the review takes Run away; when the instance changes in AWS between review and Run,
// core refuses the run and nothing starts; the run that does start records the seal of the plan
// the page showed, and its instances are the reviewed ones.
import { StopInstancesCommand, waitUntilInstanceStopped } from '@aws-sdk/client-ec2';
import type { Browser, Page, Request, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../electron/preview/server';
import { aviLab } from '../../electron/sandbox/scenarios/avi-lab';
import { makeTempDir } from '../helpers/temp-dir';
import { launchChromium } from './chromium';
import { callPreview } from './preview-api';

const REGION = 'us-west-2';
let preview: Preview;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const [first, second] = aviLab.ids.controllerInstanceIds;

const api = <T>(channel: string, args: unknown = {}): Promise<T> => callPreview<T>(preview, channel, args);
const isCall = (channel: string) => (url: URL) => decodeURIComponent(url.pathname) === `/api/${channel}`;

interface Held {
  readonly arrived: Promise<void>;
  release(): void;
  answer(): Promise<{ ok: boolean; value: { sha256: string; input: { instanceIds: string[] } } }>;
}

// Holds the next migration:plan answer (core has already made it) until release().
async function holdNextPlan(): Promise<Held> {
  let arrived!: () => void;
  let release!: () => void;
  let answered!: (body: string) => void;
  const arrivedP = new Promise<void>((r) => (arrived = r));
  const gate = new Promise<void>((r) => (release = r));
  const body = new Promise<string>((r) => (answered = r));
  const handler = async (route: Route) => {
    const response = await route.fetch();
    const text = await response.text();
    answered(text);
    arrived();
    await gate;
    await route.fulfill({ response, body: text });
  };
  await page.route(isCall('migration:plan'), handler, { times: 1 });
  return {
    arrived: arrivedP,
    release,
    answer: async () => JSON.parse(await body) as Awaited<ReturnType<Held['answer']>>,
  };
}

// The instance picker's trigger (the chosen instances show as tokens below it).
const picker = () => page.getByRole('button', { name: /Choose instances/ });

async function choose(name: RegExp) {
  await page
    .getByRole('button', { name: /Choose instances|avi-controller/ })
    .first()
    .click();
  await page.getByRole('option', { name }).click({ timeout: 60_000 });
  await page.keyboard.press('Escape');
}

describe('Migration wizard: Run carries out the reviewed plan', () => {
  beforeAll(async () => {
    process.env.ENVELOPE_WAIT_DELAY_SECONDS = '0.25';
    process.env.ENVELOPE_SANDBOX_SPEED = '3600';
    preview = await startPreview({ dataDir: makeTempDir('envelope-e2e-reviewed-'), scenario: 'avi-lab' });
    await api('accounts:identity');
    await api('accounts:select', { profile: 'sandbox', region: REGION });
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
  });

  it('locks the form while planning, refuses a plan the world changed under, runs the reviewed one', async () => {
    const starts: Request[] = [];
    page.on('request', (r) => {
      if (isCall('migration:start')(new URL(r.url()))) starts.push(r);
    });
    await page
      .getByRole('navigation', { name: 'Side navigation' })
      .getByRole('link', { name: 'Migrate', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Migrate' }).waitFor();
    await choose(/avi-controller-1/);
    const key = page.getByPlaceholder('alias/my-cmk');
    await key.fill('alias/lab-ebs');
    const run = page.getByRole('button', { name: 'Run', exact: true });

    // 1. While the plan is loading, the form cannot be changed.
    const held = await holdNextPlan();
    await page.getByRole('button', { name: 'Review plan' }).click();
    await held.arrived;
    expect(await key.isDisabled()).toBe(true);
    expect(await picker().isDisabled()).toBe(true);
    expect(await run.isDisabled()).toBe(true);
    held.release();
    const firstPlan = (await held.answer()).value;
    expect(firstPlan.input.instanceIds).toEqual([first]);
    await page.getByText(`plan ${firstPlan.sha256.slice(0, 12)}`, { exact: false }).waitFor();
    expect(await run.isDisabled()).toBe(false);

    // 2. A change after the review takes the review (and Run) away.
    await choose(/avi-controller-2/);
    await page
      .getByText(`plan ${firstPlan.sha256.slice(0, 12)}`, { exact: false })
      .waitFor({ state: 'detached' });
    expect(await run.isDisabled()).toBe(true);
    await choose(/avi-controller-1/); // deselect: only the second controller stays chosen

    // 3. Reviewed, then the instance changes in AWS before Run: core refuses, nothing starts.
    const second1 = await holdNextPlan();
    await page.getByRole('button', { name: 'Review plan' }).click();
    second1.release();
    const reviewed = (await second1.answer()).value;
    expect(reviewed.input.instanceIds).toEqual([second]);
    await page.getByText(`plan ${reviewed.sha256.slice(0, 12)}`, { exact: false }).waitFor();
    const ec2 = preview.core.accounts.clients.get('ec2', 'sandbox', REGION);
    await ec2.send(new StopInstancesCommand({ InstanceIds: [second!] }));
    await waitUntilInstanceStopped({ client: ec2, maxWaitTime: 60, minDelay: 1 }, { InstanceIds: [second!] });
    await run.click();
    await page.getByText(/changed since plan .* was reviewed/).waitFor({ timeout: 30_000 });
    expect(starts).toHaveLength(1);
    expect(await api<{ migrations: unknown[] }>('migration:list')).toEqual({ migrations: [] });

    // 4. Reviewed again: Run starts exactly the plan on screen.
    const third = await holdNextPlan();
    await page.getByRole('button', { name: 'Review plan' }).click();
    third.release();
    const final = (await third.answer()).value;
    await page.getByText(`plan ${final.sha256.slice(0, 12)}`, { exact: false }).waitFor();
    await run.click();
    await page.getByRole('heading', { name: /^mig-[a-z0-9-]+: / }).waitFor({ timeout: 60_000 });
    expect(starts).toHaveLength(2);
    const sent = starts[1]!.postDataJSON() as { plan: { sha256: string } };
    expect(sent.plan.sha256).toBe(final.sha256);
    const { migrations } = await api<{ migrations: { id: string; instanceIds: string[] }[] }>(
      'migration:list',
    );
    expect(migrations).toHaveLength(1);
    expect(migrations[0]!.instanceIds).toEqual([second]);
    const journal = await api<{ reviewedPlanSha256?: string }>('migration:get', { id: migrations[0]!.id });
    expect(journal.reviewedPlanSha256).toBe(final.sha256);
    await page.getByRole('heading', { name: /^mig-[a-z0-9-]+:\s*Verified$/ }).waitFor({ timeout: 110_000 });
    expect(problems).toEqual([]);
  });
});
