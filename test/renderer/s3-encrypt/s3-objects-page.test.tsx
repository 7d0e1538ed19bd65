// The S3 objects page with a fake window.api: opened on a bucket it counts the objects and draws
// them by encryption; a key and "Review plan" show the sealed plan (what changes, skipped objects in
// words, the cost as an estimate, the preflight, the exports); Run sends exactly that plan; a change
// to the form takes the review away and an answer for the old form is dropped; a denial keeps Run off.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { S3ObjectsPage } from '../../../renderer/pages/s3-objects-page';
import { requestOf, useS3EncryptStore } from '../../../renderer/stores/s3-encrypt-store';
import { fail, installFakeApi, uninstallFakeApi, type FakeApi } from '../fake-api';
import { resetStores } from '../reset-stores';
import { BUCKET, keysAnswer, plan, tallyAnswer, view } from './fixtures';

let fake: FakeApi;
beforeEach(() => {
  resetStores();
  useS3EncryptStore.getState().reset();
  useS3EncryptStore.setState({ bucket: '', progress: {} });
  fake = installFakeApi({
    's3Encrypt:tally': () => tallyAnswer,
    's3Encrypt:keys': () => keysAnswer,
    's3Encrypt:plan': () => ({ plan, view }),
    's3Encrypt:start': () => ({ jobId: 'job-s3' }),
  });
  window.location.hash = `#/s3?bucket=${BUCKET}`;
});
afterEach(() => {
  uninstallFakeApi();
  window.location.hash = '';
});

const inputOf = (label: string): HTMLElement => {
  const element = screen.getByLabelText(label);
  return element.querySelector('input') ?? element;
};

// getByRole walks the accessibility tree of the whole page, slow in jsdom on a page this size.
const button = (name: string): HTMLButtonElement | null =>
  [...document.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name,
  ) ?? null;
const isOff = (b: HTMLButtonElement | null): boolean =>
  b !== null && (b.disabled || b.getAttribute('aria-disabled') === 'true');

async function review() {
  render(<S3ObjectsPage />);
  await screen.findByText(/50 objects, 48\.0 MiB in us-west-2; every object was read/);
  fireEvent.change(inputOf('KMS key'), { target: { value: 'alias/lab-ebs' } });
  fireEvent.click(button('Review plan')!);
  await screen.findByText('Each object gets a new version under the key; older versions are kept.');
}

describe('S3 objects page', () => {
  it('counts the linked bucket, reviews the plan and runs exactly that plan', async () => {
    await review();
    expect(fake.callsTo('s3Encrypt:tally')).toEqual([{ bucket: BUCKET }]);
    expect(fake.callsTo('s3Encrypt:plan')).toEqual([
      { bucket: BUCKET, kmsKeyRef: 'alias/lab-ebs', includeVersions: false, engine: 'auto' },
    ]);
    // Encryption in words in the chart's legend; skipped objects with their reason in words.
    expect(screen.getAllByText('SSE-S3 (S3 managed keys)').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Encrypted with a customer-provided key (SSE-C)').length).toBeGreaterThan(0);
    expect(screen.getByText('Cost estimate')).toBeTruthy();
    expect(screen.getByText('about US$0.01')).toBeTruthy();
    expect(screen.getAllByText(/Listed/).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/4 Dec 2026, \d\d:00:00 \w+, every object read/).length).toBe(1);
    expect(button('Export the re-encryption plan as S3 Batch job')!).toBeTruthy();
    expect(screen.getByText('Preflight')).toBeTruthy();
    fireEvent.click(button('Run')!);
    await waitFor(() => expect(useS3EncryptStore.getState().jobId).toBe('job-s3'));
    expect(fake.callsTo('s3Encrypt:start')).toEqual([{ plan }]);
  });

  it('takes the review away when the form changes, and drops the answer for the old form', async () => {
    await review();
    fireEvent.click(screen.getByText('Include older versions'));
    expect(button('Run')).toBeNull();
    // A plan asked for, then the key changed while it is answered: the late answer is not shown.
    let release!: () => void;
    fake.setHandler(
      's3Encrypt:plan',
      () => new Promise((resolve) => (release = () => resolve({ plan, view }))),
    );
    fireEvent.click(button('Review plan')!);
    await waitFor(() => expect(fake.callsTo('s3Encrypt:plan')).toHaveLength(2));
    fireEvent.change(inputOf('KMS key'), { target: { value: 'alias/other' } });
    await act(async () => {
      release();
      await Promise.resolve();
    });
    expect(useS3EncryptStore.getState().plan.status).toBe('idle');
    expect(button('Run')).toBeNull();
  });

  it('keeps Run off while the preflight has a denial', async () => {
    fake.setHandler('s3Encrypt:plan', () => ({
      plan: {
        ...plan,
        preflight: {
          ...plan.preflight!,
          rows: [
            {
              call: 's3:PutObject',
              target: BUCKET,
              method: 'simulation',
              result: 'denied',
              reason: 'No statement allows it.',
            },
          ],
        },
      },
      view,
    }));
    await review();
    const run = button('Run')!;
    expect(isOff(run)).toBe(true);
    fireEvent.click(run);
    expect(fake.callsTo('s3Encrypt:start')).toEqual([]);
  });

  it('says what to fix when a plan is refused, and shows no Run', async () => {
    fake.setHandler('s3Encrypt:plan', () =>
      fail({ code: 'key-disabled', message: 'alias/lab-ebs is disabled.', hint: 'Enable the key.' }),
    );
    render(<S3ObjectsPage />);
    await screen.findByText(/every object was read/);
    fireEvent.change(inputOf('KMS key'), { target: { value: 'alias/lab-ebs' } });
    fireEvent.click(button('Review plan')!);
    await screen.findByText('alias/lab-ebs is disabled.');
    expect(button('Run')).toBeNull();
  });

  it('refuses a typed bucket name that S3 would refuse, before asking', () => {
    window.location.hash = '#/s3';
    render(<S3ObjectsPage />);
    fireEvent.change(inputOf('Bucket'), { target: { value: 'Not_A_Bucket' } });
    expect(screen.getByText(/lower-case letters, digits, dots and hyphens/)).toBeTruthy();
    const count = button('Count objects')!;
    expect(isOff(count)).toBe(true);
    expect(fake.callsTo('s3Encrypt:tally')).toEqual([]);
  });
});

describe('requestOf', () => {
  it('leaves out what the form leaves blank, and the role unless S3 Batch Operations may run', () => {
    const form = {
      bucket: ` ${BUCKET} `,
      prefix: '',
      keyRef: 'alias/lab-ebs',
      includeVersions: true,
      engine: 'local' as const,
      bucketKey: 'off' as const,
      batchRoleArn: 'arn:aws:iam::123456789012:role/batch',
    };
    expect(requestOf(form)).toEqual({
      bucket: BUCKET,
      kmsKeyRef: 'alias/lab-ebs',
      includeVersions: true,
      engine: 'local',
      bucketKey: false,
    });
    expect(requestOf({ ...form, engine: 'batch', prefix: 'images/', bucketKey: 'recommended' })).toEqual({
      bucket: BUCKET,
      kmsKeyRef: 'alias/lab-ebs',
      prefix: 'images/',
      includeVersions: true,
      engine: 'batch',
      batchRoleArn: 'arn:aws:iam::123456789012:role/batch',
    });
  });
});
