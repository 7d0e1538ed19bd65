// Parsing every KMS reference form, and every way one can be malformed (no AWS call involved).
import { describe, expect, it } from 'vitest';
import { keyIdOf, keyLabel, parseKeyReference, shortKeyId } from '../../../shared/kms/key-reference';

const ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const MRK = 'mrk-1234abcd12ab34cd56ef1234567890ab';

describe('parseKeyReference', () => {
  it.each([
    [ID, { kind: 'key-id', keyId: ID }],
    [`  ${ID.toUpperCase()} `, { kind: 'key-id', keyId: ID }],
    [MRK, { kind: 'key-id', keyId: MRK }],
    [
      `arn:aws:kms:us-east-2:111122223333:key/${ID}`,
      { kind: 'key-arn', keyId: ID, partition: 'aws', region: 'us-east-2', account: '111122223333' },
    ],
    [
      `arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/${MRK}`,
      {
        kind: 'key-arn',
        keyId: MRK,
        partition: 'aws-us-gov',
        region: 'us-gov-west-1',
        account: '111122223333',
      },
    ],
    ['alias/ExampleAlias', { kind: 'alias-name', aliasName: 'alias/ExampleAlias' }],
    ['alias/aws/ebs', { kind: 'alias-name', aliasName: 'alias/aws/ebs' }],
    ['alias/team/app_key-1', { kind: 'alias-name', aliasName: 'alias/team/app_key-1' }],
    [
      'arn:aws:kms:us-east-2:111122223333:alias/ExampleAlias',
      {
        kind: 'alias-arn',
        aliasName: 'alias/ExampleAlias',
        partition: 'aws',
        region: 'us-east-2',
        account: '111122223333',
      },
    ],
    [
      'arn:aws:kms:eu-west-1:444455556666:alias/aws/ebs',
      {
        kind: 'alias-arn',
        aliasName: 'alias/aws/ebs',
        partition: 'aws',
        region: 'eu-west-1',
        account: '444455556666',
      },
    ],
  ])('parses %s', (input, ref) => {
    expect(parseKeyReference(input)).toEqual({ ok: true, ref });
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['my-key', /alias\/my-key/],
    ['1234abcd', /not a KMS key id/],
    ['1234abcd-12ab-34cd-56ef-1234567890', /not a KMS key id/],
    [`${ID} x`, /space/],
    ['alias/', /empty/],
    ['alias/has space', /space/],
    ['alias/bad*chars', /characters/],
    [`alias/${'a'.repeat(251)}`, /limit is 256/],
    ['arn:aws:s3:::my-bucket', /ARN of s3/],
    [`arn:aws:kms:us-east-2:1111:key/${ID}`, /not a KMS key or alias ARN/],
    ['arn:aws:kms:us-east-2:111122223333:key/not-a-uuid', /not a UUID/],
    [`arn:aws:kms:us-east-2:111122223333:grant/${ID}`, /not a KMS key or alias ARN/],
    ['arn:aws:kms:us-east-2:111122223333:alias/bad*', /characters/],
  ])('refuses %j with a message and an example of a valid reference', (input, message) => {
    const parsed = parseKeyReference(input);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe('invalid-key-reference');
    expect(parsed.error.message).toMatch(message);
    expect(parsed.error.hint).toContain('alias/aws/ebs');
    expect(parsed.error.hint).toContain('arn:aws:kms:');
  });
});

describe('labels', () => {
  it('prefers a customer alias, then an AWS alias, then the short id', () => {
    expect(keyLabel({ keyId: ID, aliases: ['alias/aws/ebs', 'alias/mine'] })).toBe('alias/mine');
    expect(keyLabel({ keyId: ID, aliases: ['alias/aws/ebs'] })).toBe('alias/aws/ebs');
    expect(keyLabel({ keyId: ID, aliases: [] })).toBe('1234abcd');
    expect(shortKeyId(`arn:aws:kms:us-east-2:111122223333:key/${ID}`)).toBe('1234abcd');
    expect(keyIdOf(`arn:aws:kms:us-east-2:111122223333:key/${ID}`)).toBe(ID);
  });
});
