import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  hasValidSeal,
  PLAN_SCHEMA_ID,
  sealPlan,
  type UnsealedPlan,
} from '../../../shared/plans/plan-document';

const plan = (): UnsealedPlan => ({
  schema: PLAN_SCHEMA_ID,
  id: 'plan-1',
  kind: 'migration',
  title: 'Encrypt i-1',
  accountId: '123456789012',
  regions: ['us-west-2'],
  createdAt: '2026-11-22T10:00:00Z',
  createdBy: 'arn:aws:iam::123456789012:user/engineer',
  source: 'live',
  facts: [
    {
      resource: 'volume',
      id: 'vol-1',
      region: 'us-west-2',
      attributes: { encrypted: false, sizeGiB: 64 },
      readAt: '2026-11-22T09:59:00Z',
    },
  ],
  steps: [],
  rollback: [],
  estimatedSeconds: 60,
  warnings: [],
  input: { instanceIds: ['i-1'] },
});

describe('plan document', () => {
  it('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('seals and verifies, and a changed field breaks the seal', async () => {
    const sealed = await sealPlan(plan());
    expect(sealed.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await hasValidSeal(sealed)).toBe(true);
    expect(await hasValidSeal({ ...sealed, title: 'Encrypt i-2' })).toBe(false);
  });

  it('the seal does not depend on key order', async () => {
    const a = await sealPlan(plan());
    const reordered = Object.fromEntries(Object.entries(plan()).reverse()) as UnsealedPlan;
    expect((await sealPlan(reordered)).sha256).toBe(a.sha256);
  });
});
