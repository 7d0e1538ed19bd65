// What the checks read: one region's inventory plus the few extra reads the inventory does not
// hold (key resolutions, key policies and grants, AMI launch permissions, IAM simulations).
// Gathered by gather.ts; the checks are pure functions of it, so tests can feed them tables.
import type { IntendedKeys } from '../../../shared/domain/diagnostics';
import type { KeyRecord, RegionInventory } from '../../../shared/domain/inventory';
import { findKey, keyArnOf, keyIndex, type KeyIndex } from '../../../shared/kms/key-reference';
import type { KmsGrantInput } from '../../../shared/policy';

export type Resolution =
  | { readonly ok: true; readonly arn: string }
  | { readonly ok: false; readonly code: string; readonly message: string };

// IAM SimulatePrincipalPolicy's EvalDecision, or 'unknown' when the simulation could not run.
export type SimDecision = 'allowed' | 'explicitDeny' | 'implicitDeny' | 'unknown';

export interface CheckInput {
  readonly account: string;
  readonly callerArn: string;
  readonly region: string;
  readonly inventory: RegionInventory;
  readonly intended: IntendedKeys;
  readonly bucketPrefixes: readonly string[];
  readonly repeatWindowHours: number;
  // Any key reference seen (intended keys, the EBS default, bucket and launch-template keys) → key ARN.
  readonly resolutions: ReadonlyMap<string, Resolution>;
  // Key ARN → its policy JSON text, or the reason it could not be read.
  readonly keyPolicies: ReadonlyMap<string, { readonly text: string } | { readonly error: string }>;
  readonly grants: ReadonlyMap<string, readonly KmsGrantInput[]>;
  // Owned encrypted image id → account ids it is shared with (launchPermission userIds).
  readonly launchPermissions: ReadonlyMap<string, readonly string[]>;
  // `${action} ${resource}` → the caller's IAM decision.
  readonly callerSimulation: ReadonlyMap<string, SimDecision>;
}

export const simKey = (action: string, resource: string): string => `${action} ${resource}`;

// One key index and one answer per reference for each input: the checks compare keys by ARN after
// this, whatever form the inventory held (a volume's key ARN, the default's alias/aws/ebs, a
// bucket's key id, an image's snapshot key), through the one identity helper (shared/kms).
interface KeyLookup {
  readonly index: KeyIndex<KeyRecord>;
  readonly arns: Map<string, string | undefined>;
}
const lookups = new WeakMap<CheckInput, KeyLookup>();

function lookupOf(input: CheckInput): KeyLookup {
  let lookup = lookups.get(input);
  if (!lookup) {
    lookup = { index: keyIndex(input.inventory.keys), arns: new Map() };
    lookups.set(input, lookup);
  }
  return lookup;
}

// The key ARN a reference in any form stands for: DescribeKey's answer when gather resolved it
// (undefined when that failed), else the region's known key it names, else a key ARN as written.
export function resolvedArn(input: CheckInput, ref: string | undefined): string | undefined {
  if (!ref) return undefined;
  const lookup = lookupOf(input);
  if (lookup.arns.has(ref)) return lookup.arns.get(ref);
  const r = input.resolutions.get(ref);
  const arn = r
    ? r.ok
      ? (keyArnOf(lookup.index, r.arn) ?? r.arn)
      : undefined
    : keyArnOf(lookup.index, ref, input);
  lookup.arns.set(ref, arn);
  return arn;
}

// Whether two references name the same key (both must be known to be that key).
export function sameKeyIn(input: CheckInput, a: string | undefined, b: string | undefined): boolean {
  const arnA = resolvedArn(input, a);
  return arnA !== undefined && arnA === resolvedArn(input, b);
}

export function keyByArn(input: CheckInput, arn: string | undefined): KeyRecord | undefined {
  return findKey(lookupOf(input).index, arn, input);
}

// A label for a key: its first customer alias, else its AWS alias, else its id.
export function keyName(input: CheckInput, arn: string): string {
  const key = keyByArn(input, arn);
  const alias = key?.aliases.find((a) => !a.startsWith('alias/aws/')) ?? key?.aliases[0];
  return alias ?? arn.split('/').pop() ?? arn;
}

export const EBS_DEFAULT_ALIAS = 'alias/aws/ebs';
