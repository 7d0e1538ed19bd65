// The importer's messages name what is wrong; copy-ami's { plan, view } output is accepted.
import { describe, expect, it } from 'vitest';
import { importPlanText } from '../../../shared/plans/plan-import';
import { summarizePlan, compareFacts } from '../../../shared/plans/plan-summary';
import { migrationPlan } from './fixture';

const problem = async (text: string) => {
  const r = await importPlanText(text);
  return r.ok ? '' : r.problem;
};

describe('plan import', () => {
  it('names the problem', async () => {
    const plan = await migrationPlan();
    expect(await problem('{"schema": ')).toContain('not JSON');
    expect(await problem('')).toContain('empty');
    expect(await problem('[1]')).toContain('an array');
    expect(await problem(JSON.stringify({ ...plan, schema: 'envelope.plan/v2' }))).toContain(
      'envelope.plan/v2',
    );
    const { steps: _steps, ...noSteps } = plan;
    expect(await problem(JSON.stringify(noSteps))).toContain('steps is missing');
    expect(
      await problem(JSON.stringify({ ...plan, facts: [{ ...plan.facts[0], resource: 'dragon' }] })),
    ).toContain('facts[0].resource');
    expect(await problem(JSON.stringify({ ...plan, title: 'changed' }))).toContain('SHA-256');
    expect(await problem(JSON.stringify({ ...plan, extra: 1 }))).toContain('extra');
  });

  it('accepts copy-ami --dry-run --json output ({ plan, view })', async () => {
    const plan = await migrationPlan();
    const r = await importPlanText(JSON.stringify({ plan, view: {} }));
    expect(r.ok).toBe(true);
  });

  it('summarizes with the facts’ age', async () => {
    const plan = await migrationPlan();
    const s = summarizePlan(plan, Date.parse(plan.createdAt) + 5 * 3_600_000);
    expect(s.factAgeHours).toBe(5);
    expect(s.steps).toBe(plan.steps.length);
  });

  it('compares facts: changed attribute, gone resource, unread attribute ignored', () => {
    const fact = {
      resource: 'volume',
      id: 'vol-1',
      region: 'r',
      attributes: { sizeGiB: 8, encrypted: false, label: 'x' },
    };
    expect(compareFacts(fact, { sizeGiB: 8, encrypted: true })).toEqual([
      { resource: 'volume', id: 'vol-1', region: 'r', attribute: 'encrypted', planned: false, live: true },
    ]);
    expect(compareFacts(fact, null)[0]).toMatchObject({ attribute: 'exists', live: false });
  });
});
