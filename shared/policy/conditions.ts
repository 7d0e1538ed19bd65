// Condition evaluation as the IAM policy reference describes it:
// - keys are case-insensitive, values case-sensitive (except the *IgnoreCase operators and Bool);
// - several keys in one operator block, and several operators, are ANDed; several values for
//   one key are ORed;
// - a key missing from the request makes a positive operator false, a negated operator
//   (StringNotEquals, ArnNotLike, …) true, ...IfExists true, ForAllValues true, ForAnyValue false;
// - ForAnyValue: at least one request value matches; ForAllValues: every request value matches.
import type { ConditionClause } from './document';
import { wildcardMatch } from './wildcard';

// Values of the request context: kms:ViaService, kms:CallerAccount, kms:GrantIsForAWSResource,
// aws:PrincipalArn, … A list is a multivalued key (e.g. kms:GrantOperations).
export type ConditionContextValue = string | boolean | number | readonly (string | boolean | number)[];
export type ConditionContext = Readonly<Record<string, ConditionContextValue | undefined>>;

type Comparator = (requestValue: string, policyValue: string) => boolean;

function numeric(cmp: (a: number, b: number) => boolean): Comparator {
  return (a, b) => {
    const x = Number(a);
    const y = Number(b);
    return Number.isFinite(x) && Number.isFinite(y) && cmp(x, y);
  };
}

function toEpochMs(value: string): number {
  return /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value);
}

function date(cmp: (a: number, b: number) => boolean): Comparator {
  return (a, b) => {
    const x = toEpochMs(a);
    const y = toEpochMs(b);
    return !Number.isNaN(x) && !Number.isNaN(y) && cmp(x, y);
  };
}

function ipv4ToInt(ip: string): number | undefined {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
  return parts.reduce((acc, p) => acc * 256 + p, 0);
}

// IPv4 only: enough for aws:SourceIp in the sandbox.
const ipInCidr: Comparator = (ip, cidr) => {
  const [base = '', bitsText = '32'] = cidr.split('/');
  const address = ipv4ToInt(ip);
  const network = ipv4ToInt(base);
  const bits = Number(bitsText);
  if (address === undefined || network === undefined || !(bits >= 0 && bits <= 32)) return false;
  const size = 2 ** (32 - bits);
  return Math.floor(address / size) === Math.floor(network / size);
};

// Positive comparators; the negated operators are their complements.
const comparators: Record<string, Comparator> = {
  StringEquals: (a, b) => a === b,
  StringEqualsIgnoreCase: (a, b) => a.toLowerCase() === b.toLowerCase(),
  StringLike: (a, b) => wildcardMatch(b, a),
  NumericEquals: numeric((a, b) => a === b),
  NumericLessThan: numeric((a, b) => a < b),
  NumericLessThanEquals: numeric((a, b) => a <= b),
  NumericGreaterThan: numeric((a, b) => a > b),
  NumericGreaterThanEquals: numeric((a, b) => a >= b),
  DateEquals: date((a, b) => a === b),
  DateLessThan: date((a, b) => a < b),
  DateLessThanEquals: date((a, b) => a <= b),
  DateGreaterThan: date((a, b) => a > b),
  DateGreaterThanEquals: date((a, b) => a >= b),
  Bool: (a, b) => a.toLowerCase() === b.toLowerCase(),
  BinaryEquals: (a, b) => a === b,
  IpAddress: ipInCidr,
  // ArnEquals and ArnLike both accept wildcards in each ARN segment.
  ArnEquals: (a, b) => wildcardMatch(b, a),
  ArnLike: (a, b) => wildcardMatch(b, a),
};

const negations: Record<string, string> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  NumericNotEquals: 'NumericEquals',
  DateNotEquals: 'DateEquals',
  NotIpAddress: 'IpAddress',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
};

export interface ParsedOperator {
  readonly setQualifier?: 'ForAnyValue' | 'ForAllValues';
  readonly ifExists: boolean;
  readonly base: string;
}

export function parseOperator(operator: string): ParsedOperator {
  const match = /^(?:(ForAnyValue|ForAllValues):)?(.+?)(IfExists)?$/.exec(operator);
  const qualifier = match?.[1] as ParsedOperator['setQualifier'];
  return {
    ...(qualifier ? { setQualifier: qualifier } : {}),
    ifExists: Boolean(match?.[3]),
    base: match?.[2] ?? operator,
  };
}

export function lookupContextKey(context: ConditionContext, key: string): string[] | undefined {
  const wanted = key.toLowerCase();
  for (const [name, value] of Object.entries(context)) {
    if (name.toLowerCase() !== wanted || value === undefined) continue;
    const list = Array.isArray(value) ? value : [value as string | boolean | number];
    return list.map(String);
  }
  return undefined;
}

export function evaluateCondition(clause: ConditionClause, context: ConditionContext): boolean {
  const { setQualifier, ifExists, base } = parseOperator(clause.operator);
  const requestValues = lookupContextKey(context, clause.key);

  if (base === 'Null') {
    const absent = requestValues === undefined || requestValues.length === 0;
    return clause.values.some((v) => (v.toLowerCase() === 'true' ? absent : !absent));
  }

  const negatedOf = negations[base];
  const comparator = comparators[negatedOf ?? base];
  if (!comparator) return false; // unknown operators are refused at parse time
  const isNegated = negatedOf !== undefined;

  if (requestValues === undefined || requestValues.length === 0) {
    if (ifExists) return true;
    if (setQualifier === 'ForAllValues') return true;
    if (setQualifier === 'ForAnyValue') return false;
    return isNegated;
  }

  const matchesAny = (value: string): boolean => clause.values.some((p) => comparator(value, p));
  const test = (value: string): boolean => (isNegated ? !matchesAny(value) : matchesAny(value));

  if (setQualifier === 'ForAllValues') return requestValues.every(test);
  if (setQualifier === 'ForAnyValue') return requestValues.some(test);
  // Single-valued use: a negated operator holds when no request value matches.
  return isNegated ? requestValues.every(test) : requestValues.some(test);
}

export function conditionsHold(clauses: readonly ConditionClause[], context: ConditionContext): boolean {
  return clauses.every((clause) => evaluateCondition(clause, context));
}
