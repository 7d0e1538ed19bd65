// What the HTML and Markdown exports both show as tables: the plan's fields and its steps. Each
// format only escapes and lays them out its own way.
import { formatTime } from '../../format/time';
import {
  describeFactAttributes,
  factResourceLabels,
  planKindLabels,
  stepPhaseLabels,
} from '../../labels/plan-facts';
import type { Plan, PlanStep } from '../plan-document';
import { formatSeconds } from './timeline';

export const FIELD_HEADERS = ['Field', 'Value'];

export const planFieldRows = (plan: Plan): unknown[][] => [
  ['Kind', planKindLabels[plan.kind]],
  ['Account', plan.accountId],
  ['Regions', plan.regions.join(', ')],
  ['Made by', plan.createdBy],
  ['Made at', formatTime(plan.createdAt)],
  ['Facts read from', plan.source === 'cache' ? 'cached inventory' : 'live AWS'],
  ['Expected downtime', formatSeconds(plan.expectedDowntimeSeconds ?? 0)],
  ['Estimated duration', formatSeconds(plan.estimatedSeconds)],
  ['Plan id', plan.id],
  ['SHA-256', plan.sha256],
  // What the seal proves, said where it is shown (the JSON export also carries a signature).
  ['Seal', 'the SHA-256 shows the plan was not changed by accident; it does not say who made it'],
  ...(plan.signature ? [['Signer fingerprint', plan.signature.fingerprint]] : []),
];

export const STEP_HEADERS = ['#', 'Step', 'Action', 'Phase', 'Region', 'Estimate'];

export const stepRows = (steps: readonly PlanStep[]): unknown[][] =>
  steps.map((s, i) => [
    i + 1,
    s.title,
    s.action,
    stepPhaseLabels[s.phase],
    s.region,
    formatSeconds(s.estimatedSeconds),
  ]);

export const FACT_HEADERS = ['Resource', 'Id', 'Region', 'Attributes', 'Read at'];

// Each fact in words: "Volume", "Encryption: not encrypted · KMS key: none", a local time.
export const factRows = (plan: Plan): string[][] =>
  plan.facts.map((f) => [
    factResourceLabels[f.resource],
    f.id,
    f.region,
    describeFactAttributes(f.attributes),
    formatTime(f.readAt),
  ]);
