// The importer against 10,000+ generated malformed inputs (fixed seed): byte flips, truncations,
// type swaps, deep nesting, huge strings, random JSON. None may throw; each refusal is one clear
// sentence with no stack trace.
import { describe, expect, it } from 'vitest';
import { canonicalJson, type Plan } from '../../../shared/plans/plan-document';
import { importPlanText } from '../../../shared/plans/plan-import';
import { migrationPlan } from './fixture';

// mulberry32: small, deterministic.
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rand, list: readonly T[]): T => list[int(r, list.length)] as T;

function randomJson(r: Rand, depth = 0): unknown {
  switch (int(r, depth > 4 ? 4 : 6)) {
    case 0:
      return null;
    case 1:
      return r() * 1e6 - 5e5;
    case 2:
      return r() < 0.5;
    case 3:
      return 'x'.repeat(int(r, 20));
    case 4:
      return Array.from({ length: int(r, 4) }, () => randomJson(r, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: int(r, 4) }, (_, i) => [`k${i}`, randomJson(r, depth + 1)]),
      );
  }
}

// All paths to values inside an object, for type swaps.
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const key = Array.isArray(value) ? Number(k) : k;
      out.push([...prefix, key]);
      paths(v, [...prefix, key], out);
    }
  }
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
}

const swaps = [null, 0, -1, 1.5, true, '', 'x', [], {}, [1], { a: 1 }, 'x'.repeat(50_000)];

function mutate(r: Rand, plan: Plan, text: string): string {
  switch (int(r, 7)) {
    case 0: {
      // flip bytes
      const chars = [...text];
      for (let n = 1 + int(r, 3); n > 0; n--) {
        const at = int(r, chars.length);
        chars[at] = String.fromCharCode((chars[at]?.charCodeAt(0) ?? 0) ^ (1 << int(r, 7)));
      }
      return chars.join('');
    }
    case 1:
      return text.slice(0, int(r, text.length)); // truncation
    case 2: {
      // type swap at a random path
      const copy = structuredClone(plan) as unknown;
      const all = paths(copy);
      setAt(copy, pick(r, all), pick(r, swaps));
      return JSON.stringify(copy);
    }
    case 3: {
      // deep nesting, in a field or as the whole document
      const depth = 50 + int(r, 5000);
      const nested = '['.repeat(depth) + ']'.repeat(depth);
      return r() < 0.5 ? nested : text.replace('"input":', `"input":{"x":${nested}},"_":`);
    }
    case 4: {
      // huge string in a field
      const copy = structuredClone(plan) as Record<string, unknown>;
      copy[pick(r, ['title', 'id', 'createdBy', 'sha256', 'kind'])] = 'A'.repeat(50_000 + int(r, 100_000));
      return JSON.stringify(copy);
    }
    case 5:
      return JSON.stringify(randomJson(r)); // random JSON
    default: {
      // a field removed
      const copy = structuredClone(plan) as unknown;
      const path = pick(r, paths(copy));
      const parent = path
        .slice(0, -1)
        .reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], copy);
      if (Array.isArray(parent)) parent.splice(Number(path[path.length - 1]), 1);
      else delete (parent as Record<string, unknown>)[path[path.length - 1] as string];
      return JSON.stringify(copy);
    }
  }
}

describe('plan importer fuzz', () => {
  it('never crashes on 10,000 malformed inputs and explains every refusal', async () => {
    const plan = await migrationPlan();
    const text = JSON.stringify(plan, null, 2);
    const r = rng(20250101);
    let refused = 0;
    for (let i = 0; i < 10_000; i++) {
      const input = mutate(r, plan, text);
      const result = await importPlanText(input);
      if (result.ok) {
        // A mutation can be harmless (whitespace): then the content must be the original's.
        expect(canonicalJson(result.plan)).toBe(canonicalJson(plan));
        continue;
      }
      refused++;
      expect(result.problem.length, input.slice(0, 200)).toBeGreaterThan(10);
      expect(result.problem).not.toMatch(/\n\s+at |Error:/);
    }
    expect(refused).toBeGreaterThan(9_000);
  });
});
