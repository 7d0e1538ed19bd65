// Key identity: a key id, its key ARN, an alias name, its alias ARN and alias/aws/ebs are one key
// whichever form an API answered with.
import { describe, expect, it } from 'vitest';
import {
  canonicalKeyRef,
  findKey,
  keyArnOf,
  keyIdentity,
  keyIndex,
  sameKey,
} from '../../../shared/kms/key-reference';

const ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const ARN = `arn:aws:kms:us-west-2:123456789012:key/${ID}`;
const EBS_ID = '0f2d6a3c-1111-4222-8333-944455556666';
const EBS_ARN = `arn:aws:kms:us-west-2:123456789012:key/${EBS_ID}`;
const keys = [
  { arn: ARN, keyId: ID, aliases: ['alias/avi-cmk'] },
  { arn: EBS_ARN, keyId: EBS_ID, aliases: ['alias/aws/ebs'] },
];
const index = keyIndex(keys);
const here = { region: 'us-west-2' };

describe('key identity', () => {
  it('gives a key id and its ARN one identity, and an alias name and its ARN another', () => {
    expect(keyIdentity(ID)).toBe(keyIdentity(ARN));
    expect(keyIdentity(ID.toUpperCase())).toBe(keyIdentity(ARN));
    expect(keyIdentity('alias/avi-cmk', here)).toBe(
      keyIdentity('arn:aws:kms:us-west-2:123456789012:alias/avi-cmk'),
    );
    // Aliases are per region: the same name elsewhere is another alias.
    expect(keyIdentity('alias/avi-cmk', { region: 'us-east-1' })).not.toBe(
      keyIdentity('alias/avi-cmk', here),
    );
  });

  it('makes all five forms one key through the index', () => {
    const forms = [ID, ARN, 'alias/avi-cmk', 'arn:aws:kms:us-west-2:123456789012:alias/avi-cmk'];
    for (const a of forms) for (const b of forms) expect(sameKey(a, b, index, here)).toBe(true);
    for (const f of forms) expect(findKey(index, f, here)?.arn).toBe(ARN);
    expect(sameKey('alias/aws/ebs', EBS_ARN, index, here)).toBe(true);
    expect(sameKey('alias/aws/ebs', EBS_ID, index, here)).toBe(true);
    expect(keyArnOf(index, 'alias/aws/ebs', here)).toBe(EBS_ARN);
    expect(sameKey('alias/aws/ebs', ARN, index, here)).toBe(false);
    expect(sameKey(ARN, EBS_ARN, index, here)).toBe(false);
  });

  it('without the index matches only what the text itself says', () => {
    expect(sameKey(ID, ARN)).toBe(true);
    expect(sameKey('alias/avi-cmk', ARN)).toBe(false);
    expect(sameKey(undefined, ARN)).toBe(false);
    expect(sameKey('', '')).toBe(false);
    expect(canonicalKeyRef(new Map(), 'not a key')).toBe('not a key');
  });

  it('gives the ARN of an unknown key ARN as it is, and nothing for an unknown alias', () => {
    const foreign = 'arn:aws:kms:us-west-2:210987654321:key/0b7c3a52-5d1e-4c36-9d55-2f1c8f0e6a11';
    expect(keyArnOf(index, foreign, here)).toBe(foreign);
    expect(keyArnOf(index, 'alias/missing', here)).toBeUndefined();
    expect(keyArnOf(index, undefined)).toBeUndefined();
  });
});
