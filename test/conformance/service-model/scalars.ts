// Scalars as each protocol serialises them (botocore's parsers and the Smithy protocol specs):
// XML protocols write every scalar as element text (booleans `true`/`false`, timestamps ISO 8601
// unless the model says otherwise); JSON protocols write JSON numbers, booleans and strings, and
// timestamps as epoch seconds (a number) unless the model says otherwise; headers carry text,
// timestamps as HTTP dates (RFC 822/1123).
import type { Shape, ShapeRef } from './model';

export type TimestampFormat = 'iso8601' | 'unixTimestamp' | 'rfc822';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;
const HTTP_DATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$|^(NaN|Infinity|-Infinity)$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// Epoch seconds between 2000 and 2100: a millisecond count (13 digits) falls outside.
const EPOCH_SECONDS_MIN = 946_684_800;
const EPOCH_SECONDS_MAX = 4_102_444_800;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

export function timestampFormat(ref: ShapeRef, shape: Shape, fallback: TimestampFormat): TimestampFormat {
  return ref.timestampFormat ?? shape.timestampFormat ?? fallback;
}

function checkTimestampText(text: string, format: TimestampFormat): string | undefined {
  switch (format) {
    case 'iso8601':
      return ISO_8601.test(text) && !Number.isNaN(Date.parse(text))
        ? undefined
        : `timestamp '${text}' is not ISO 8601 (e.g. 2026-01-02T03:04:05.000Z)`;
    case 'rfc822':
      return HTTP_DATE.test(text) ? undefined : `timestamp '${text}' is not an HTTP date (RFC 822)`;
    case 'unixTimestamp':
      return DECIMAL.test(text)
        ? checkEpochSeconds(Number(text))
        : `timestamp '${text}' is not epoch seconds`;
  }
}

function checkEpochSeconds(value: number): string | undefined {
  if (!Number.isFinite(value)) return `timestamp ${value} is not a number of seconds`;
  if (value < EPOCH_SECONDS_MIN || value > EPOCH_SECONDS_MAX) {
    return `timestamp ${value} is not epoch seconds between 2000 and 2100 (milliseconds?)`;
  }
  return undefined;
}

// A scalar written as text (XML element text, an HTTP header): undefined when it is well formed.
export function checkTextScalar(text: string, shape: Shape, format: TimestampFormat): string | undefined {
  switch (shape.type) {
    case 'string':
      return undefined;
    case 'boolean':
      return text === 'true' || text === 'false' ? undefined : `'${text}' is not a boolean (true/false)`;
    case 'integer':
    case 'long': {
      if (!INTEGER.test(text)) return `'${text}' is not an integer`;
      const value = Number(text);
      return shape.type === 'integer' && (value < INT32_MIN || value > INT32_MAX)
        ? `${text} is outside a 32-bit integer`
        : undefined;
    }
    case 'double':
    case 'float':
      return DECIMAL.test(text) ? undefined : `'${text}' is not a number`;
    case 'timestamp':
      return checkTimestampText(text, format);
    case 'blob':
      return BASE64.test(text) ? undefined : `'${text.slice(0, 40)}' is not base64`;
    default:
      return `expected text for a ${shape.type}`;
  }
}

// A scalar written as a JSON value: undefined when it is well formed.
export function checkJsonScalar(value: unknown, shape: Shape, format: TimestampFormat): string | undefined {
  const shown = JSON.stringify(value)?.slice(0, 60) ?? String(value);
  switch (shape.type) {
    case 'string':
      return typeof value === 'string' ? undefined : `${shown} is not a JSON string`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${shown} is not a JSON boolean`;
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isInteger(value)) return `${shown} is not a JSON integer`;
      return shape.type === 'integer' && (value < INT32_MIN || value > INT32_MAX)
        ? `${shown} is outside a 32-bit integer`
        : undefined;
    case 'double':
    case 'float':
      return typeof value === 'number' ? undefined : `${shown} is not a JSON number`;
    case 'timestamp':
      if (format === 'unixTimestamp') {
        return typeof value === 'number'
          ? checkEpochSeconds(value)
          : `${shown} is not epoch seconds (a number)`;
      }
      return typeof value === 'string'
        ? checkTimestampText(value, format)
        : `${shown} is not a ${format} string`;
    case 'blob':
      return typeof value === 'string' && BASE64.test(value) ? undefined : `${shown} is not base64`;
    default:
      return `expected a scalar for a ${shape.type}`;
  }
}
