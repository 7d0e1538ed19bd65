// Exports carry the preflight's date and result: HTML, Markdown and bash name each call's answer,
// and a plan without a preflight says so. Times are in the one display format (TZ set here), and
// the plan's kind and facts are in words.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sealPlan } from '../../../shared/plans/plan-document';
import { renderPlan } from '../../../shared/plans/render/render-plan';

const CHECKED_AT = '2026-12-03T10:00:00.000Z';

async function plan(withPreflight: boolean) {
  return sealPlan({
    schema: 'envelope.plan/v1',
    id: 'fix-export',
    kind: 'diagnostic-fix',
    title: 'Enable EBS encryption by default',
    accountId: '123456789012',
    regions: ['us-west-2'],
    createdAt: CHECKED_AT,
    createdBy: 'arn:aws:iam::123456789012:user/no-attach',
    source: 'live',
    facts: [
      {
        resource: 'account-setting',
        id: 'ebs-encryption-by-default/us-west-2',
        region: 'us-west-2',
        attributes: { encryptionByDefault: false },
        readAt: CHECKED_AT,
      },
    ],
    steps: [
      {
        id: 's1',
        title: 'Enable',
        action: 'ec2:EnableEbsEncryptionByDefault',
        region: 'us-west-2',
        params: {},
        dependsOn: [],
        phase: 'online',
        estimatedSeconds: 1,
      },
    ],
    rollback: [],
    estimatedSeconds: 1,
    warnings: [],
    input: {},
    ...(withPreflight
      ? {
          preflight: {
            checkedAt: CHECKED_AT,
            checkedAs: 'arn:aws:iam::123456789012:user/no-attach',
            rows: [
              {
                call: 'ec2:EnableEbsEncryptionByDefault',
                target: 'us-west-2',
                method: 'dry-run' as const,
                result: 'denied' as const,
                reason: 'AWS refused it; the reason is encoded',
                encodedMessage: 'abc_DEF-123',
                decodeCommand: 'aws sts decode-authorization-message --encoded-message abc_DEF-123',
              },
            ],
          },
        }
      : {}),
  });
}

describe('plan exports carry the preflight', () => {
  beforeAll(() => {
    vi.stubEnv('TZ', 'Europe/Berlin');
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it.each(['html', 'md', 'bash'] as const)('%s shows the date, the call and its result', async (format) => {
    const text = renderPlan(await plan(true), format).text;
    expect(text).toContain('Preflight 3 Dec 2026, 11:00:00 CET as');
    expect(text).not.toContain(CHECKED_AT);
    expect(text).toContain('ec2:EnableEbsEncryptionByDefault');
    expect(text).toContain('denied');
    expect(text).toContain('decode-authorization-message --encoded-message abc_DEF-123');
  });

  it.each(['html', 'md'] as const)('%s says the kind, the facts and their times in words', async (format) => {
    const text = renderPlan(await plan(true), format).text;
    expect(text).toContain('Diagnostics fix');
    expect(text).toContain('Account setting');
    expect(text).toContain('Encryption by default: off');
    expect(text).toContain('3 Dec 2026, 11:00:00 CET');
    expect(text).not.toMatch(/encryptionByDefault|diagnostic-fix|account-setting\b(?!s)/);
  });

  it('a plan without one says it has no preflight', async () => {
    expect(renderPlan(await plan(false), 'md').text).toContain('No preflight');
  });
});
