// Parsing the XML bodies of S3 PUT requests (PutBucketEncryption, PutBucketVersioning,
// PutBucketTagging, CreateBucket) with fast-xml-parser; a body that does not parse is S3's
// MalformedXML.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AwsError } from '../context';

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
});

export function malformedXml(): AwsError {
  return new AwsError(
    'MalformedXML',
    'The XML you provided was not well-formed or did not validate against our published schema',
    400,
  );
}

export function parseXmlBody(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  if (XMLValidator.validate(text) !== true) throw malformedXml();
  const parsed = parser.parse(text) as unknown;
  if (typeof parsed !== 'object' || parsed === null) throw malformedXml();
  return parsed as Record<string, unknown>;
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

// A repeated element parses to an array, a single one to an object: always a list here.
export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

export function asText(value: unknown): string | undefined {
  return typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : undefined;
}
