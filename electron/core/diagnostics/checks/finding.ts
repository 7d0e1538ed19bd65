// Builds a finding with a stable id (check:region:resource[:aspect]) so the same problem keeps its
// id from one run to the next, and the panel can find it again to preview its fix.
import type { CheckId, Finding } from '../../../../shared/domain/diagnostics';
import type { EvidenceKey, IamActionKey } from '../../../../shared/labels/evidence';

type Evidence = Finding['evidence'];

// Only keys with a label in shared/labels/evidence.ts (or IAM action names) are accepted, so every
// piece of evidence can be shown in words.
export type EvidenceSpec = Partial<Record<EvidenceKey | IamActionKey, Evidence[string] | undefined>>;

export interface FindingSpec extends Omit<Finding, 'id' | 'check' | 'region' | 'evidence'> {
  readonly aspect: string;
  readonly evidence: EvidenceSpec;
}

export function makeFinding(check: CheckId, region: string, spec: FindingSpec): Finding {
  const { aspect, evidence, ...rest } = spec;
  const clean: Evidence = {};
  for (const [k, v] of Object.entries(evidence)) if (v !== undefined) clean[k] = v;
  return {
    id: [check, region, rest.resources[0] ?? 'region', aspect].join(':'),
    check,
    region,
    evidence: clean,
    ...rest,
  };
}

export const iso = (ms: number | undefined): string | undefined =>
  ms === undefined ? undefined : new Date(ms).toISOString();

// Evidence lists are capped so a region with thousands of volumes stays readable.
export function listEvidence(items: readonly string[], max = 20): string {
  return items.length <= max
    ? items.join(', ')
    : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
