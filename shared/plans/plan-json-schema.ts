// The published JSON Schema of the plan document (docs/plan.schema.json), generated from the zod
// schema so the two cannot disagree; a test asserts the committed file equals this.
import { z } from 'zod';
import { planSchema, PLAN_SCHEMA_ID } from './plan-document';

export function planJsonSchema(): Record<string, unknown> {
  return {
    $id: `https://envelope.invalid/schemas/${PLAN_SCHEMA_ID}.json`,
    title: 'Envelope plan document',
    description:
      'What Envelope will do, written down before it does it. sha256 is the SHA-256 (hex) of the canonical JSON (keys sorted at every level, no whitespace) of the document without sha256.',
    ...z.toJSONSchema(planSchema.strict(), { target: 'draft-2020-12' }),
  };
}
