// The JSON wire format of the json (KMS) and rest-json (SSO, SSO-OIDC) protocols, as botocore's
// JSON parsers read it: a member is the key named by its `locationName` (else its member name), a
// list a JSON array, a map a JSON object, timestamps epoch seconds unless the model says otherwise.
import { checkJsonScalar, timestampFormat } from './scalars';
import type { WireCodec } from './shape-validator';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;

export const jsonCodec: WireCodec<unknown> = {
  fields(node) {
    if (!isObject(node)) return `${describe(node)} where a JSON object is expected`;
    return new Map(Object.entries(node).map(([key, value]) => [key, [value]]));
  },

  wireName(memberName, ref) {
    return ref.locationName ?? memberName;
  },

  listItems(occurrences) {
    const [value] = occurrences;
    return Array.isArray(value) ? value : `${describe(value)} where a JSON array is expected`;
  },

  mapEntries(occurrences) {
    const [value] = occurrences;
    if (!isObject(value)) return `${describe(value)} where a JSON object is expected`;
    return Object.entries(value).map(([key, entry]) => ({ key, value: entry }));
  },

  scalar(node, shape, ref) {
    return {
      problem: checkJsonScalar(node, shape, timestampFormat(ref, shape, 'unixTimestamp')),
      ...(typeof node === 'string' ? { text: node } : {}),
    };
  },
};
