// A policy document (IAM identity policy, KMS key policy, S3 bucket policy) parsed into one
// normal form: every field that AWS accepts as "a string or a list of strings" becomes a list,
// Statement becomes an array, and each statement remembers its index so that a decision can say
// which statement made it. Pure TypeScript: used by the sandbox and by core's diagnostics.

export type Effect = 'Allow' | 'Deny';

// Principal "*" (anyone, also written {"AWS": "*"}) or typed lists of principals.
export type PrincipalSpec =
  | { readonly kind: 'any' }
  | {
      readonly kind: 'list';
      readonly aws: readonly string[];
      readonly service: readonly string[];
      readonly federated: readonly string[];
      readonly canonicalUser: readonly string[];
    };

export interface ConditionClause {
  readonly operator: string; // as written, e.g. 'ForAnyValue:StringLike', 'StringEqualsIfExists'
  readonly key: string; // as written, e.g. 'kms:ViaService'
  readonly values: readonly string[];
}

export interface PolicyStatement {
  readonly index: number; // position in the document's Statement list, from 0
  readonly sid?: string;
  readonly effect: Effect;
  readonly principal?: PrincipalSpec;
  readonly notPrincipal?: PrincipalSpec;
  readonly action?: readonly string[];
  readonly notAction?: readonly string[];
  readonly resource?: readonly string[];
  readonly notResource?: readonly string[];
  readonly conditions: readonly ConditionClause[];
}

export interface PolicyDocument {
  readonly version?: string;
  readonly id?: string;
  readonly statements: readonly PolicyStatement[];
}

export type ParsePolicyResult = { ok: true; policy: PolicyDocument } | { ok: false; message: string };

export const KNOWN_CONDITION_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
] as const;

class PolicyParseError extends Error {}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown, field: string): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) return value;
  throw new PolicyParseError(`${field} must be a string or a list of strings.`);
}

// Condition values may be strings, booleans or numbers in JSON; AWS compares their text.
function conditionValues(value: unknown, where: string): string[] {
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  return list.map((v) => {
    if (typeof v === 'string') return v;
    if (typeof v === 'boolean' || typeof v === 'number') return String(v);
    throw new PolicyParseError(`Condition ${where} has a value that is not a string, number or boolean.`);
  });
}

function parsePrincipal(value: unknown, field: string): PrincipalSpec {
  if (value === '*') return { kind: 'any' };
  if (!isRecord(value)) throw new PolicyParseError(`${field} must be "*" or an object.`);
  const lists = {
    aws: [] as string[],
    service: [] as string[],
    federated: [] as string[],
    canonicalUser: [] as string[],
  };
  for (const [type, entries] of Object.entries(value)) {
    const list = stringList(entries, `${field}.${type}`);
    if (type === 'AWS') {
      if (list.includes('*')) return { kind: 'any' };
      lists.aws.push(...list);
    } else if (type === 'Service') lists.service.push(...list);
    else if (type === 'Federated') lists.federated.push(...list);
    else if (type === 'CanonicalUser') lists.canonicalUser.push(...list);
    else throw new PolicyParseError('Policy contains a statement with one or more invalid principals.');
  }
  return { kind: 'list', ...lists };
}

function parseConditions(value: unknown): ConditionClause[] {
  if (value === undefined) return [];
  if (!isRecord(value)) throw new PolicyParseError('Condition must be an object.');
  const clauses: ConditionClause[] = [];
  for (const [operator, block] of Object.entries(value)) {
    const base = operator.replace(/^(ForAnyValue|ForAllValues):/, '').replace(/IfExists$/, '');
    if (!(KNOWN_CONDITION_OPERATORS as readonly string[]).includes(base)) {
      throw new PolicyParseError(`Policy contains an unknown condition operator: ${operator}.`);
    }
    if (!isRecord(block)) throw new PolicyParseError(`Condition ${operator} must be an object.`);
    for (const [key, values] of Object.entries(block)) {
      clauses.push({ operator, key, values: conditionValues(values, `${operator}/${key}`) });
    }
  }
  return clauses;
}

function parseStatement(raw: unknown, index: number): PolicyStatement {
  if (!isRecord(raw)) throw new PolicyParseError('Each statement must be an object.');
  const { Sid, Effect: effect } = raw;
  if (effect !== 'Allow' && effect !== 'Deny')
    throw new PolicyParseError('Effect must be "Allow" or "Deny".');
  if (Sid !== undefined && typeof Sid !== 'string') throw new PolicyParseError('Sid must be a string.');
  if ((raw.Action === undefined) === (raw.NotAction === undefined)) {
    throw new PolicyParseError('Each statement needs exactly one of Action and NotAction.');
  }
  if (raw.Principal !== undefined && raw.NotPrincipal !== undefined) {
    throw new PolicyParseError('A statement cannot have both Principal and NotPrincipal.');
  }
  const optionalList = (field: string): string[] | undefined =>
    raw[field] === undefined ? undefined : stringList(raw[field], field);
  return {
    index,
    ...(Sid === undefined ? {} : { sid: Sid }),
    effect,
    ...(raw.Principal === undefined ? {} : { principal: parsePrincipal(raw.Principal, 'Principal') }),
    ...(raw.NotPrincipal === undefined
      ? {}
      : { notPrincipal: parsePrincipal(raw.NotPrincipal, 'NotPrincipal') }),
    ...(raw.Action === undefined ? {} : { action: optionalList('Action') }),
    ...(raw.NotAction === undefined ? {} : { notAction: optionalList('NotAction') }),
    ...(raw.Resource === undefined ? {} : { resource: optionalList('Resource') }),
    ...(raw.NotResource === undefined ? {} : { notResource: optionalList('NotResource') }),
    conditions: parseConditions(raw.Condition),
  };
}

// Accepts the JSON text (as GetKeyPolicy returns it) or an already parsed object.
export function parsePolicy(input: unknown): ParsePolicyResult {
  let raw: unknown = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch {
      return { ok: false, message: 'The policy is not valid JSON.' };
    }
  }
  try {
    if (!isRecord(raw)) throw new PolicyParseError('The policy must be a JSON object.');
    const { Version, Id, Statement } = raw;
    if (Version !== undefined && Version !== '2012-10-17' && Version !== '2008-10-17') {
      throw new PolicyParseError('The policy Version must be "2012-10-17" or "2008-10-17".');
    }
    if (Statement === undefined) throw new PolicyParseError('The policy has no Statement.');
    const list: unknown[] = Array.isArray(Statement) ? (Statement as unknown[]) : [Statement];
    return {
      ok: true,
      policy: {
        ...(typeof Version === 'string' ? { version: Version } : {}),
        ...(typeof Id === 'string' ? { id: Id } : {}),
        statements: list.map(parseStatement),
      },
    };
  } catch (error) {
    if (error instanceof PolicyParseError) return { ok: false, message: error.message };
    throw error;
  }
}

// For callers that hold a policy the sandbox or AWS already accepted.
export function parsePolicyOrThrow(input: unknown): PolicyDocument {
  const result = parsePolicy(input);
  if (!result.ok) throw new Error(result.message);
  return result.policy;
}
