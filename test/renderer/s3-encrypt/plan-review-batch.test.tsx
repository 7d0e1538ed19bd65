// A plan for S3 Batch Operations: the role's status in words, its trust and permissions policies
// each shown and copyable, the engine and why, and Run off with the reason while the role lacks
// permissions.
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlanReview } from '../../../renderer/components/s3-encrypt/plan-review';
import { useS3EncryptStore } from '../../../renderer/stores/s3-encrypt-store';
import type { S3EncryptPlanView } from '../../../shared/domain/s3-encrypt';
import { installFakeApi, uninstallFakeApi } from '../fake-api';
import { plan, view } from './fixtures';

const trustPolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'batchoperations.s3.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
});
const batchView: S3EncryptPlanView = {
  ...view,
  engine: 'batch',
  engineReason: '120,000 objects are above the threshold of 10,000',
  batchRole: {
    arn: 'arn:aws:iam::123456789012:role/envelope-batch',
    status: 'lacks-permissions',
    explanation: 'The role may not use the key: kms:GenerateDataKey is not allowed.',
    trustPolicy,
    permissionsPolicy: '{"Version":"2012-10-17","Statement":[]}',
  },
};

beforeEach(() => {
  installFakeApi();
  useS3EncryptStore.getState().reset();
  useS3EncryptStore.setState({ plan: { status: 'ready', value: { plan, view: batchView } } });
});
afterEach(() => uninstallFakeApi());

describe('PlanReview for S3 Batch Operations', () => {
  it('explains the role, offers its policies to copy, and keeps Run off with the reason', () => {
    render(<PlanReview />);
    expect(screen.getByText('Lacks permissions')).toBeTruthy();
    expect(screen.getByText(batchView.batchRole!.explanation)).toBeTruthy();
    expect(screen.getByLabelText('Trust policy').textContent).toBe(trustPolicy);
    expect(screen.getByLabelText('Copy the trust policy')).toBeTruthy();
    expect(screen.getByLabelText('Copy the permissions policy')).toBeTruthy();
    expect(screen.getByText(/S3 Batch Operations: 120,000 objects are above the threshold/)).toBeTruthy();
    expect(screen.getByText(/no role able to run the job/)).toBeTruthy();
    const run = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Run');
    expect(run?.disabled || run?.getAttribute('aria-disabled') === 'true').toBe(true);
  });
});
