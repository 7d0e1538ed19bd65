// Reading a KMS JSON request body with KMS's own validation messages
// ("1 validation error detected: Value null at 'keyId' failed to satisfy constraint: …").
import { AwsError } from '../context';

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

export function validationError(field: string, value: unknown, constraint: string): AwsError {
  const shown =
    value === undefined || value === null
      ? 'null'
      : `'${typeof value === 'string' ? value : JSON.stringify(value)}'`;
  return new AwsError(
    'ValidationException',
    `1 validation error detected: Value ${shown} at '${lowerFirst(field)}' failed to satisfy constraint: ${constraint}`,
  );
}

export function requiredString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value.length === 0) {
    if (value === undefined || value === null) throw validationError(field, value, 'Member must not be null');
    throw validationError(field, value, 'Member must have length greater than or equal to 1');
  }
  return value;
}

export function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string')
    throw new AwsError('SerializationException', `Unexpected value for ${field}`);
  return value;
}

export function optionalBoolean(body: Record<string, unknown>, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean')
    throw new AwsError('SerializationException', `Unexpected value for ${field}`);
  return value;
}

export function optionalInteger(
  body: Record<string, unknown>,
  field: string,
  min: number,
  max: number,
): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new AwsError('SerializationException', `Unexpected value for ${field}`);
  }
  if (value < min)
    throw validationError(field, String(value), `Member must have value greater than or equal to ${min}`);
  if (value > max)
    throw validationError(field, String(value), `Member must have value less than or equal to ${max}`);
  return value;
}

export function optionalEnum<T extends string>(
  body: Record<string, unknown>,
  field: string,
  allowed: readonly T[],
): T | undefined {
  const value = optionalString(body, field);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw validationError(field, value, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
  }
  return value as T;
}

export function optionalStringList(body: Record<string, unknown>, field: string): string[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) {
    throw new AwsError('SerializationException', `Unexpected value for ${field}`);
  }
  return value;
}

export function optionalStringMap(value: unknown, field: string): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (
    typeof value !== 'object' ||
    Array.isArray(value) ||
    !Object.values(value).every((v) => typeof v === 'string')
  ) {
    throw new AwsError('SerializationException', `Unexpected value for ${field}`);
  }
  return value as Record<string, string>;
}

// KMS's timestamps on the wire: epoch seconds as a JSON number (fractions allowed).
export function epochSeconds(ms: number): number {
  return ms / 1000;
}
