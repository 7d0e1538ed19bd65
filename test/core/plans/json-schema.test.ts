// docs/plan.schema.json is the generated JSON Schema (regenerate: see notes/readme-plans.md), and
// a real plan validates against it with ajv.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { planJsonSchema } from '../../../shared/plans/plan-json-schema';
import { migrationPlan } from './fixture';

const committed = JSON.parse(
  readFileSync(new URL('../../../docs/plan.schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('docs/plan.schema.json', () => {
  it('equals the schema generated from zod', () => {
    expect(committed).toEqual(planJsonSchema());
  });

  it('validates a real plan', async () => {
    const validate = new Ajv2020({ strict: false }).compile(committed);
    expect(validate(await migrationPlan())).toBe(true);
    expect(validate({ schema: 'envelope.plan/v1' })).toBe(false);
  });
});
